package org.crmkit.core.activity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a task stands. The allowed moves:
 * <pre>
 * OPEN        -> IN_PROGRESS, DONE, CANCELLED
 * IN_PROGRESS -> DONE, CANCELLED
 * DONE        -> OPEN (reopen)
 * CANCELLED   -> OPEN (reopen)
 * </pre>
 */
public enum TaskStatus {
    OPEN,
    IN_PROGRESS,
    DONE,
    CANCELLED;

    /** Open and in-progress tasks: the ones still to be done. */
    public static final Set<TaskStatus> ACTIVE = Set.copyOf(EnumSet.of(OPEN, IN_PROGRESS));

    public boolean isActive() {
        return this == OPEN || this == IN_PROGRESS;
    }

    /** Whether a task in this status may move to {@code target}. */
    public boolean canMoveTo(TaskStatus target) {
        return switch (this) {
            case OPEN -> target == IN_PROGRESS || target == DONE || target == CANCELLED;
            case IN_PROGRESS -> target == DONE || target == CANCELLED;
            case DONE, CANCELLED -> target == OPEN;
        };
    }
}
