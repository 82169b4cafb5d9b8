package org.crmkit.workflow.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.action.Channel;

/**
 * A contact a campaign's message went to, stored one row per campaign and contact apart from the campaign itself, so
 * that a response changes this row alone (optimistic {@code version}: 0 before it is stored).
 *
 * @param address          the e-mail address, phone number or postal address the message went to
 * @param unsubscribeToken the random token the message carries; unique per tenant
 * @param responses        in the order they were recorded
 */
public record CampaignRecipient(
        TenantId tenant,
        CampaignId campaign,
        ContactId contact,
        long version,
        Channel channel,
        String address,
        RecipientStatus status,
        String unsubscribeToken,
        Instant scheduledAt,
        List<CampaignResponse> responses) {

    public CampaignRecipient {
        Require.notNull(tenant, "tenant");
        Require.notNull(campaign, "campaign");
        Require.notNull(contact, "contact");
        Require.notNegative(version, "version");
        Require.notNull(channel, "channel");
        Require.notBlank(address, "address");
        Require.notNull(status, "status");
        Require.maxLength(Require.notBlank(unsubscribeToken, "unsubscribeToken"), 64, "unsubscribeToken");
        Require.notNull(scheduledAt, "scheduledAt");
        responses = Require.noNulls(responses, "responses");
    }

    /** A new recipient whose message was just scheduled. */
    static CampaignRecipient scheduled(
            TenantId tenant,
            CampaignId campaign,
            ContactId contact,
            Channel channel,
            String address,
            String token,
            Instant at) {
        return new CampaignRecipient(
                tenant, campaign, contact, 0, channel, address, RecipientStatus.SCHEDULED, token, at, List.of());
    }

    /** This recipient with another version, as stores return it. */
    public CampaignRecipient withVersion(long version) {
        return new CampaignRecipient(
                tenant, campaign, contact, version, channel, address, status, unsubscribeToken, scheduledAt, responses);
    }

    /** This recipient in another status (same version: the store raises it on update). */
    public CampaignRecipient withStatus(RecipientStatus status) {
        return new CampaignRecipient(
                tenant, campaign, contact, version, channel, address, status, unsubscribeToken, scheduledAt, responses);
    }

    /** This recipient with one more response at the end (same version: the store raises it on update). */
    public CampaignRecipient withResponse(CampaignResponse response) {
        List<CampaignResponse> all = new ArrayList<>(responses);
        all.add(response);
        return new CampaignRecipient(
                tenant, campaign, contact, version, channel, address, status, unsubscribeToken, scheduledAt, all);
    }
}
