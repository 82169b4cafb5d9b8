package org.crmkit.workflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.feed.ChangeFilter;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.privacy.ErasureReport;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.LoopbackWebhookReceiver;
import org.crmkit.testkit.workflow.LoopbackWebhookReceiver.Received;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhooksTest {

    private static final String SECRET = "whsec-0123456789abcdef";
    private static final Instant START = Instant.parse("2026-06-01T07:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .build();
    private final IdGenerator ids = new IdGenerator(clock);
    private final UserId owner = UserId.next(ids);
    private final UserId otherOwner = UserId.next(ids);
    private final LoopbackWebhookReceiver erp = receiver();
    private final LoopbackWebhookReceiver search = receiver();

    private LoopbackWebhookReceiver receiver() {
        try {
            return LoopbackWebhookReceiver.start(SECRET, clock);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopReceivers() {
        erp.close();
        search.close();
    }

    private Webhooks webhooks(WebhookRetries retries, Duration timeout) {
        return Webhooks.builder(runtime)
                .store(InMemoryWebhookStore.create(storage))
                .retries(retries)
                .timeout(timeout)
                .build();
    }

    private Webhooks webhooks() {
        return webhooks(noJitter(5), Duration.ofSeconds(5));
    }

    private static WebhookRetries noJitter(int attempts) {
        return new WebhookRetries(attempts, Duration.ofMinutes(1), Duration.ofHours(1), 0);
    }

    private Account account(String name) {
        return crm.parties().registerAccount(NewAccount.of(name, owner));
    }

    private static List<String> bodiesMentioning(LoopbackWebhookReceiver receiver, String text) {
        return receiver.received().stream()
                .map(Received::body)
                .filter(body -> body.contains(text))
                .toList();
    }

    @Test
    void changesArePostedSignedInFeedOrderToTheSubscribersThatWantThem() {
        Webhooks webhooks = webhooks();
        webhooks.subscribe(erp.endpoint(), SECRET, Set.of("Account.*"), Map.of());
        webhooks.subscribe(search.endpoint(), SECRET, Set.of("Contact.changed"), Map.of());
        Account acme = account("Acme");
        crm.parties().registerContact(NewContact.of(PersonName.of("Ada", "Lovelace"), owner));
        crm.parties().renameAccount(acme.id(), "Acme Industries");

        runtime.runDue();

        List<Received> toErp = erp.received();
        assertThat(toErp).extracting(Received::eventType).containsExactly("Account.changed");
        // the feed hands out a record changed twice once, in its current state
        assertThat(toErp.get(0).body())
                .contains("\"eventType\":\"Account.changed\"")
                .contains("\"recordId\":\"" + acme.id() + "\"")
                .contains("\"name\":\"Acme Industries\"")
                .contains("\"deliveryId\":\"" + toErp.get(0).deliveryId() + "\"");
        assertThat(toErp).allMatch(Received::signedRight);
        assertThat(WebhookSignature.verify(
                        "another-secret-0123456789",
                        toErp.get(0).signature(),
                        toErp.get(0).body(),
                        clock.instant(),
                        Duration.ofMinutes(5)))
                .isFalse();
        assertThat(search.received()).extracting(Received::eventType).containsExactly("Contact.changed");
        assertThat(search.received().get(0).body()).contains("Lovelace");
        assertThat(webhooks.deliveries(DeliveryStatus.DELIVERED, PageRequest.first(10))
                        .items())
                .hasSize(2)
                .allMatch(delivery -> delivery.attempts() == 1);

        crm.parties().renameAccount(acme.id(), "Acme Group");
        crm.parties().renameAccount(account("Globex").id(), "Globex Corporation");
        runtime.runDue();
        runtime.runDue();

        assertThat(erp.received())
                .extracting(received -> received.body().replaceAll(".*\"name\":\"([^\"]*)\".*", "$1"))
                .containsExactly("Acme Industries", "Acme Group", "Globex Corporation");
        assertThat(erp.received()).extracting(Received::deliveryId).doesNotHaveDuplicates();
    }

    @Test
    void aFieldConditionNarrowsTheChangedRecords() {
        Webhooks webhooks = webhooks();
        webhooks.subscribe(erp.endpoint(), SECRET, Set.of("Account.changed"), Map.of("owner", owner.toString()));
        account("Mine");
        crm.parties().registerAccount(NewAccount.of("Theirs", otherOwner));

        runtime.runDue();

        assertThat(erp.received()).hasSize(1);
        assertThat(erp.received().get(0).body()).contains("\"name\":\"Mine\"");
    }

    @Test
    void aFailingEndpointHoldsBackItsLaterChangesOnTheBackoffScheduleButNotOtherSubscribers() {
        Webhooks webhooks = webhooks();
        webhooks.subscribe(erp.endpoint(), SECRET, Set.of("Account.changed"), Map.of());
        webhooks.subscribe(search.endpoint(), SECRET, Set.of("Account.changed"), Map.of());
        int[] failures = {2};
        erp.answer(received -> received.body().contains("First") && failures[0]-- > 0 ? 500 : 200);
        account("First");
        account("Second");
        account("Third");

        runtime.runDue();
        assertThat(bodiesMentioning(erp, "First")).hasSize(1);
        assertThat(bodiesMentioning(erp, "Second")).isEmpty();
        assertThat(bodiesMentioning(search, "\"name\"")).hasSize(3);
        WebhookDelivery failed = webhooks.deliveries(DeliveryStatus.PENDING, PageRequest.first(10))
                .items()
                .get(0);
        assertThat(failed.lastError()).isEqualTo("HTTP 500");
        assertThat(failed.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(59));
        runtime.runDue();
        assertThat(erp.received()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        runtime.runDue();
        assertThat(erp.received()).hasSize(2);
        assertThat(webhooks.delivery(failed.id()).orElseThrow().nextAttemptAt())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(2));
        runtime.runDue();

        assertThat(erp.received())
                .extracting(received -> received.body().replaceAll(".*\"name\":\"([^\"]*)\".*", "$1"))
                .containsExactly("First", "First", "First", "Second", "Third");
        assertThat(erp.received().subList(0, 3))
                .extracting(Received::deliveryId)
                .containsOnly(failed.id().toString());
        assertThat(webhooks.delivery(failed.id()).orElseThrow())
                .extracting(WebhookDelivery::status, WebhookDelivery::attempts)
                .containsExactly(DeliveryStatus.DELIVERED, 3);
        assertThat(erp.received()).allMatch(Received::signedRight);
    }

    @Test
    void anEndpointSlowerThanTheTimeoutFailsTheAttempt() {
        Webhooks webhooks = webhooks(noJitter(5), Duration.ofMillis(300));
        webhooks.subscribe(erp.endpoint(), SECRET, Set.of("*"), Map.of());
        erp.delay(Duration.ofSeconds(2));
        account("Slow");

        runtime.runDue();

        WebhookDelivery delivery = webhooks.deliveries(DeliveryStatus.PENDING, PageRequest.first(10))
                .items()
                .get(0);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastError()).startsWith("no answer within PT0.3S");

        erp.delay(Duration.ZERO);
        clock.advance(Duration.ofMinutes(1));
        runtime.runDue();
        assertThat(webhooks.delivery(delivery.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void afterTheLastAttemptADeliveryBecomesADeadLetterTheLaterOnesGoOnAndARedriveSendsItAgain() {
        Webhooks webhooks = webhooks(noJitter(2), Duration.ofSeconds(5));
        webhooks.subscribe(erp.endpoint(), SECRET, Set.of("Account.changed"), Map.of());
        boolean[] broken = {true};
        erp.answer(received -> received.body().contains("Poison") && broken[0] ? 500 : 200);
        account("Poison");
        account("Healthy");

        runtime.runDue();
        clock.advance(Duration.ofMinutes(1));
        runtime.runDue();
        runtime.runDue();

        List<WebhookDelivery> deadLetters = webhooks.deliveries(DeliveryStatus.DEAD_LETTER, PageRequest.first(10))
                .items();
        assertThat(deadLetters).hasSize(1);
        WebhookDelivery dead = deadLetters.get(0);
        assertThat(dead.attempts()).isEqualTo(2);
        assertThat(dead.lastError()).isEqualTo("HTTP 500");
        assertThat(dead.body()).contains("Poison");
        assertThat(dead.finishedAt()).isEqualTo(clock.instant());
        assertThat(bodiesMentioning(erp, "Healthy")).hasSize(1);

        broken[0] = false;
        webhooks.redrive(dead.id());
        assertThatThrownBy(() -> webhooks.redrive(dead.id())).isInstanceOf(IllegalTransitionException.class);
        runtime.runDue();

        assertThat(webhooks.delivery(dead.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(erp.received().get(erp.received().size() - 1).deliveryId())
                .isEqualTo(dead.id().toString());
        assertThat(webhooks.deliveries(DeliveryStatus.DEAD_LETTER, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void goneDisablesTheSubscriptionUntilItIsEnabledAgain() {
        Webhooks webhooks = webhooks();
        WebhookSubscription subscription =
                webhooks.subscribe(erp.endpoint(), SECRET, Set.of("Account.changed"), Map.of());
        erp.answer(received -> 410);
        account("Gone");

        runtime.runDue();

        WebhookSubscription disabled = webhooks.subscription(subscription.id()).orElseThrow();
        assertThat(disabled.status()).isEqualTo(SubscriptionStatus.DISABLED);
        assertThat(disabled.disabledReason()).contains("410 Gone");
        account("Meanwhile");
        clock.advance(Duration.ofHours(1));
        runtime.runDue();
        assertThat(erp.received()).hasSize(1);

        erp.answer(received -> 204);
        webhooks.enable(subscription.id());
        account("After");
        runtime.runDue();

        assertThat(erp.received())
                .extracting(received -> received.body().replaceAll(".*\"name\":\"([^\"]*)\".*", "$1"))
                .containsExactly("Gone", "Gone", "After");
    }

    @Test
    void webhooksFollowTheFeedWithTheirOwnCursorAndStealNoChangeFromOtherConsumers() {
        webhooks().subscribe(erp.endpoint(), SECRET, Set.of("Account.changed"), Map.of());
        AccountId acme = account("Acme").id();

        runtime.runDue();

        List<FeedItem> indexed = crm.changeFeed()
                .consumer("search-index")
                .next(ChangeFilter.recordTypes("Account"), 100)
                .items();
        assertThat(indexed).extracting(FeedItem::recordId).containsExactly(acme.value());
        assertThat(erp.received()).hasSize(1);
    }

    @Test
    void aFirstSubscriptionGetsTheChangesFromThenOn() {
        account("Before");
        Webhooks webhooks = webhooks();
        webhooks.subscribe(erp.endpoint(), SECRET, Set.of("Account.changed"), Map.of());
        account("After");

        runtime.runDue();

        assertThat(erp.received()).hasSize(1);
        assertThat(erp.received().get(0).body()).contains("\"name\":\"After\"");
    }

    @Test
    void aSubscriptionWithBadValuesIsRefusedNamingTheField() {
        Webhooks webhooks = webhooks();

        assertThatThrownBy(() -> webhooks.subscribe(
                        URI.create("ftp://example.com/x"), SECRET, Set.of("Account.changed"), Map.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("endpoint"));
        assertThatThrownBy(() -> webhooks.subscribe(erp.endpoint(), "short", Set.of("Account.changed"), Map.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("secret"));
        assertThatThrownBy(() -> webhooks.subscribe(erp.endpoint(), SECRET, Set.of("Account.saved"), Map.of()))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("eventTypes"));
        assertThat(webhooks.subscriptions()).isEmpty();
    }

    @Test
    void aPersonsDeliveriesAreInTheirExportAndTheirErasureLeavesTheEnvelopeMarkedErased() {
        Webhooks webhooks = webhooks();
        webhooks.subscribe(erp.endpoint(), SECRET, Set.of("Contact.changed"), Map.of());
        erp.answer(received -> 503);
        Contact ada = crm.parties().registerContact(NewContact.of(PersonName.of("Ada", "Lovelace"), owner));
        runtime.runDue();
        RecordRef person = new RecordRef(RecordType.CONTACT, ada.id().value());

        assertThat(crm.privacy().export(person).json()).contains("\"webhooks\"").contains("Lovelace");
        ErasureReport report = crm.privacy().erase(person, "asked to be forgotten");

        assertThat(report.changed()).containsEntry("webhooks", 1);
        WebhookDelivery erased = webhooks.deliveries(DeliveryStatus.PENDING, PageRequest.first(10)).items().stream()
                .filter(delivery -> delivery.recordId().equals(ada.id().value()))
                .findFirst()
                .orElseThrow();
        assertThat(erased.body()).doesNotContain("Lovelace").contains("\"erased\":true");
        erp.answer(received -> 200);
        clock.advance(Duration.ofMinutes(1));
        runtime.runDue();
        assertThat(erp.received().get(1).body()).isEqualTo(erased.body());
    }
}
