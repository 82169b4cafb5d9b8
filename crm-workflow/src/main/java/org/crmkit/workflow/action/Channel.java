package org.crmkit.workflow.action;

import java.util.Optional;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ContactPoints;

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

    /**
     * The primary address among the contact points (a contact's or an account's) that a message on this channel
     * goes to, as a message carries it: the email address, the E.164 phone number, or the postal address on one
     * line ({@link PostalAddress#oneLine()}); empty when there is none. Every workflow addresses its messages
     * through this, so that a letter of any workflow to the same contact carries the same address.
     */
    public Optional<String> addressIn(ContactPoints points) {
        Require.notNull(points, "points");
        return switch (this) {
            case EMAIL -> points.primaryEmail().map(Object::toString);
            case SMS -> points.primaryPhone().map(Object::toString);
            case LETTER -> points.primaryAddress().map(PostalAddress::oneLine);
        };
    }

    /** The kind of activity a sent message is recorded as on the timeline. */
    public ActivityKind activityKind() {
        return activityKind;
    }
}
