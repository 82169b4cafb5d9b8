package org.crmkit.workflow.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.CountryCode;

/** Moves a case's {@link SlaClock}: started, paused, resumed, a milestone reached, reopened. */
final class SlaTimer {

    private final BusinessHours hours;

    SlaTimer(BusinessHours hours) {
        this.hours = hours;
    }

    SlaClock start(SlaPolicy policy, CountryCode country, String zone, Instant now) {
        List<SlaTarget> targets = List.of(
                new SlaTarget(Milestone.FIRST_RESPONSE, policy.firstResponse(), null, null, null, null, false, false),
                new SlaTarget(Milestone.RESOLUTION, policy.resolution(), null, null, null, null, false, false));
        SlaClock clock = new SlaClock(policy.name(), country, zone, policy.warnBefore(), Duration.ZERO, null, targets);
        return resume(clock, now);
    }

    /** Stops the clock, keeping the business time consumed so far; a paused clock stays as it is. */
    SlaClock pause(SlaClock clock, Instant now) {
        if (clock.paused()) {
            return clock;
        }
        List<SlaTarget> targets = clock.targets().stream()
                .map(target -> target.reached() ? target : target.scheduled(null, null))
                .toList();
        return clock.with(consumedBy(clock, now), null, targets);
    }

    /** Runs the clock again from {@code now}, with the due times of the milestones not reached yet. */
    SlaClock resume(SlaClock clock, Instant now) {
        SlaClock paused = pause(clock, now);
        List<SlaTarget> targets = paused.targets().stream()
                .map(target -> target.reached() ? target : schedule(target, paused, now))
                .toList();
        return paused.with(paused.consumed(), now, targets);
    }

    /** Marks the milestone reached at {@code now}, on time when the business time consumed is within its target. */
    SlaClock reach(SlaClock clock, Milestone milestone, Instant now) {
        if (clock.target(milestone).reached()) {
            return clock;
        }
        Duration consumed = consumedBy(clock, now);
        List<SlaTarget> targets = clock.targets().stream()
                .map(target -> target.milestone() == milestone
                        ? target.reached(now, consumed.compareTo(target.target()) <= 0)
                        : target)
                .toList();
        return clock.with(clock.consumed(), clock.runningSince(), targets);
    }

    /** A resolved case worked again: its resolution is open again and the clock runs. */
    SlaClock reopen(SlaClock clock, Instant now) {
        List<SlaTarget> targets = clock.targets().stream()
                .map(target -> target.milestone() == Milestone.RESOLUTION ? target.reopened() : target)
                .toList();
        return resume(clock.with(clock.consumed(), clock.runningSince(), targets), now);
    }

    /** The business time consumed up to {@code now}. */
    Duration consumedBy(SlaClock clock, Instant now) {
        return clock.paused() ? clock.consumed() : clock.consumed().plus(hours.between(clock.runningSince(), now));
    }

    private SlaTarget schedule(SlaTarget target, SlaClock clock, Instant now) {
        Duration left = target.target().minus(clock.consumed());
        Duration beforeWarning = left.minus(clock.warnBefore());
        Instant dueAt = left.isNegative() || left.isZero() ? now : hours.plus(now, left);
        Instant warnAt = beforeWarning.isNegative() || beforeWarning.isZero() ? now : hours.plus(now, beforeWarning);
        return target.scheduled(warnAt, dueAt);
    }
}
