package org.crmkit.core.sales;

import java.time.LocalDate;
import java.time.YearMonth;
import org.crmkit.core.common.Require;

/** The months a quota covers, {@code first} to {@code last} inclusive: a month, a quarter, a year or any run. */
public record QuotaPeriod(YearMonth first, YearMonth last) {

    public QuotaPeriod {
        Require.notNull(first, "period.first");
        Require.notNull(last, "period.last");
        Require.that(!last.isBefore(first), "period.last", "must not be before " + first + ", was " + last);
    }

    public static QuotaPeriod month(YearMonth month) {
        return new QuotaPeriod(month, month);
    }

    /** Quarter 1..4 of a calendar year. */
    public static QuotaPeriod quarter(int year, int quarter) {
        Require.that(quarter >= 1 && quarter <= 4, "quarter", "must be 1..4, was " + quarter);
        YearMonth first = YearMonth.of(year, 3 * quarter - 2);
        return new QuotaPeriod(first, first.plusMonths(2));
    }

    public static QuotaPeriod year(int year) {
        return new QuotaPeriod(YearMonth.of(year, 1), YearMonth.of(year, 12));
    }

    public boolean contains(LocalDate date) {
        YearMonth month = YearMonth.from(Require.notNull(date, "date"));
        return !month.isBefore(first) && !month.isAfter(last);
    }

    public boolean overlaps(QuotaPeriod other) {
        return !other.last.isBefore(first) && !other.first.isAfter(last);
    }
}
