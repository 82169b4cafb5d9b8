package org.crmkit.analytics.cli;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.crmkit.analytics.Analytics;
import org.crmkit.analytics.BgNbdModel;
import org.crmkit.analytics.CustomerSummarizer;
import org.crmkit.analytics.CustomerSummary;
import org.crmkit.analytics.FitOptions;
import org.crmkit.analytics.GammaGammaModel;
import org.crmkit.analytics.LifetimeValue;
import org.crmkit.analytics.ModelFit;
import org.crmkit.analytics.ModifiedBgNbdModel;
import org.crmkit.analytics.ParetoNbdModel;
import org.crmkit.analytics.PeriodUnit;
import org.crmkit.analytics.Profitability;
import org.crmkit.analytics.PurchaseHistory;
import org.crmkit.analytics.PurchaseModel;
import org.crmkit.analytics.RfmAnalysis;
import org.crmkit.analytics.RfmReport;
import org.crmkit.analytics.RfmScore;
import org.crmkit.analytics.SpendHistory;

/**
 * The analyses of the command line: each reads the input, computes what every customer's row needs, and returns
 * a {@link Report}: the summary (counts, parameters, totals) and the rows, written one by one afterwards. Every
 * failure of the input or of a fit happens here, before anything is written.
 */
final class CustomerReports {

    /** Writes the k-th row of a report (in the order of output, from 0); rows are written by several threads. */
    @FunctionalInterface
    interface Row {
        void write(CustomerTable table, int k);
    }

    /** A report: its summary, the names of its row's columns, the number of its rows and how each is written. */
    record Report(Map<String, Object> summary, List<String> columns, int rows, Row row) {}

    private CustomerReports() {}

    static Report of(CommandOptions options) {
        return switch (options.command()) {
            case "summary" -> summary(options);
            case "rfm" -> rfm(options);
            case "clv" -> clv(options);
            default -> profitability(options);
        };
    }

    private static Report summary(CommandOptions options) {
        Summaries summaries = summarize(options);
        List<CustomerSummary> customers = summaries.customers();
        Map<String, Object> summary = counts(customers.size(), summaries.records());
        int[] order = order(
                customers.size(),
                options.top(),
                (a, b) ->
                        customers.get(b).totalSpend().compareTo(customers.get(a).totalSpend()));
        List<String> columns = List.of(
                "customer",
                "frequency",
                "recency",
                "T",
                "monetaryValue",
                "purchases",
                "totalSpend",
                "daysSinceLastPurchase",
                "holdoutPurchases",
                "holdoutSpend");
        return new Report(summary, columns, order.length, (table, k) -> {
            CustomerSummary c = customers.get(order[k]);
            table.text(c.customerId())
                    .integer(c.frequency())
                    .real(c.history().recency())
                    .real(c.history().age())
                    .amount(c.monetaryValue())
                    .integer(c.purchases())
                    .amount(c.totalSpend())
                    .integer(c.daysSinceLastPurchase())
                    .integer(c.holdoutPurchases())
                    .amount(c.holdoutSpend())
                    .end();
        });
    }

    private static Report rfm(CommandOptions options) {
        Summaries summaries = summarize(options);
        List<CustomerSummary> customers = summaries.customers();
        RfmReport report = RfmAnalysis.standard().score(customers);
        List<Object> segments = report.segments().stream()
                .map(s -> (Object) ordered("segment", s.segment(), "customers", s.customers(), "value", s.value()))
                .toList();
        Map<String, Object> summary = counts(customers.size(), summaries.records());
        summary.put("segments", segments);
        List<String> columns = List.of("customer", "recencyDays", "frequency", "monetary", "rfm", "segment");
        List<RfmScore> scores = report.scores();
        return new Report(summary, columns, scores.size(), (table, k) -> {
            RfmScore s = scores.get(k);
            table.text(s.customerId())
                    .integer(s.recencyDays())
                    .integer(s.frequency())
                    .amount(s.monetary())
                    .text(s.code())
                    .text(s.segment())
                    .end();
        });
    }

    private static Report clv(CommandOptions options) {
        String spendName = options.get("--spend");
        if (spendName != null && !spendName.equals("gamma-gamma")) {
            throw new UsageException("--spend must be gamma-gamma, was '" + spendName + "'");
        }
        String modelName = options.getOrDefault("--model", "bg-nbd");
        if (!List.of("bg-nbd", "pareto-nbd", "modified-bg-nbd").contains(modelName)) {
            throw new UsageException("--model must be bg-nbd, pareto-nbd or modified-bg-nbd, was '" + modelName + "'");
        }
        int months = options.months();
        double discountRate = options.number("--discount-rate", 0.01);
        FitOptions fit = FitOptions.defaults().withPenalizer(options.number("--penalizer", 0));
        PeriodUnit unit = options.unit();
        int top = options.top();
        Summaries summaries = summarize(options);
        List<CustomerSummary> customers = summaries.customers();
        // The spend model needs only the summaries: it is fitted on a thread of its own while this one fits the
        // purchase model, whose steps between its parallel sums leave the other core idle.
        CompletableFuture<SpendFit> spendFit = spendName == null
                ? null
                : CompletableFuture.supplyAsync(() -> SpendFit.of(customers, fit), CustomerReports::besideThisThread);
        List<PurchaseHistory> histories =
                customers.stream().map(CustomerSummary::history).toList();
        PurchaseModel model = switch (modelName) {
            case "bg-nbd" -> BgNbdModel.fit(histories, fit);
            case "pareto-nbd" -> ParetoNbdModel.fit(histories, fit);
            default -> ModifiedBgNbdModel.fit(histories, fit);
        };
        ModelFit estimation = model.estimation().orElseThrow();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", model.name());
        summary.put("parameters", model.parameters());
        summary.put("standardErrors", estimation.standardErrors());
        summary.put("logLikelihood", estimation.logLikelihood());
        summary.putAll(counts(customers.size(), summaries.records()));
        double horizon = months * unit.periodsPerMonth();
        if (spendName == null) {
            double[] expected = new double[customers.size()];
            IntStream.range(0, expected.length)
                    .parallel()
                    .forEach(i -> expected[i] = model.expectedPurchases(histories.get(i), horizon));
            int[] order = order(expected.length, top, (a, b) -> Double.compare(expected[b], expected[a]));
            List<String> columns = List.of("customer", "probabilityAlive", "expectedPurchases");
            return new Report(summary, columns, order.length, (table, k) -> {
                int i = order[k];
                table.text(customers.get(i).customerId())
                        .decimal(model.probabilityAlive(histories.get(i)), 6)
                        .decimal(expected[i], 6)
                        .end();
            });
        }
        SpendFit spendFitted = joined(spendFit);
        List<SpendHistory> spendHistories = spendFitted.histories();
        GammaGammaModel spend = spendFitted.model();
        ModelFit spendEstimation = spend.estimation().orElseThrow();
        summary.put("spend", spend.parameters());
        summary.put("spendStandardErrors", spendEstimation.standardErrors());
        summary.put("spendLogLikelihood", spendEstimation.logLikelihood());
        summary.put("months", months);
        summary.put("discountRate", discountRate);
        LifetimeValue lifetimeValue = LifetimeValue.of(model, spend, months, discountRate, unit);
        double[] values = new double[customers.size()];
        double[] expected = new double[customers.size()];
        double[] alive = new double[customers.size()];
        lifetimeValue.estimates(customers, values, expected, alive);
        int[] order = order(values.length, top, (a, b) -> Double.compare(values[b], values[a]));
        List<String> columns = List.of("customer", "probabilityAlive", "expectedPurchases", "expectedSpend", "clv");
        return new Report(summary, columns, order.length, (table, k) -> {
            int i = order[k];
            CustomerSummary c = customers.get(i);
            table.text(c.customerId())
                    .decimal(alive[i], 6)
                    .decimal(expected[i], 6)
                    .decimal(spend.expectedSpend(spendHistories.get(i)), 2)
                    .decimal(values[i], 2)
                    .end();
        });
    }

    private static Report profitability(CommandOptions options) {
        Profitability profitability =
                Profitability.of(options.amount("--cost-per-order"), options.amount("--key-threshold"));
        long records = options.reader().read(options.input(), profitability::add);
        List<Profitability.CustomerProfit> customers = profitability.customers();
        Map<Profitability.Tier, Integer> tiers = new EnumMap<>(Profitability.Tier.class);
        for (Profitability.Tier tier : Profitability.Tier.values()) {
            tiers.put(tier, 0);
        }
        customers.forEach(c -> tiers.merge(c.tier(), 1, Integer::sum));
        Map<String, Object> tierCounts = new LinkedHashMap<>();
        tiers.forEach((tier, count) -> tierCounts.put(tier.name().toLowerCase(Locale.ROOT), count));
        Map<String, Object> summary = counts(customers.size(), records);
        summary.put("tiers", tierCounts);
        int[] order = order(
                customers.size(),
                options.top(),
                (a, b) -> customers.get(b).profit().compareTo(customers.get(a).profit()));
        List<String> columns = List.of("customer", "revenue", "costOfGoods", "costToServe", "profit", "tier");
        return new Report(summary, columns, order.length, (table, k) -> {
            Profitability.CustomerProfit c = customers.get(order[k]);
            table.text(c.customerId())
                    .amount(c.revenue())
                    .amount(c.costOfGoods())
                    .amount(c.costToServe())
                    .amount(c.profit())
                    .text(c.tier().name().toLowerCase(Locale.ROOT))
                    .end();
        });
    }

    /** The customers' spend histories and the spend model fitted to them. */
    private record SpendFit(List<SpendHistory> histories, GammaGammaModel model) {

        static SpendFit of(List<CustomerSummary> customers, FitOptions fit) {
            // once: each customer's mean spend is read from its BigDecimal (20-30 ms at 300,000)
            List<SpendHistory> histories =
                    customers.parallelStream().map(SpendHistory::of).toList();
            return new SpendFit(histories, GammaGammaModel.fit(histories, fit));
        }
    }

    private static void besideThisThread(Runnable task) {
        Thread thread = new Thread(task, "crmkit-spend-fit");
        thread.setDaemon(true);
        thread.start();
    }

    /** The result of a task run on another thread; its failure is thrown here as it was thrown there. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** The summaries of the calibration cohort and the number of records read; the summarizer itself is let go. */
    private record Summaries(List<CustomerSummary> customers, long records) {}

    private static Summaries summarize(CommandOptions options) {
        LocalDate calibrationEnd = options.date("--calibration-end");
        if (calibrationEnd == null) {
            throw new UsageException("--calibration-end is required");
        }
        LocalDate observationEnd = options.date("--observation-end");
        if (observationEnd != null && observationEnd.isBefore(calibrationEnd)) {
            throw new UsageException(
                    "--observation-end " + observationEnd + " is before --calibration-end " + calibrationEnd);
        }
        CustomerSummarizer summarizer = observationEnd == null
                ? Analytics.summarizer(calibrationEnd, options.unit())
                : Analytics.summarizer(calibrationEnd, observationEnd, options.unit());
        options.reader().summarize(options.input(), summarizer);
        return new Summaries(summarizer.summaries(), summarizer.recordCount());
    }

    private static Map<String, Object> counts(int customers, long records) {
        return ordered("customers", customers, "records", records);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * The indexes of the rows to write: all in input order without {@code --top} (top is 0), otherwise the
     * {@code top} first by {@code better} (ties in input order), found with a heap of {@code top} indexes.
     */
    static int[] order(int size, int top, Comparator<Integer> better) {
        if (top == 0) {
            return IntStream.range(0, size).toArray();
        }
        Comparator<Integer> rank = better.thenComparing(Comparator.naturalOrder());
        PriorityQueue<Integer> kept = new PriorityQueue<>(rank.reversed());
        for (int i = 0; i < size; i++) {
            if (kept.size() < top) {
                kept.add(i);
            } else if (rank.compare(i, kept.peek()) < 0) {
                kept.poll();
                kept.add(i);
            }
        }
        Integer[] best = kept.toArray(Integer[]::new);
        Arrays.sort(best, rank);
        return Arrays.stream(best).mapToInt(Integer::intValue).toArray();
    }
}
