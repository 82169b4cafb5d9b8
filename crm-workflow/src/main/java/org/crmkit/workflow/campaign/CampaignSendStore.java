package org.crmkit.workflow.campaign;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.action.Channel;

/**
 * Storage port of campaign sends: how each campaign is sent, one row per recipient (apart from the campaign, so that
 * a response writes one row), and the addresses that bounced. Beside crmkit's storage and inside its transactions.
 * No argument may be null unless said; every method sees only the given tenant's records. Writes outside a
 * transaction throw {@link TransactionRequiredException}. Implementations are thread-safe; crm-testkit's
 * {@code CampaignSendStoreContract} says what an adapter must do.
 */
public interface CampaignSendStore {

    /** Stores a new send (version 0) and returns it with version 1; a second send of the campaign is a duplicate. */
    CampaignSend addSend(CampaignSend send);

    /**
     * Stores the send when its version equals the stored one and returns it with the next version; throws
     * {@link StaleVersionException} otherwise.
     */
    CampaignSend updateSend(CampaignSend send);

    Optional<CampaignSend> findSend(TenantId tenant, CampaignId campaign);

    /** Every send of the tenant, by campaign id. */
    List<CampaignSend> sends(TenantId tenant);

    /**
     * Stores a new recipient (version 0) and returns it with version 1; throws {@link DuplicateRecordException} when
     * the campaign has the contact already or the token is taken.
     */
    CampaignRecipient addRecipient(CampaignRecipient recipient);

    /**
     * Stores the recipient when its version equals the stored one and returns it with the next version; throws
     * {@link StaleVersionException} otherwise.
     */
    CampaignRecipient updateRecipient(CampaignRecipient recipient);

    Optional<CampaignRecipient> findRecipient(TenantId tenant, CampaignId campaign, ContactId contact);

    Optional<CampaignRecipient> findByToken(TenantId tenant, String unsubscribeToken);

    /**
     * A keyset page of the campaign's recipients by contact id: at most {@code limit} whose contact id comes after
     * {@code after} (from the first when null).
     */
    List<CampaignRecipient> recipients(TenantId tenant, CampaignId campaign, ContactId after, int limit);

    /** The campaigns' recipients of the contact, by campaign id. */
    List<CampaignRecipient> recipientsOf(TenantId tenant, ContactId contact);

    /** Records that the address bounced hard on the channel; a second report of the same address changes nothing. */
    void addBounce(TenantId tenant, Channel channel, String address);

    boolean isBounced(TenantId tenant, Channel channel, String address);
}
