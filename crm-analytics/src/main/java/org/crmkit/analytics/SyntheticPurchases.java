package org.crmkit.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.crmkit.core.common.Require;
import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Synthetic purchase records drawn from the generative process of the BG/NBD purchase model and the Gamma-Gamma
 * spend model, for tests, benchmarks and demonstrations.
 *
 * <p>Customer {@code i} (ids {@code "1"}, {@code "2"}, ...) is acquired on a day drawn uniformly from the acquisition
 * window and makes a first purchase that day. It draws a purchase rate lambda from Gamma(r, rate alpha) (per period
 * of the {@link PeriodUnit}), a dropout probability p from Beta(a, b) and a spend scale nu from Gamma(q, rate gamma).
 * While active it buys after exponential waits of mean 1 / lambda, and after each repeat purchase it drops out with
 * probability p. Each purchase is worth a Gamma(p_spend, rate nu) amount, rounded half-even to cents. The continuous
 * purchase times are rounded to the nearest day, so two purchases may fall on one day (the summarizer then merges them), and
 * purchases after the end of observation are not generated.
 *
 * <p>The output is a function of the parameters, the dates, the seed and the number of customers only: the same
 * inputs give the same records, customer after customer, each customer's records in date order. Immutable and
 * thread-safe; every call to {@link #purchases(int)} starts afresh from the seed.
 */
public final class SyntheticPurchases {

    private final double r;
    private final double alpha;
    private final double a;
    private final double b;
    private final double spendShape;
    private final double spendScaleShape;
    private final double spendScaleRate;
    private final double daysPerPeriod;
    private final long firstAcquisition;
    private final int acquisitionDays;
    private final long observationEnd;
    private final long seed;

    private SyntheticPurchases(
            BgNbdModel purchases,
            GammaGammaModel spend,
            PeriodUnit unit,
            LocalDate acquiredFrom,
            LocalDate acquiredUntil,
            LocalDate observationEnd,
            long seed) {
        Map<String, Double> p = purchases.parameters();
        Map<String, Double> s = spend.parameters();
        this.r = p.get("r");
        this.alpha = p.get("alpha");
        this.a = p.get("a");
        this.b = p.get("b");
        this.spendShape = s.get("p");
        this.spendScaleShape = s.get("q");
        this.spendScaleRate = s.get("gamma");
        this.daysPerPeriod = unit.days();
        if (acquiredUntil.isBefore(acquiredFrom)) {
            throw AnalyticsException.invalidArgument("acquiredUntil", acquiredUntil + " is before " + acquiredFrom);
        }
        if (observationEnd.isBefore(acquiredUntil)) {
            throw AnalyticsException.invalidArgument(
                    "observationEnd", observationEnd + " is before the end of acquisition " + acquiredUntil);
        }
        this.firstAcquisition = acquiredFrom.toEpochDay();
        this.acquisitionDays = Math.toIntExact(acquiredUntil.toEpochDay() - firstAcquisition + 1);
        this.observationEnd = observationEnd.toEpochDay();
        this.seed = seed;
    }

    /**
     * A generator of customers acquired between {@code acquiredFrom} and {@code acquiredUntil} and observed until
     * {@code observationEnd} (all inclusive), with the purchase rate in periods of {@code unit}.
     */
    public static SyntheticPurchases of(
            BgNbdModel purchases,
            GammaGammaModel spend,
            PeriodUnit unit,
            LocalDate acquiredFrom,
            LocalDate acquiredUntil,
            LocalDate observationEnd,
            long seed) {
        return new SyntheticPurchases(
                Require.notNull(purchases, "purchases"),
                Require.notNull(spend, "spend"),
                Require.notNull(unit, "unit"),
                Require.notNull(acquiredFrom, "acquiredFrom"),
                Require.notNull(acquiredUntil, "acquiredUntil"),
                Require.notNull(observationEnd, "observationEnd"),
                seed);
    }

    /**
     * The purchases of {@code customers} customers, generated lazily one customer at a time (memory does not grow
     * with the number of customers). The stream is sequential.
     */
    public Stream<PurchaseRecord> purchases(int customers) {
        if (customers < 0) {
            throw AnalyticsException.invalidArgument("customers", "must not be negative, was " + customers);
        }
        RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(seed));
        return IntStream.rangeClosed(1, customers)
                .sequential()
                .mapToObj(i -> customer(String.valueOf(i), random).stream())
                .flatMap(s -> s);
    }

    private List<PurchaseRecord> customer(String id, RandomDataGenerator random) {
        long firstDay = firstAcquisition + random.nextInt(0, acquisitionDays - 1);
        double lambda = random.nextGamma(r, 1 / alpha);
        double dropout = random.nextBeta(a, b);
        double nu = random.nextGamma(spendScaleShape, 1 / spendScaleRate);
        // a purchase at time t falls on the nearest day, so the exposure matches T = observationEnd - firstDay
        double horizonDays = observationEnd - firstDay + 0.5;
        List<PurchaseRecord> records = new ArrayList<>();
        records.add(purchase(id, firstDay, random, nu));
        double days = 0;
        while (true) {
            days += random.nextExponential(1 / lambda) * daysPerPeriod;
            if (!(days < horizonDays)) {
                break;
            }
            records.add(purchase(id, firstDay + Math.round(days), random, nu));
            if (random.nextDouble() < dropout) {
                break;
            }
        }
        return records;
    }

    private PurchaseRecord purchase(String id, long day, RandomDataGenerator random, double nu) {
        double value = random.nextGamma(spendShape, 1 / nu);
        return PurchaseRecord.of(id, LocalDate.ofEpochDay(day), BigDecimal.valueOf(Math.round(value * 100), 2));
    }
}
