package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactRegistered;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.DeadLetter;
import org.crmkit.core.spi.EventListener;
import org.crmkit.core.spi.OutboxEntry;
import org.junit.jupiter.api.Test;

/**
 * How crmkit's event relay behaves over a storage adapter: listeners that write through {@code Crm}, listeners that
 * fail, the order per aggregate, dead letters. The in-memory adapter runs it, and the JPA adapter on every database.
 */
public abstract class EventDeliveryContract extends StorageContract {

    private final List<String> received = Collections.synchronizedList(new ArrayList<>());
    /** Notes of the events the listener of {@link #crm} fails on. */
    private final Set<String> failingNotes = ConcurrentHashMap.newKeySet();

    /** A Crm of tenant A whose listener records the notes of sample events and fails on {@link #failingNotes}. */
    private Crm crm(int attempts) {
        return crm(TENANT_A, attempts, entry -> {
            String note = ((SampleEvent) entry.event()).note();
            if (failingNotes.contains(note)) {
                throw new IllegalStateException("the mail server refused " + note);
            }
            received.add(note);
        });
    }

    private Crm crm(TenantId tenant, int attempts, EventListener listener) {
        return Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(tenant)
                .eventDeliveryAttempts(attempts)
                .eventListener(listener)
                .build();
    }

    /** Commits sample events of one aggregate, as a change through crmkit would, and relays them after the commit. */
    private void commit(Crm crm, TenantId tenant, UUID aggregate, String... notes) {
        storage.transactions()
                .inTransaction(() -> storage.outbox()
                        .append(List.of(notes).stream()
                                .<DomainEvent>map(note -> new SampleEvent(tenant, aggregate, clock.instant(), note))
                                .toList()));
        crm.publishPendingEvents();
    }

    private Contact register(Crm crm, String lastName) {
        return crm.parties()
                .registerContact(NewContact.of(new PersonName(null, "Ada", null, lastName), UserId.next(ids)));
    }

    private List<Activity> timeline(Crm crm, Contact contact) {
        return crm.activities()
                .timeline(contact.id(), TimelineFilter.ALL, PageRequest.first(100))
                .items();
    }

    @Test
    void aListenerThatWritesThroughCrmGetsEveryEventOnceAndItsOwnWritesAfterwards() {
        List<String> types = Collections.synchronizedList(new ArrayList<>());
        Crm[] self = new Crm[1];
        self[0] = crm(TENANT_A, 3, entry -> {
            types.add(entry.event().eventType());
            if (entry.event() instanceof ContactRegistered registered) {
                self[0].activities()
                        .logActivity(NewActivity.note(
                                ContactId.of(registered.aggregateId()), "Welcome", "Say hello", clock.instant()));
            }
        });

        Contact ada = register(self[0], "King");

        assertThat(timeline(self[0], ada)).extracting(Activity::subject).containsExactly("Welcome");
        assertThat(types).containsExactly("ContactRegistered", "ActivityLogged");
        assertThat(self[0].publishPendingEvents()).isZero();
    }

    @Test
    void nothingAListenerThrowsReachesTheCallerOfACommittedChange() {
        Crm crm = crm(TENANT_A, 3, entry -> {
            throw new StackOverflowError("the host's listener broke");
        });

        Contact ada = register(crm, "King");

        assertThat(crm.parties().findContact(ada.id())).isPresent();
        assertThat(storage.transactions().inTransaction(() -> storage.outbox().pending(10)))
                .extracting(entry -> entry.event().aggregateId())
                .containsExactly(ada.id().value());
    }

    /** A Crm that tries events {@code attempts} times, and an invoice's two events whose first one it fails on. */
    private Crm withTheInvoiceIssuedEventFailing(int attempts) {
        Crm crm = crm(attempts);
        failingNotes.add("invoice issued");
        commit(crm, TENANT_A, ids.next(), "invoice issued", "payment recorded");
        return crm;
    }

    @Test
    void aFailingEventHoldsBackTheLaterEventsOfItsAggregateOnly() {
        Crm crm = withTheInvoiceIssuedEventFailing(100);
        for (int i = 0; i < 50; i++) {
            commit(crm, TENANT_A, ids.next(), "other " + i);
        }

        assertThat(received).hasSize(50).allMatch(note -> note.startsWith("other "));

        failingNotes.clear();
        assertThat(crm.publishPendingEvents()).isEqualTo(2);
        assertThat(received).endsWith("invoice issued", "payment recorded");
    }

    @Test
    void anEventFailingAtEveryAttemptBecomesADeadLetterAndItsAggregateGoesOn() {
        Crm crm = withTheInvoiceIssuedEventFailing(3);
        crm.publishPendingEvents();
        assertThat(received).isEmpty();
        assertThat(crm.events().deadLetters(PageRequest.first(10)).items()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        crm.publishPendingEvents();

        assertThat(received).containsExactly("payment recorded");
        List<DeadLetter> deadLetters =
                crm.events().deadLetters(PageRequest.first(10)).items();
        assertThat(deadLetters).singleElement().satisfies(deadLetter -> {
            assertThat(((SampleEvent) deadLetter.entry().event()).note()).isEqualTo("invoice issued");
            assertThat(deadLetter.attempts()).isEqualTo(3);
            assertThat(deadLetter.lastFailure())
                    .isEqualTo("java.lang.IllegalStateException: the mail server refused invoice issued");
            assertThat(deadLetter.deadLetteredAt()).isEqualTo(clock.instant());
        });
        assertThat(crm.publishPendingEvents()).isZero();
    }

    @Test
    void aRetriedDeadLetterIsDeliveredAndADiscardedOneIsGone() {
        Crm crm = crm(1);
        failingNotes.addAll(List.of("first", "second"));
        commit(crm, TENANT_A, ids.next(), "first");
        commit(crm, TENANT_A, ids.next(), "second");
        List<UUID> dead = crm.events().deadLetters(PageRequest.first(10)).items().stream()
                .map(deadLetter -> deadLetter.entry().eventId())
                .toList();
        assertThat(dead).hasSize(2);

        failingNotes.clear();
        crm.events().retry(dead.get(0));
        crm.events().discard(dead.get(1));

        assertThat(received).containsExactly("first");
        assertThat(crm.events().deadLetters(PageRequest.first(10)).items()).isEmpty();
        assertThat(crm.publishPendingEvents()).isZero();
        assertThatThrownBy(() -> crm.events().retry(dead.get(1)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining(dead.get(1).toString());
    }

    @Test
    void aRetriedDeadLetterThatFailsAgainGetsItsAttemptsAnew() {
        Crm crm = crm(2);
        failingNotes.add("refused");
        UUID aggregate = ids.next();
        commit(crm, TENANT_A, aggregate, "refused");
        crm.publishPendingEvents();
        UUID eventId = crm.events()
                .deadLetters(PageRequest.first(10))
                .items()
                .get(0)
                .entry()
                .eventId();

        crm.events().retry(eventId);

        assertThat(crm.events().deadLetters(PageRequest.first(10)).items()).isEmpty();
        crm.publishPendingEvents();
        assertThat(crm.events().deadLetters(PageRequest.first(10)).items())
                .extracting(deadLetter -> deadLetter.entry().eventId())
                .containsExactly(eventId);
    }

    @Test
    void deadLettersArePagedOldestFirstAndSeenOnlyByTheirTenant() {
        Crm tenantA = crm(1);
        Crm tenantB = crm(TENANT_B, 1, entry -> {
            throw new IllegalStateException("tenant B's listener is down");
        });
        failingNotes.addAll(IntStream.range(0, 5).mapToObj(i -> "a" + i).toList());
        for (int i = 0; i < 5; i++) {
            commit(tenantA, TENANT_A, ids.next(), "a" + i);
        }
        commit(tenantB, TENANT_B, ids.next(), "b0");

        Page<DeadLetter> secondPage = tenantA.events().deadLetters(PageRequest.of(1, 2));
        assertThat(secondPage.items())
                .extracting(deadLetter -> ((SampleEvent) deadLetter.entry().event()).note())
                .containsExactly("a2", "a3");
        assertThat(secondPage.totalElements()).isEqualTo(5);
        assertThat(secondPage.hasNext()).isTrue();
        UUID ofTenantB = tenantB.events()
                .deadLetters(PageRequest.first(10))
                .items()
                .get(0)
                .entry()
                .eventId();
        assertThatThrownBy(() -> tenantA.events().discard(ofTenantB))
                .isInstanceOf(RecordNotFoundException.class)
                .satisfies(e ->
                        assertThat(((RecordNotFoundException) e).errorCode()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(tenantB.events().deadLetters(PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void theOrderOfEachAggregateHoldsUnderConcurrentWriters() throws Exception {
        List<OutboxEntry> delivered = Collections.synchronizedList(new ArrayList<>());
        Crm crm = crm(TENANT_A, 3, delivered::add);
        List<UUID> aggregates = IntStream.range(0, 4).mapToObj(i -> ids.next()).toList();
        List<Callable<Void>> writers = new ArrayList<>();
        for (UUID aggregate : aggregates) {
            writers.add(() -> {
                for (int i = 0; i < 30; i++) {
                    commit(crm, TENANT_A, aggregate, aggregate + " " + i);
                }
                return null;
            });
        }

        assertThat(concurrently(writers)).allMatch(Outcome::succeeded);
        crm.publishPendingEvents();

        assertThat(delivered).hasSize(120);
        for (UUID aggregate : aggregates) {
            assertThat(delivered)
                    .filteredOn(entry -> entry.event().aggregateId().equals(aggregate))
                    .extracting(entry -> ((SampleEvent) entry.event()).note())
                    .containsExactlyElementsOf(IntStream.range(0, 30)
                            .mapToObj(i -> aggregate + " " + i)
                            .toList());
        }
    }
}
