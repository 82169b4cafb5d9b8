package org.crmkit.workflow.webhook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.workflow.TransactionRequiredException;

/**
 * Webhook subscriptions and deliveries in memory, beside an {@link InMemoryStorage} and inside its transactions.
 * Thread-safe; data lives as long as the instance.
 */
public final class InMemoryWebhookStore implements WebhookStore {

    private record Key(TenantId tenant, UUID id) {}

    private static final Comparator<WebhookSubscription> BY_CREATION = Comparator.comparing(
                    WebhookSubscription::createdAt)
            .thenComparing(subscription -> subscription.id().value());
    private static final Comparator<WebhookDelivery> BY_POSITION = Comparator.comparingLong(WebhookDelivery::position)
            .thenComparing(delivery -> delivery.id().value());

    private final InMemoryStorage storage;
    private final Map<Key, WebhookSubscription> subscriptions = new HashMap<>();
    private final Map<Key, WebhookDelivery> deliveries = new HashMap<>();

    private InMemoryWebhookStore(InMemoryStorage storage) {
        this.storage = storage;
    }

    /** A new, empty store that joins the transactions of {@code storage}. */
    public static InMemoryWebhookStore create(InMemoryStorage storage) {
        return new InMemoryWebhookStore(Require.notNull(storage, "storage"));
    }

    @Override
    public WebhookSubscription addSubscription(WebhookSubscription subscription) {
        Require.notNull(subscription, "subscription");
        Require.that(subscription.version() == 0, "subscription.version", "must be 0 for a new subscription");
        requireTransaction();
        Key key = new Key(subscription.tenant(), subscription.id().value());
        WebhookSubscription stored = subscription.withVersion(1);
        synchronized (this) {
            if (subscriptions.containsKey(key)) {
                throw new DuplicateRecordException(
                        "WebhookSubscription", subscription.id().toString());
            }
            subscriptions.put(key, stored);
        }
        undoOnRollback(() -> subscriptions.remove(key));
        return stored;
    }

    @Override
    public WebhookSubscription updateSubscription(WebhookSubscription subscription) {
        Require.notNull(subscription, "subscription");
        requireTransaction();
        return update(
                subscriptions,
                new Key(subscription.tenant(), subscription.id().value()),
                subscription,
                WebhookSubscription::version,
                stored -> subscription.withVersion(stored.version() + 1),
                "WebhookSubscription",
                subscription.id());
    }

    @Override
    public Optional<WebhookSubscription> findSubscription(TenantId tenant, WebhookSubscriptionId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return read(() -> Optional.ofNullable(subscriptions.get(new Key(tenant, id.value()))));
    }

    @Override
    public List<WebhookSubscription> findSubscriptions(TenantId tenant) {
        Require.notNull(tenant, "tenant");
        return read(() -> subscriptions.values().stream()
                .filter(subscription -> subscription.tenant().equals(tenant))
                .sorted(BY_CREATION)
                .toList());
    }

    @Override
    public void addDeliveries(List<WebhookDelivery> added) {
        Require.noNulls(added, "deliveries");
        added.forEach(
                delivery -> Require.that(delivery.version() == 0, "delivery.version", "must be 0 for a new delivery"));
        requireTransaction();
        List<Key> keys = new ArrayList<>();
        synchronized (this) {
            for (WebhookDelivery delivery : added) {
                Key key = new Key(delivery.tenant(), delivery.id().value());
                boolean taken = deliveries.containsKey(key)
                        || deliveries.values().stream()
                                .anyMatch(other -> other.tenant().equals(delivery.tenant())
                                        && other.subscription().equals(delivery.subscription())
                                        && other.position() == delivery.position());
                if (taken) {
                    keys.forEach(deliveries::remove);
                    throw new DuplicateRecordException(
                            "WebhookDelivery", delivery.subscription() + " at feed position " + delivery.position());
                }
                deliveries.put(key, delivery.withVersion(1));
                keys.add(key);
            }
        }
        undoOnRollback(() -> keys.forEach(deliveries::remove));
    }

    @Override
    public WebhookDelivery updateDelivery(WebhookDelivery delivery) {
        Require.notNull(delivery, "delivery");
        requireTransaction();
        return update(
                deliveries,
                new Key(delivery.tenant(), delivery.id().value()),
                delivery,
                WebhookDelivery::version,
                stored -> delivery.withVersion(stored.version() + 1),
                "WebhookDelivery",
                delivery.id());
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(TenantId tenant, WebhookDeliveryId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return read(() -> Optional.ofNullable(deliveries.get(new Key(tenant, id.value()))));
    }

    @Override
    public List<WebhookDelivery> findPending(TenantId tenant, WebhookSubscriptionId subscription, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subscription, "subscription");
        Require.positive(limit, "limit");
        return read(() ->
                deliveries(
                                tenant,
                                delivery -> delivery.isPending()
                                        && delivery.subscription().equals(subscription))
                        .stream()
                        .limit(limit)
                        .toList());
    }

    @Override
    public Page<WebhookDelivery> findByStatus(TenantId tenant, DeliveryStatus status, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(status, "status");
        Require.notNull(page, "page");
        return read(() -> Page.of(deliveries(tenant, delivery -> delivery.status() == status), page));
    }

    @Override
    public List<WebhookDelivery> findByRecords(TenantId tenant, Collection<UUID> recordIds) {
        Require.notNull(tenant, "tenant");
        Set<UUID> ids = Set.copyOf(Require.noNulls(recordIds, "recordIds"));
        return read(() -> deliveries(tenant, delivery -> ids.contains(delivery.recordId())));
    }

    private List<WebhookDelivery> deliveries(TenantId tenant, Predicate<WebhookDelivery> condition) {
        return deliveries.values().stream()
                .filter(delivery -> delivery.tenant().equals(tenant) && condition.test(delivery))
                .sorted(BY_POSITION)
                .toList();
    }

    private <T> T update(
            Map<Key, T> rows,
            Key key,
            T changed,
            ToLongFunction<T> version,
            UnaryOperator<T> next,
            String type,
            Object id) {
        T old;
        T stored;
        synchronized (this) {
            old = rows.get(key);
            if (old == null) {
                throw new RecordNotFoundException(type, id);
            }
            if (version.applyAsLong(old) != version.applyAsLong(changed)) {
                throw new StaleVersionException(type, id, version.applyAsLong(changed), version.applyAsLong(old));
            }
            stored = next.apply(old);
            rows.put(key, stored);
        }
        undoOnRollback(() -> rows.put(key, old));
        return stored;
    }

    private void undoOnRollback(Runnable undo) {
        storage.onRollback(() -> {
            synchronized (this) {
                undo.run();
            }
        });
    }

    private <T> T read(Supplier<T> query) {
        return storage.readCommitted(() -> {
            synchronized (this) {
                return query.get();
            }
        });
    }

    private void requireTransaction() {
        if (!storage.transactions().isActive()) {
            throw new TransactionRequiredException("writes to webhook subscriptions and deliveries");
        }
    }
}
