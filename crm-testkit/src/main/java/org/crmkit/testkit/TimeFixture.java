package org.crmkit.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Given/when/then with time as an input, for anything that acts on the clock (dunning, reminders, stale deals):
 *
 * <pre>{@code
 * TimeFixture.at(clock)
 *     .everyTick(Duration.ofDays(1), dunning::runDue)
 *     .given(() -> billing.issue(invoiceDueIn14Days))
 *     .whenTimeElapses(Duration.ofDays(30))
 *     .expect(() -> assertThat(outbox).contains(firstReminder));
 * }</pre>
 *
 * Elapsing time moves the {@link SettableClock} forward one tick at a time and calls the tick action with the new
 * time after each step, so a year of daily runs takes 365 calls and no waiting. Not thread-safe; one per test.
 */
public final class TimeFixture {

    private final SettableClock clock;
    private Duration tick = Duration.ofDays(1);
    private Consumer<Instant> onTick = now -> {};
    private long ticks;

    private TimeFixture(SettableClock clock) {
        this.clock = clock;
    }

    /** A fixture that drives the given clock. */
    public static TimeFixture at(SettableClock clock) {
        return new TimeFixture(Objects.requireNonNull(clock, "clock"));
    }

    /** What runs after each step of elapsing time (e.g. a workflow's {@code runDue}); nothing by default. */
    public TimeFixture everyTick(Duration step, Consumer<Instant> action) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("step must be positive, was " + step);
        }
        this.tick = step;
        this.onTick = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Sets the clock to the given time without running the tick action. */
    public TimeFixture andGivenCurrentTime(Instant now) {
        clock.set(now);
        return this;
    }

    /** Prepares the scenario at the current time. */
    public TimeFixture given(Runnable setup) {
        setup.run();
        return this;
    }

    /** Does something at the current time, e.g. the customer pays. */
    public TimeFixture when(Runnable action) {
        action.run();
        return this;
    }

    /**
     * Moves the clock forward by {@code duration} in steps of the tick, running the tick action after each step.
     * A remainder shorter than one tick is a last, shorter step.
     */
    public TimeFixture whenTimeElapses(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time cannot elapse backwards: " + duration);
        }
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            Instant next = clock.instant().plus(tick);
            clock.set(next.isAfter(end) ? end : next);
            onTick.accept(clock.instant());
            ticks++;
        }
        return this;
    }

    /** Elapses time until the given instant (see {@link #whenTimeElapses}). */
    public TimeFixture whenTimeReaches(Instant instant) {
        return whenTimeElapses(Duration.between(clock.instant(), instant));
    }

    /** Checks the outcome at the current time; chain further steps after it. */
    public TimeFixture expect(Runnable assertion) {
        assertion.run();
        return this;
    }

    public Instant now() {
        return clock.instant();
    }

    /** How many tick actions have run so far. */
    public long ticks() {
        return ticks;
    }
}
