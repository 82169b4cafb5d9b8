package org.crmkit.workflow.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.crmkit.core.calendar.BusinessCalendar;
import org.crmkit.core.calendar.WorkingHours;

/**
 * Time counted only inside the working hours of business days, in one time zone: what service-level targets are
 * measured in. A business day's hours end at their closing time; the next ones start at the opening of the next
 * business day.
 */
final class BusinessHours {

    private final WorkingHours hours;
    private final BusinessCalendar days;
    private final ZoneId zone;

    BusinessHours(WorkingHours hours, BusinessCalendar days, ZoneId zone) {
        this.hours = hours;
        this.days = days;
        this.zone = zone;
    }

    /** The instant at which {@code amount} of business time has passed from {@code start}. */
    Instant plus(Instant start, Duration amount) {
        Instant at = hours.nextAllowed(start, zone, days);
        Duration left = amount;
        while (true) {
            Instant close = closingOf(at);
            Duration available = Duration.between(at, close);
            if (left.compareTo(available) <= 0) {
                return at.plus(left);
            }
            left = left.minus(available);
            at = hours.nextAllowed(close, zone, days);
        }
    }

    /** The business time between the instants; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        Instant at = hours.nextAllowed(from, zone, days);
        while (at.isBefore(to)) {
            Instant close = closingOf(at);
            Instant end = close.isBefore(to) ? close : to;
            total = total.plus(Duration.between(at, end));
            at = hours.nextAllowed(close, zone, days);
        }
        return total;
    }

    private Instant closingOf(Instant insideHours) {
        LocalDate day = insideHours.atZone(zone).toLocalDate();
        return ZonedDateTime.of(day, hours.closes(), zone).toInstant();
    }
}
