package org.crmkit.workflow.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.TransactionRequiredException;

/**
 * Storage port of webhook subscriptions and their deliveries, beside crmkit's storage and inside its transactions.
 * No argument may be null; every method sees only the given tenant's records. Writes outside a transaction throw
 * {@link TransactionRequiredException}. Implementations are thread-safe; crm-testkit's {@code WebhookStoreContract}
 * says what an adapter must do. {@link InMemoryWebhookStore} keeps them beside an {@code InMemoryStorage},
 * {@code JpaWebhookStore} in the database of a {@code JpaStorage}.
 */
public interface WebhookStore {

    /**
     * Stores a new subscription (version 0) and returns it with version 1; one with the same id throws
     * {@link DuplicateRecordException}.
     */
    WebhookSubscription addSubscription(WebhookSubscription subscription);

    /**
     * Stores the subscription when its version equals the stored one and returns it with the next version;
     * {@link StaleVersionException} otherwise, {@link RecordNotFoundException} when it is not stored.
     */
    WebhookSubscription updateSubscription(WebhookSubscription subscription);

    Optional<WebhookSubscription> findSubscription(TenantId tenant, WebhookSubscriptionId id);

    /** The tenant's subscriptions, active and disabled, oldest first (by creation time, then id). */
    List<WebhookSubscription> findSubscriptions(TenantId tenant);

    /**
     * Stores new deliveries (version 0) as version 1. A delivery of a subscription and feed position that is stored
     * already (another node read the same change) throws {@link DuplicateRecordException}, at once or when the
     * transaction writes; the caller runs its transaction again.
     */
    void addDeliveries(List<WebhookDelivery> deliveries);

    /**
     * Stores the delivery when its version equals the stored one and returns it with the next version;
     * {@link StaleVersionException} otherwise, {@link RecordNotFoundException} when it is not stored.
     */
    WebhookDelivery updateDelivery(WebhookDelivery delivery);

    Optional<WebhookDelivery> findDelivery(TenantId tenant, WebhookDeliveryId id);

    /** The subscription's pending deliveries in feed position order, at most {@code limit}. */
    List<WebhookDelivery> findPending(TenantId tenant, WebhookSubscriptionId subscription, int limit);

    /** The tenant's deliveries in the status, of every subscription, by feed position then id. */
    Page<WebhookDelivery> findByStatus(TenantId tenant, DeliveryStatus status, PageRequest page);

    /** The tenant's deliveries, in any status, of changes of the records with these ids, by feed position then id. */
    List<WebhookDelivery> findByRecords(TenantId tenant, Collection<UUID> recordIds);
}
