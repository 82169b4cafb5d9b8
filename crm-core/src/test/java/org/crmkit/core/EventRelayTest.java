package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.EventListener;
import org.crmkit.core.spi.Outbox;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.core.spi.Storage;
import org.junit.jupiter.api.Test;

class EventRelayTest {

    private record Happened(TenantId tenant, UUID aggregateId, Instant occurredAt, String what) implements DomainEvent {
        @Override
        public String aggregateType() {
            return "Test";
        }
    }

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);
    private final Storage storage = InMemoryStorage.create(clock);

    private void commit(String... whats) {
        storage.transactions().inTransaction(() -> storage.outbox().append(
                java.util.Arrays.stream(whats).<DomainEvent>map(w -> new Happened(TenantId.DEFAULT, UUID.randomUUID(), clock.instant(), w)).toList()));
    }

    private static String what(OutboxEntry entry) {
        return ((Happened) entry.event()).what();
    }

    @Test
    void deliversCommittedEventsInOrderAndOnlyOnce() {
        List<String> received = new ArrayList<>();
        Crm crm = Crm.builder().storage(storage).clock(clock).eventListener(entry -> received.add(what(entry))).build();
        commit("a", "b", "c");

        assertThat(crm.publishPendingEvents()).isEqualTo(3);
        assertThat(crm.publishPendingEvents()).isZero();
        assertThat(received).containsExactly("a", "b", "c");
    }

    @Test
    void aFailingListenerKeepsTheFailedEventAndItsSuccessorsPendingForTheNextRun() {
        List<String> received = new ArrayList<>();
        boolean[] failOnB = {true};
        Crm crm = Crm.builder().storage(storage).clock(clock).eventListener(entry -> {
            if (what(entry).equals("b") && failOnB[0]) {
                throw new IllegalStateException("mail server down");
            }
            received.add(what(entry));
        }).build();
        commit("a", "b", "c");

        assertThat(crm.publishPendingEvents()).isEqualTo(1);
        assertThat(received).containsExactly("a");

        failOnB[0] = false;
        assertThat(crm.publishPendingEvents()).isEqualTo(2);
        assertThat(received).containsExactly("a", "b", "c");
    }

    @Test
    void redeliveryCarriesTheSameEventId() {
        List<UUID> seen = new ArrayList<>();
        int[] calls = {0};
        Crm crm = Crm.builder().storage(storage).clock(clock).eventListener(entry -> {
            seen.add(entry.eventId());
            if (calls[0]++ == 0) {
                throw new IllegalStateException("first delivery fails after the host saw it");
            }
        }).build();
        commit("only");

        crm.publishPendingEvents();
        crm.publishPendingEvents();

        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
    }

    @Test
    void deliversMoreThanOneBatch() {
        List<String> received = new ArrayList<>();
        Crm crm = Crm.builder().storage(storage).clock(clock).eventListener(entry -> received.add(what(entry))).build();
        String[] many = new String[450];
        for (int i = 0; i < many.length; i++) {
            many[i] = "e" + i;
        }
        commit(many);

        assertThat(crm.publishPendingEvents()).isEqualTo(450);
        assertThat(received).hasSize(450).startsWith("e0", "e1").endsWith("e449");
    }

    @Test
    void everyListenerGivenToTheBuilderReceivesEveryEventInTheOrderTheyWereAdded() {
        List<String> received = new ArrayList<>();
        Crm crm = Crm.builder().storage(storage).clock(clock)
                .eventListener(entry -> received.add("first " + what(entry)))
                .eventListener(entry -> received.add("second " + what(entry)))
                .build();
        commit("a", "b");

        assertThat(crm.publishPendingEvents()).isEqualTo(2);
        assertThat(received).containsExactly("first a", "second a", "first b", "second b");
    }

    @Test
    void aSubscribedListenerReceivesEventsUntilItsSubscriptionIsClosed() {
        List<String> builderListener = new ArrayList<>();
        List<String> subscriber = new ArrayList<>();
        Crm crm = Crm.builder().storage(storage).clock(clock).eventListener(entry -> builderListener.add(what(entry))).build();
        commit("before");
        crm.publishPendingEvents();

        EventSubscription subscription = crm.subscribe(entry -> subscriber.add(what(entry)));
        commit("while subscribed");
        crm.publishPendingEvents();
        subscription.close();
        subscription.close();
        commit("after");
        crm.publishPendingEvents();

        assertThat(subscriber).containsExactly("while subscribed");
        assertThat(builderListener).containsExactly("before", "while subscribed", "after");
    }

    @Test
    void closingOneOfTwoSubscriptionsOfTheSameListenerKeepsTheOther() {
        List<String> received = new ArrayList<>();
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        EventListener listener = entry -> received.add(what(entry));
        EventSubscription first = crm.subscribe(listener);
        crm.subscribe(listener);

        first.close();
        commit("a");
        crm.publishPendingEvents();

        assertThat(received).containsExactly("a");
    }

    @Test
    void aSubscriptionMadeByAUseCaseWritesEventsThroughCrmAsWell() {
        List<String> received = new ArrayList<>();
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        crm.subscribe(entry -> received.add(entry.event().eventType()));

        logNotes(crm, StoredRecords.account(storage, clock), 2);

        assertThat(received).hasSize(2).allMatch(type -> type.equals("ActivityLogged"));
    }

    @Test
    void subscribingAndClosingFromManyThreadsWhileEventsAreDeliveredLosesNoListener() throws Exception {
        List<String> steady = Collections.synchronizedList(new ArrayList<>());
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        crm.subscribe(entry -> steady.add(what(entry)));
        int threads = 4;
        int rounds = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        try (EventSubscription passing = crm.subscribe(entry -> { })) {
                            commit("t" + thread + "-" + i);
                            crm.publishPendingEvents();
                        }
                    }
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(steady).hasSize(threads * rounds).doesNotHaveDuplicates();
    }

    /** The in-memory outbox, counting how often the pending events are read. */
    private static final class CountingOutbox implements Outbox {

        private final Outbox outbox;
        private int pendingReads;

        CountingOutbox(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public void append(List<DomainEvent> events) {
            outbox.append(events);
        }

        @Override
        public List<OutboxEntry> pending(int limit) {
            pendingReads++;
            return outbox.pending(limit);
        }

        @Override
        public void markPublished(List<UUID> eventIds) {
            outbox.markPublished(eventIds);
        }
    }

    private final CountingOutbox countingOutbox = new CountingOutbox(storage.outbox());
    private final Storage countedStorage = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class},
            (proxy, method, args) -> method.getName().equals("outbox") ? countingOutbox : method.invoke(storage, args));

    private void logNotes(Crm crm, AccountId account, int count) {
        for (int i = 0; i < count; i++) {
            crm.activities().logActivity(NewActivity.of(ActivityKind.NOTE, null, "Note " + i, clock.instant())
                    .aboutAccount(account));
        }
    }

    @Test
    void activitiesLoggedInOneOuterTransactionRelayTheirEventsWithOneReadOfThePendingEvents() {
        List<UUID> received = new ArrayList<>();
        Crm crm = Crm.builder().storage(countedStorage).clock(clock)
                .eventListener(entry -> received.add(entry.event().aggregateId())).build();
        AccountId account = StoredRecords.account(storage, clock);

        countedStorage.transactions().inTransaction(() -> logNotes(crm, account, 5));

        assertThat(received).hasSize(5).doesNotHaveDuplicates();
        assertThat(countingOutbox.pendingReads).isEqualTo(1);
    }

    @Test
    void anOuterTransactionThatRolledBackLeavesTheNextOneToRelayItsEvents() {
        List<UUID> received = new ArrayList<>();
        Crm crm = Crm.builder().storage(countedStorage).clock(clock)
                .eventListener(entry -> received.add(entry.event().aggregateId())).build();
        AccountId account = StoredRecords.account(storage, clock);

        assertThatThrownBy(() -> countedStorage.transactions().inTransaction(() -> {
            logNotes(crm, account, 3);
            throw new IllegalStateException("the workflow's own write failed");
        })).hasMessage("the workflow's own write failed");
        assertThat(received).isEmpty();

        countedStorage.transactions().inTransaction(() -> logNotes(crm, account, 2));

        assertThat(received).hasSize(2);
        assertThat(countingOutbox.pendingReads).isEqualTo(1);
    }
}
