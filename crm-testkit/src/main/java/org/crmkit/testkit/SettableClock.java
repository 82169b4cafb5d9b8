package org.crmkit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that stands still until a test moves it. Thread-safe; all clocks derived with {@link #withZone} share
 * the same time.
 */
public final class SettableClock extends Clock {

    private static final class Time {
        volatile Instant now;
    }

    private final Time time;
    private final ZoneId zone;

    private SettableClock(Time time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    /** A UTC clock standing at the given instant. */
    public static SettableClock at(Instant start) {
        return at(start, ZoneOffset.UTC);
    }

    public static SettableClock at(Instant start, ZoneId zone) {
        Time time = new Time();
        time.now = Objects.requireNonNull(start, "start");
        return new SettableClock(time, Objects.requireNonNull(zone, "zone"));
    }

    /** A UTC clock standing at the given ISO-8601 instant, e.g. {@code "2026-01-15T09:00:00Z"}. */
    public static SettableClock at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    public void set(Instant instant) {
        time.now = Objects.requireNonNull(instant, "instant");
    }

    /** Moves the clock forward (or back, for a negative duration). */
    public synchronized void advance(Duration duration) {
        time.now = time.now.plus(duration);
    }

    @Override
    public Instant instant() {
        return time.now;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SettableClock(time, zone);
    }

    @Override
    public String toString() {
        return "SettableClock[" + time.now + ", " + zone + "]";
    }
}
