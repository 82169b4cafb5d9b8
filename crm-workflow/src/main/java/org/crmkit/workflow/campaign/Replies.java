package org.crmkit.workflow.campaign;

import java.time.Instant;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.workflow.WorkflowRuntime;

/** What comes back with a message's unsubscribe token: the unsubscribe itself and the recipient's responses. */
final class Replies {

    private final WorkflowRuntime runtime;
    private final Crm crm;
    private final CampaignSendStore store;
    private final ConsentPurpose purpose;

    Replies(WorkflowRuntime runtime, CampaignSendStore store, ConsentPurpose purpose) {
        this.runtime = runtime;
        this.crm = runtime.crm();
        this.store = store;
        this.purpose = purpose;
    }

    CampaignRecipient unsubscribe(String token) {
        return runtime.inTransactionRetryingCollisions("unsubscribe", () -> {
            CampaignRecipient recipient = recipientOf(token);
            if (recipient.status() == RecipientStatus.UNSUBSCRIBED) {
                return recipient;
            }
            crm.parties()
                    .withdrawConsent(
                            recipient.contact(),
                            recipient.channel().consentChannel(),
                            purpose,
                            "unsubscribe campaign " + recipient.campaign());
            return store.updateRecipient(recipient.withStatus(RecipientStatus.UNSUBSCRIBED));
        });
    }

    CampaignRecipient recordResponse(String token, ResponseKind kind) {
        ContactId contact = recipientOf(token).contact();
        return runtime.inTransactionRetryingCollisions("campaign response", () -> {
            // responses to one message come at once (an open and a click): they take turns on the contact's lock
            // instead of colliding on the recipient's version
            runtime.outbox().lock(RecordRef.contact(contact));
            CampaignRecipient recipient = recipientOf(token);
            Instant now = crm.clock().instant();
            String campaign = crm.campaigns()
                    .findCampaign(recipient.campaign())
                    .map(Campaign::name)
                    .orElse(recipient.campaign().toString());
            crm.activities()
                    .logActivity(NewActivity.of(
                                    recipient.channel().activityKind(),
                                    Direction.INBOUND,
                                    "Campaign " + campaign + ": "
                                            + kind.name()
                                                    .toLowerCase(Locale.ROOT)
                                                    .replace('_', ' '),
                                    now)
                            .aboutContact(recipient.contact()));
            return store.updateRecipient(recipient.withResponse(new CampaignResponse(kind, now)));
        });
    }

    private CampaignRecipient recipientOf(String token) {
        return store.findByToken(runtime.tenant(), token)
                .orElseThrow(() -> InvalidValueException.invalid("token", "is not the token of a campaign message"));
    }
}
