package org.crmkit.workflow.runtime;

import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.party.ConsentChannel;

/** How a message reaches a customer. */
public enum Channel {
    EMAIL(ConsentChannel.EMAIL, ActivityKind.EMAIL),
    SMS(ConsentChannel.SMS, ActivityKind.SMS),
    LETTER(ConsentChannel.LETTER, ActivityKind.LETTER);

    private final ConsentChannel consentChannel;
    private final ActivityKind activityKind;

    Channel(ConsentChannel consentChannel, ActivityKind activityKind) {
        this.consentChannel = consentChannel;
        this.activityKind = activityKind;
    }

    /** The consent channel that governs this channel. */
    public ConsentChannel consentChannel() {
        return consentChannel;
    }

    /** The kind of activity a sent message is recorded as on the timeline. */
    public ActivityKind activityKind() {
        return activityKind;
    }
}
