package org.crmkit.core.service;

/**
 * Where a case stands. The allowed moves:
 * <pre>
 * NEW         -> IN_PROGRESS, WAITING, RESOLVED
 * IN_PROGRESS -> WAITING, RESOLVED
 * WAITING     -> IN_PROGRESS, RESOLVED        (WAITING: on the customer)
 * RESOLVED    -> CLOSED, IN_PROGRESS (reopen)
 * CLOSED      -> IN_PROGRESS (reopen)
 * </pre>
 */
public enum CaseStatus {
    NEW,
    IN_PROGRESS,
    WAITING,
    RESOLVED,
    CLOSED;

    /** New, in progress or waiting: the case still needs work and its service-level targets run. */
    public boolean isOpen() {
        return this == NEW || this == IN_PROGRESS || this == WAITING;
    }

    /** Whether a case in this status may move to {@code target}. */
    public boolean canMoveTo(CaseStatus target) {
        return switch (this) {
            case NEW -> target == IN_PROGRESS || target == WAITING || target == RESOLVED;
            case IN_PROGRESS -> target == WAITING || target == RESOLVED;
            case WAITING -> target == IN_PROGRESS || target == RESOLVED;
            case RESOLVED -> target == CLOSED || target == IN_PROGRESS;
            case CLOSED -> target == IN_PROGRESS;
        };
    }
}
