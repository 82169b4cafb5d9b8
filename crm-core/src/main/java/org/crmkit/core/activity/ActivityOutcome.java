package org.crmkit.core.activity;

import java.util.EnumSet;
import java.util.Set;

/** How an interaction ended. Each outcome applies to certain kinds only; notes have no outcome. */
public enum ActivityOutcome {
    /** A call reached the person. */
    CONNECTED(ActivityKind.CALL),
    NO_ANSWER(ActivityKind.CALL),
    BUSY(ActivityKind.CALL),
    LEFT_VOICEMAIL(ActivityKind.CALL),
    WRONG_NUMBER(ActivityKind.CALL, ActivityKind.SMS),
    /** A message went out; nothing more is known yet. */
    SENT(ActivityKind.EMAIL, ActivityKind.LETTER, ActivityKind.SMS),
    DELIVERED(ActivityKind.EMAIL, ActivityKind.LETTER, ActivityKind.SMS),
    /** A message came back undelivered. */
    BOUNCED(ActivityKind.EMAIL, ActivityKind.LETTER, ActivityKind.SMS),
    REPLIED(ActivityKind.EMAIL, ActivityKind.LETTER, ActivityKind.SMS),
    /** A meeting or call took place as planned. */
    COMPLETED(ActivityKind.MEETING, ActivityKind.CALL),
    RESCHEDULED(ActivityKind.MEETING),
    NO_SHOW(ActivityKind.MEETING),
    CANCELLED(ActivityKind.MEETING);

    private final Set<ActivityKind> kinds;

    ActivityOutcome(ActivityKind first, ActivityKind... rest) {
        this.kinds = EnumSet.of(first, rest);
    }

    /** Whether this outcome can end an activity of the given kind. */
    public boolean appliesTo(ActivityKind kind) {
        return kinds.contains(kind);
    }
}
