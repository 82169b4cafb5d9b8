package org.crmkit.workflow.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;

/**
 * The reference rate of interest per half-year (Germany's Basiszinssatz, the ECB's main refinancing rate for the
 * EU directive), in percent, as published for the half-years starting on 1 January and 1 July. The host supplies
 * the table and adds each new half-year when it is published. Immutable.
 */
public final class ReferenceRates {

    private final NavigableMap<LocalDate, BigDecimal> rates;

    private ReferenceRates(NavigableMap<LocalDate, BigDecimal> rates) {
        this.rates = rates;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The rate of the half-year that contains {@code date}; refuses a date whose half-year is not in the table. */
    public BigDecimal rateOn(LocalDate date) {
        LocalDate start = halfYearStart(Require.notNull(date, "date"));
        BigDecimal rate = rates.get(start);
        if (rate == null) {
            throw InvalidValueException.invalid(
                    "referenceRates", "no reference rate for the half-year starting " + start);
        }
        return rate;
    }

    /** 1 January or 1 July of the half-year that contains {@code date}. */
    public static LocalDate halfYearStart(LocalDate date) {
        return LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
    }

    /** The half-years in the table with their rates. */
    public Map<LocalDate, BigDecimal> asMap() {
        return java.util.Collections.unmodifiableNavigableMap(rates);
    }

    /** Collects the rates of half-years. */
    public static final class Builder {

        private final NavigableMap<LocalDate, BigDecimal> rates = new TreeMap<>();

        private Builder() {}

        /** The rate in percent (may be negative) of the half-year starting on {@code start}, 1 January or 1 July. */
        public Builder halfYear(LocalDate start, String ratePercent) {
            Require.notNull(start, "start");
            Require.that(
                    start.getDayOfMonth() == 1 && (start.getMonth() == Month.JANUARY || start.getMonth() == Month.JULY),
                    "start",
                    "a half-year starts on 1 January or 1 July, was " + start);
            Require.notBlank(ratePercent, "ratePercent");
            try {
                rates.put(start, new BigDecimal(ratePercent.strip()));
            } catch (NumberFormatException e) {
                throw InvalidValueException.invalid("ratePercent", "'" + ratePercent + "' is not a decimal number");
            }
            return this;
        }

        public ReferenceRates build() {
            Require.that(!rates.isEmpty(), "referenceRates", "needs at least one half-year");
            return new ReferenceRates(new TreeMap<>(rates));
        }
    }
}
