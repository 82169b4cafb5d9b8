package org.crmkit.workflow.service;

import java.time.Duration;
import java.time.Instant;
import org.crmkit.core.common.Require;

/**
 * The state of one milestone of a case's service level.
 *
 * @param target      the business time allowed
 * @param warnAt      when the warning is due; null while the clock is paused or once the milestone is reached
 * @param dueAt       when the target is due; null while the clock is paused or once the milestone is reached
 * @param reachedAt   when the milestone was reached (first response sent, case resolved); null until then
 * @param onTime      whether it was reached within the target; null until reached
 * @param warned      whether the warning was planned
 * @param escalated   whether the breach was escalated
 */
public record SlaTarget(
        Milestone milestone,
        Duration target,
        Instant warnAt,
        Instant dueAt,
        Instant reachedAt,
        Boolean onTime,
        boolean warned,
        boolean escalated) {

    public SlaTarget {
        Require.notNull(milestone, "milestone");
        Require.notNull(target, "target");
        Require.that(
                (reachedAt == null) == (onTime == null), "onTime", "is known exactly when the milestone is reached");
    }

    boolean reached() {
        return reachedAt != null;
    }

    SlaTarget scheduled(Instant newWarnAt, Instant newDueAt) {
        return new SlaTarget(milestone, target, newWarnAt, newDueAt, reachedAt, onTime, warned, escalated);
    }

    SlaTarget reached(Instant at, boolean inTime) {
        return new SlaTarget(milestone, target, null, null, at, inTime, warned, escalated);
    }

    SlaTarget reopened() {
        return new SlaTarget(milestone, target, null, null, null, null, warned, escalated);
    }

    SlaTarget markWarned() {
        return new SlaTarget(milestone, target, warnAt, dueAt, reachedAt, onTime, true, escalated);
    }

    SlaTarget markEscalated() {
        return new SlaTarget(milestone, target, warnAt, dueAt, reachedAt, onTime, warned, true);
    }
}
