package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.webhook.DeliveryStatus;
import org.crmkit.workflow.webhook.WebhookDelivery;
import org.crmkit.workflow.webhook.WebhookDeliveryId;
import org.crmkit.workflow.webhook.WebhookStore;
import org.crmkit.workflow.webhook.WebhookSubscription;
import org.crmkit.workflow.webhook.WebhookSubscriptionId;

/**
 * crm-workflow's webhook subscriptions and deliveries in {@code crm_webhook_subscription} and
 * {@code crm_webhook_delivery} (schema 21), in the same database and transactions as a {@link JpaStorage}: each as a
 * JSON document, a delivery with its subscription, feed position, record and status as query columns. A second
 * delivery of a subscription and feed position fails on the table's unique key when the transaction writes
 * ({@code DuplicateRecordException}). Thread-safe.
 */
public final class JpaWebhookStore implements WebhookStore {

    private final JpaTransactions transactions;
    private final StateJson json;

    private JpaWebhookStore(JpaStorage storage) {
        this.transactions = storage.jpaTransactions();
        this.json = storage.json();
    }

    /** The webhook store in the database of {@code storage}, joining its transactions. */
    public static JpaWebhookStore create(JpaStorage storage) {
        return new JpaWebhookStore(Require.notNull(storage, "storage"));
    }

    @Override
    public WebhookSubscription addSubscription(WebhookSubscription subscription) {
        Require.notNull(subscription, "subscription");
        Require.that(subscription.version() == 0, "subscription.version", "must be 0 for a new subscription");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            RowKey key =
                    new RowKey(subscription.tenant().value(), subscription.id().value());
            if (entityManager.find(WebhookSubscriptionRow.class, key) != null) {
                throw new DuplicateRecordException(
                        "WebhookSubscription", subscription.id().toString());
            }
            WebhookSubscription stored = subscription.withVersion(1);
            WebhookSubscriptionRow row = new WebhookSubscriptionRow();
            row.tenantId = key.tenantId;
            row.id = key.id;
            row.version = 1;
            row.createdAt = stored.createdAt();
            row.document = json.write(stored);
            entityManager.persist(row);
            flush(entityManager, "WebhookSubscription", subscription.id(), 0);
            return stored;
        });
    }

    @Override
    public WebhookSubscription updateSubscription(WebhookSubscription subscription) {
        Require.notNull(subscription, "subscription");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            WebhookSubscriptionRow row = current(
                    entityManager,
                    WebhookSubscriptionRow.class,
                    subscription.tenant(),
                    subscription.id().value(),
                    subscription.version(),
                    "WebhookSubscription");
            WebhookSubscription stored = subscription.withVersion(subscription.version() + 1);
            row.document = json.write(stored);
            flush(entityManager, "WebhookSubscription", subscription.id(), subscription.version());
            return stored;
        });
    }

    @Override
    public Optional<WebhookSubscription> findSubscription(TenantId tenant, WebhookSubscriptionId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return transactions.read(entityManager -> Optional.ofNullable(
                        entityManager.find(WebhookSubscriptionRow.class, new RowKey(tenant.value(), id.value())))
                .map(this::subscription));
    }

    @Override
    public List<WebhookSubscription> findSubscriptions(TenantId tenant) {
        Require.notNull(tenant, "tenant");
        return transactions.read(entityManager -> entityManager
                .createQuery(
                        "select r from WebhookSubscriptionRow r where r.tenantId = :tenant order by r.createdAt, r.id",
                        WebhookSubscriptionRow.class)
                .setParameter("tenant", tenant.value())
                .getResultList()
                .stream()
                .map(this::subscription)
                .toList());
    }

    @Override
    public void addDeliveries(List<WebhookDelivery> deliveries) {
        Require.noNulls(deliveries, "deliveries");
        deliveries.forEach(
                delivery -> Require.that(delivery.version() == 0, "delivery.version", "must be 0 for a new delivery"));
        requireTransaction();
        if (deliveries.isEmpty()) {
            return;
        }
        transactions.withEntityManager(entityManager -> {
            for (WebhookDelivery delivery : deliveries) {
                WebhookDeliveryRow row = new WebhookDeliveryRow();
                row.tenantId = delivery.tenant().value();
                row.id = delivery.id().value();
                row.version = 1;
                fill(row, delivery.withVersion(1));
                entityManager.persist(row);
            }
            WebhookDelivery first = deliveries.get(0);
            flush(
                    entityManager,
                    "WebhookDelivery",
                    deliveries.size() == 1 ? first.id() : "(one of the " + deliveries.size() + " added together)",
                    0);
            return null;
        });
    }

    @Override
    public WebhookDelivery updateDelivery(WebhookDelivery delivery) {
        Require.notNull(delivery, "delivery");
        requireTransaction();
        return transactions.withEntityManager(entityManager -> {
            WebhookDeliveryRow row = current(
                    entityManager,
                    WebhookDeliveryRow.class,
                    delivery.tenant(),
                    delivery.id().value(),
                    delivery.version(),
                    "WebhookDelivery");
            WebhookDelivery stored = delivery.withVersion(delivery.version() + 1);
            fill(row, stored);
            flush(entityManager, "WebhookDelivery", delivery.id(), delivery.version());
            return stored;
        });
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(TenantId tenant, WebhookDeliveryId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return transactions.read(entityManager -> Optional.ofNullable(
                        entityManager.find(WebhookDeliveryRow.class, new RowKey(tenant.value(), id.value())))
                .map(this::delivery));
    }

    @Override
    public List<WebhookDelivery> findPending(TenantId tenant, WebhookSubscriptionId subscription, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subscription, "subscription");
        Require.positive(limit, "limit");
        return deliveries(
                tenant,
                "r.subscriptionId = :subscription and r.status = 'PENDING'",
                query ->
                        query.setParameter("subscription", subscription.value()).setMaxResults(limit));
    }

    @Override
    public Page<WebhookDelivery> findByStatus(TenantId tenant, DeliveryStatus status, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(status, "status");
        Require.notNull(page, "page");
        return transactions.read(entityManager -> {
            long total = entityManager
                    .createQuery(
                            "select count(r) from WebhookDeliveryRow r where r.tenantId = :tenant and r.status = :status",
                            Long.class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("status", status.name())
                    .getSingleResult();
            List<WebhookDelivery> items = deliveries(
                    tenant,
                    "r.status = :status",
                    query -> query.setParameter("status", status.name())
                            .setFirstResult((int) page.offset())
                            .setMaxResults(page.size()));
            return new Page<>(items, page, total);
        });
    }

    @Override
    public List<WebhookDelivery> findByRecords(TenantId tenant, Collection<UUID> recordIds) {
        Require.notNull(tenant, "tenant");
        List<UUID> ids = List.copyOf(Require.noNulls(recordIds, "recordIds"));
        if (ids.isEmpty()) {
            return List.of();
        }
        return deliveries(tenant, "r.recordId in :records", query -> query.setParameter("records", ids));
    }

    private List<WebhookDelivery> deliveries(
            TenantId tenant, String condition, UnaryOperator<TypedQuery<WebhookDeliveryRow>> parameters) {
        return transactions.read(entityManager -> parameters
                .apply(entityManager
                        .createQuery(
                                "select r from WebhookDeliveryRow r where r.tenantId = :tenant and " + condition
                                        + " order by r.feedPosition, r.id",
                                WebhookDeliveryRow.class)
                        .setParameter("tenant", tenant.value()))
                .getResultList()
                .stream()
                .map(this::delivery)
                .toList());
    }

    /** The stored row of the record at the expected version; not found or stale otherwise. */
    private static <R extends AggregateRow> R current(
            EntityManager entityManager, Class<R> type, TenantId tenant, UUID id, long version, String recordType) {
        R row = entityManager.find(type, new RowKey(tenant.value(), id));
        if (row == null) {
            throw new RecordNotFoundException(recordType, id);
        }
        if (row.version != version) {
            throw new StaleVersionException(recordType, id, version, row.version);
        }
        return row;
    }

    private void fill(WebhookDeliveryRow row, WebhookDelivery delivery) {
        row.subscriptionId = delivery.subscription().value();
        row.feedPosition = delivery.position();
        row.recordId = delivery.recordId();
        row.status = delivery.status().name();
        row.document = json.write(delivery);
    }

    private WebhookSubscription subscription(WebhookSubscriptionRow row) {
        return json.read(row.document, WebhookSubscription.class, "WebhookSubscription " + row.id)
                .withVersion(row.version);
    }

    private WebhookDelivery delivery(WebhookDeliveryRow row) {
        return json.read(row.document, WebhookDelivery.class, "WebhookDelivery " + row.id)
                .withVersion(row.version);
    }

    private static void flush(EntityManager entityManager, String recordType, Object id, long version) {
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Failures.translate(e, recordType, id, version);
        }
    }

    private void requireTransaction() {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("writes to webhook subscriptions and deliveries");
        }
    }
}
