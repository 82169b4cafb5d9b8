package org.crmkit.core.party;

import java.time.LocalDate;
import org.crmkit.core.common.Require;

/** A period of whole days from {@code from} to {@code to}, both inclusive; {@code to} is null while it lasts. */
public record DateRange(LocalDate from, LocalDate to) {

    public DateRange {
        Require.notNull(from, "from");
        Require.that(to == null || !to.isBefore(from), "to", "must not be before from (" + from + "), was " + to);
    }

    public static DateRange from(LocalDate from) {
        return new DateRange(from, null);
    }

    public static DateRange of(LocalDate from, LocalDate to) {
        return new DateRange(from, to);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    public boolean overlaps(DateRange other) {
        return (to == null || !other.from.isAfter(to)) && (other.to == null || !from.isAfter(other.to));
    }

    public boolean isOpen() {
        return to == null;
    }

    /** This range ending on {@code end}; refuses an end before the start, naming the field {@code to}. */
    public DateRange endingOn(LocalDate end) {
        return new DateRange(from, Require.notNull(end, "to"));
    }
}
