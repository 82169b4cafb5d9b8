package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.webhook.DeliveryStatus;
import org.crmkit.workflow.webhook.WebhookDelivery;
import org.crmkit.workflow.webhook.WebhookDeliveryId;
import org.crmkit.workflow.webhook.WebhookStore;
import org.crmkit.workflow.webhook.WebhookSubscription;
import org.crmkit.workflow.webhook.WebhookSubscriptionId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookStore} adapter must do: a round trip of every field of subscriptions and deliveries,
 * optimistic versions, one delivery per subscription and feed position, the port's orders and limits, tenancy, and
 * rollback with crmkit's transaction. An adapter's test extends it and supplies crmkit's storage and the store on
 * top of it.
 */
public abstract class WebhookStoreContract {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");
    private static final Instant NOW = Instant.parse("2026-06-01T07:00:00Z");

    protected SettableClock clock;
    protected IdGenerator ids;
    protected Storage storage;
    protected WebhookStore store;

    /** A new crmkit storage with no records of tenants {@code tenant-a} and {@code tenant-b}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** A new, empty webhook store that joins the transactions of {@code storage}. */
    protected abstract WebhookStore createStore(Storage storage);

    @BeforeEach
    void openStores() {
        clock = SettableClock.at(NOW);
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
        store = createStore(storage);
    }

    private WebhookSubscription subscription(TenantId tenant, Instant createdAt) {
        return WebhookSubscription.create(
                tenant,
                WebhookSubscriptionId.next(ids),
                URI.create("https://erp.example.com/hooks?from=crm&x=1"),
                "whsec-0123456789abcdef",
                Set.of("Account.*", "Contact.removed"),
                Map.of("owner", "018f0000-0000-7000-8000-000000000001", "name", "Zoë & Søn"),
                createdAt);
    }

    private WebhookDelivery delivery(TenantId tenant, WebhookSubscriptionId subscription, long position, UUID record) {
        return WebhookDelivery.pending(
                tenant,
                WebhookDeliveryId.next(ids),
                subscription,
                position,
                "Account.changed",
                record,
                "{\"position\":" + position + ",\"name\":\"Zoë \\\"quoted\\\" – ąę\",\"b\":1,\"a\":2}",
                NOW);
    }

    private WebhookSubscriptionId stored(TenantId tenant) {
        return inTransaction(() -> store.addSubscription(subscription(tenant, NOW)))
                .id();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }

    private void add(WebhookDelivery... deliveries) {
        inTransaction(() -> {
            store.addDeliveries(List.of(deliveries));
            return null;
        });
    }

    @Test
    void everyFieldOfASubscriptionSurvivesTheRoundTrip() {
        WebhookSubscription subscription = subscription(TENANT_A, NOW);

        WebhookSubscription added = inTransaction(() -> store.addSubscription(subscription));
        WebhookSubscription disabled =
                inTransaction(() -> store.updateSubscription(added.disabled("the endpoint answered 410 Gone")));

        assertThat(added.version()).isEqualTo(1);
        assertThat(disabled.version()).isEqualTo(2);
        assertThat(store.findSubscription(TENANT_A, subscription.id()))
                .hasValue(
                        subscription.disabled("the endpoint answered 410 Gone").withVersion(2));
        assertThat(store.findSubscription(TENANT_B, subscription.id())).isEmpty();
    }

    @Test
    void subscriptionsComeOldestFirstPerTenantAndAStaleOrUnknownOneIsRefused() {
        WebhookSubscription later = subscription(TENANT_A, NOW.plusSeconds(60));
        WebhookSubscription sooner = subscription(TENANT_A, NOW);
        WebhookSubscription other = subscription(TENANT_B, NOW);
        inTransaction(() -> List.of(later, sooner, other).stream()
                .map(store::addSubscription)
                .toList());

        assertThat(store.findSubscriptions(TENANT_A))
                .extracting(WebhookSubscription::id)
                .containsExactly(sooner.id(), later.id());
        assertThatThrownBy(() -> inTransaction(() -> store.addSubscription(sooner)))
                .isInstanceOf(DuplicateRecordException.class);
        assertThatThrownBy(() -> inTransaction(() -> store.updateSubscription(sooner)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> inTransaction(() ->
                        store.updateSubscription(subscription(TENANT_A, NOW).withVersion(1))))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void everyFieldOfADeliverySurvivesTheRoundTripAndTheBodyStaysByteForByte() {
        WebhookSubscriptionId subscription = stored(TENANT_A);
        WebhookDelivery delivery = delivery(TENANT_A, subscription, 7, UUID.randomUUID());

        add(delivery);
        WebhookDelivery failed = inTransaction(() -> store.updateDelivery(
                delivery.withVersion(1).attemptFailed("HTTP 500", NOW.plusSeconds(1), NOW.plusSeconds(61))));
        WebhookDelivery dead = inTransaction(
                () -> store.updateDelivery(failed.attemptFailed("no answer within PT10S", NOW.plusSeconds(61), null)));

        assertThat(failed.version()).isEqualTo(2);
        assertThat(store.findDelivery(TENANT_A, delivery.id())).hasValue(dead);
        assertThat(dead.withVersion(0))
                .isEqualTo(delivery.attemptFailed("HTTP 500", NOW.plusSeconds(1), NOW.plusSeconds(61))
                        .attemptFailed("no answer within PT10S", NOW.plusSeconds(61), null));
        assertThat(store.findDelivery(TENANT_A, delivery.id()).orElseThrow().body())
                .isEqualTo(delivery.body());
        assertThat(store.findDelivery(TENANT_B, delivery.id())).isEmpty();
    }

    @Test
    void aSecondDeliveryOfTheSameSubscriptionAndPositionIsRefusedAndNothingOfItsBatchIsStored() {
        WebhookSubscriptionId subscription = stored(TENANT_A);
        WebhookSubscriptionId other = stored(TENANT_A);
        add(delivery(TENANT_A, subscription, 7, UUID.randomUUID()));
        WebhookDelivery fresh = delivery(TENANT_A, other, 7, UUID.randomUUID());

        assertThatThrownBy(() -> add(fresh, delivery(TENANT_A, subscription, 7, UUID.randomUUID())))
                .isInstanceOf(DuplicateRecordException.class);

        assertThat(store.findDelivery(TENANT_A, fresh.id())).isEmpty();
        add(fresh);
        assertThat(store.findPending(TENANT_A, other, 10)).containsExactly(fresh.withVersion(1));
    }

    @Test
    void aStaleDeliveryIsRefusedAndNothingChanges() {
        WebhookSubscriptionId subscription = stored(TENANT_A);
        WebhookDelivery delivery = delivery(TENANT_A, subscription, 3, UUID.randomUUID());
        add(delivery);
        inTransaction(() -> store.updateDelivery(delivery.withVersion(1).delivered(NOW)));

        assertThatThrownBy(() -> inTransaction(() -> store.updateDelivery(delivery.withVersion(1))))
                .isInstanceOf(StaleVersionException.class);
        assertThat(store.findDelivery(TENANT_A, delivery.id()).orElseThrow().status())
                .isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void pendingDeliveriesComeInFeedOrderPerSubscriptionWithinTheLimit() {
        WebhookSubscriptionId subscription = stored(TENANT_A);
        WebhookSubscriptionId other = stored(TENANT_A);
        WebhookDelivery third = delivery(TENANT_A, subscription, 30, UUID.randomUUID());
        WebhookDelivery first = delivery(TENANT_A, subscription, 4, UUID.randomUUID());
        WebhookDelivery second = delivery(TENANT_A, subscription, 12, UUID.randomUUID());
        WebhookDelivery done = delivery(TENANT_A, subscription, 2, UUID.randomUUID());
        add(third, first, second, done, delivery(TENANT_A, other, 5, UUID.randomUUID()));
        inTransaction(() -> store.updateDelivery(done.withVersion(1).delivered(NOW)));

        assertThat(store.findPending(TENANT_A, subscription, 10))
                .extracting(WebhookDelivery::position)
                .containsExactly(4L, 12L, 30L);
        assertThat(store.findPending(TENANT_A, subscription, 1))
                .extracting(WebhookDelivery::position)
                .containsExactly(4L);
        assertThat(store.findPending(TENANT_B, subscription, 10)).isEmpty();
    }

    @Test
    void deliveriesByStatusComePagedInFeedOrderAcrossSubscriptions() {
        WebhookSubscriptionId subscription = stored(TENANT_A);
        WebhookSubscriptionId other = stored(TENANT_A);
        WebhookDelivery late = delivery(TENANT_A, subscription, 9, UUID.randomUUID());
        WebhookDelivery early = delivery(TENANT_A, other, 3, UUID.randomUUID());
        WebhookDelivery middle = delivery(TENANT_A, subscription, 5, UUID.randomUUID());
        WebhookDelivery pending = delivery(TENANT_A, subscription, 1, UUID.randomUUID());
        add(late, early, middle, pending, delivery(TENANT_B, other, 2, UUID.randomUUID()));
        inTransaction(() -> List.of(late, early, middle).stream()
                .map(delivery -> store.updateDelivery(delivery.withVersion(1).attemptFailed("HTTP 500", NOW, null)))
                .toList());

        var firstPage = store.findByStatus(TENANT_A, DeliveryStatus.DEAD_LETTER, PageRequest.of(0, 2));
        var secondPage = store.findByStatus(TENANT_A, DeliveryStatus.DEAD_LETTER, PageRequest.of(1, 2));

        assertThat(firstPage.items()).extracting(WebhookDelivery::position).containsExactly(3L, 5L);
        assertThat(firstPage.totalElements()).isEqualTo(3);
        assertThat(firstPage.hasNext()).isTrue();
        assertThat(secondPage.items()).extracting(WebhookDelivery::position).containsExactly(9L);
        assertThat(store.findByStatus(TENANT_A, DeliveryStatus.PENDING, PageRequest.first(10))
                        .items())
                .containsExactly(pending.withVersion(1));
        assertThat(store.findByStatus(TENANT_B, DeliveryStatus.DEAD_LETTER, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void deliveriesOfRecordsAreFoundWhateverTheirStatus() {
        WebhookSubscriptionId subscription = stored(TENANT_A);
        UUID person = UUID.randomUUID();
        WebhookDelivery created = delivery(TENANT_A, subscription, 1, person);
        WebhookDelivery renamed = delivery(TENANT_A, subscription, 8, person);
        add(renamed, created, delivery(TENANT_A, subscription, 4, UUID.randomUUID()));
        inTransaction(() -> store.updateDelivery(created.withVersion(1).delivered(NOW)));

        assertThat(store.findByRecords(TENANT_A, List.of(person, UUID.randomUUID())))
                .extracting(WebhookDelivery::id)
                .containsExactly(created.id(), renamed.id());
        assertThat(store.findByRecords(TENANT_A, List.of())).isEmpty();
        assertThat(store.findByRecords(TENANT_B, List.of(person))).isEmpty();
    }

    @Test
    void writesNeedATransactionAndRollBackWithIt() {
        WebhookSubscription subscription = subscription(TENANT_A, NOW);
        WebhookDelivery delivery = delivery(TENANT_A, subscription.id(), 1, UUID.randomUUID());

        assertThatThrownBy(() -> store.addSubscription(subscription)).isInstanceOf(TransactionRequiredException.class);
        assertThatThrownBy(() -> store.addDeliveries(List.of(delivery)))
                .isInstanceOf(TransactionRequiredException.class);
        assertThatThrownBy(() -> inTransaction(() -> {
                    store.addSubscription(subscription);
                    store.addDeliveries(List.of(delivery));
                    throw new IllegalStateException("the feed could not be acknowledged");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.findSubscriptions(TENANT_A)).isEmpty();
        assertThat(store.findDelivery(TENANT_A, delivery.id())).isEmpty();
    }
}
