package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StorageException;
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

    /** Commits events of one aggregate, in order. */
    private void commit(String... whats) {
        UUID aggregate = UUID.randomUUID();
        storage.transactions()
                .inTransaction(() -> storage.outbox()
                        .append(Arrays.stream(whats)
                                .<DomainEvent>map(
                                        what -> new Happened(TenantId.DEFAULT, aggregate, clock.instant(), what))
                                .toList()));
    }

    private static String what(OutboxEntry entry) {
        return ((Happened) entry.event()).what();
    }

    @Test
    void deliversCommittedEventsInOrderAndOnlyOnce() {
        List<String> received = new ArrayList<>();
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .eventListener(entry -> received.add(what(entry)))
                .build();
        commit("a", "b", "c");

        assertThat(crm.publishPendingEvents()).isEqualTo(3);
        assertThat(crm.publishPendingEvents()).isZero();
        assertThat(received).containsExactly("a", "b", "c");
    }

    @Test
    void aFailingListenerKeepsTheFailedEventAndTheLaterEventsOfItsAggregatePendingForTheNextRun() {
        List<String> received = new ArrayList<>();
        boolean[] failOnB = {true};
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .eventListener(entry -> {
                    if (what(entry).equals("b") && failOnB[0]) {
                        throw new IllegalStateException("mail server down");
                    }
                    received.add(what(entry));
                })
                .build();
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
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .eventListener(entry -> {
                    seen.add(entry.eventId());
                    if (calls[0]++ == 0) {
                        throw new IllegalStateException("first delivery fails after the host saw it");
                    }
                })
                .build();
        commit("only");

        crm.publishPendingEvents();
        crm.publishPendingEvents();

        assertThat(seen).hasSize(2);
        assertThat(seen.get(1)).isEqualTo(seen.get(0));
    }

    @Test
    void deliversMoreThanOneBatch() {
        List<String> received = new ArrayList<>();
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .eventListener(entry -> received.add(what(entry)))
                .build();
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
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
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
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .eventListener(entry -> builderListener.add(what(entry)))
                .build();
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
                        try (EventSubscription passing = crm.subscribe(entry -> {})) {
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

    /** How often the relay read the pending events of {@link #countedStorage}. */
    private int pendingReads;
    /** The in-memory storage, whose outbox counts how often the pending events are read. */
    private final Storage countedStorage = (Storage) Proxy.newProxyInstance(
            Storage.class.getClassLoader(),
            new Class<?>[] {Storage.class},
            (proxy, method, args) ->
                    method.getName().equals("outbox") ? countingOutbox() : method.invoke(storage, args));

    private Outbox countingOutbox() {
        return (Outbox) Proxy.newProxyInstance(
                Outbox.class.getClassLoader(), new Class<?>[] {Outbox.class}, (proxy, method, args) -> {
                    if (method.getName().equals("pending")) {
                        pendingReads++;
                    }
                    return method.invoke(storage.outbox(), args);
                });
    }

    private void logNotes(Crm crm, AccountId account, int count) {
        for (int i = 0; i < count; i++) {
            crm.activities()
                    .logActivity(NewActivity.of(ActivityKind.NOTE, null, "Note " + i, clock.instant())
                            .aboutAccount(account));
        }
    }

    @Test
    void activitiesLoggedInOneOuterTransactionRelayTheirEventsWithOneReadOfThePendingEvents() {
        List<UUID> received = new ArrayList<>();
        Crm crm = Crm.builder()
                .storage(countedStorage)
                .clock(clock)
                .eventListener(entry -> received.add(entry.event().aggregateId()))
                .build();
        AccountId account = StoredRecords.account(storage, clock);

        countedStorage.transactions().inTransaction(() -> logNotes(crm, account, 5));

        assertThat(received).hasSize(5).doesNotHaveDuplicates();
        assertThat(pendingReads).isEqualTo(1);
    }

    @Test
    void anOuterTransactionThatRolledBackLeavesTheNextOneToRelayItsEvents() {
        List<UUID> received = new ArrayList<>();
        Crm crm = Crm.builder()
                .storage(countedStorage)
                .clock(clock)
                .eventListener(entry -> received.add(entry.event().aggregateId()))
                .build();
        AccountId account = StoredRecords.account(storage, clock);

        assertThatThrownBy(() -> countedStorage.transactions().inTransaction(() -> {
                    logNotes(crm, account, 3);
                    throw new IllegalStateException("the workflow's own write failed");
                }))
                .hasMessage("the workflow's own write failed");
        assertThat(received).isEmpty();

        countedStorage.transactions().inTransaction(() -> logNotes(crm, account, 2));

        assertThat(received).hasSize(2);
        assertThat(pendingReads).isEqualTo(1);
    }

    /** Collects what the relay logs. */
    private static final class LogRecords extends Handler implements AutoCloseable {

        private final Logger logger = Logger.getLogger(EventRelay.class.getName());
        private final Level previousLevel = logger.getLevel();
        final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

        LogRecords() {
            logger.setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
            logger.setLevel(previousLevel);
        }
    }

    @Test
    void anEventThatAlwaysFailsIsLoggedOnceWithItsStackTraceWhenItBecomesADeadLetter() {
        List<String> received = new ArrayList<>();
        Crm crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .eventDeliveryAttempts(3)
                .eventListener(entry -> {
                    if (what(entry).equals("refused")) {
                        throw new IllegalStateException("mail server down");
                    }
                    received.add(what(entry));
                })
                .build();

        try (LogRecords log = new LogRecords()) {
            commit("refused");
            for (int i = 0; i < 50; i++) {
                commit("later " + i);
                crm.publishPendingEvents();
            }

            assertThat(received).hasSize(50);
            assertThat(log.records)
                    .filteredOn(record -> record.getLevel().intValue() >= Level.INFO.intValue())
                    .singleElement()
                    .satisfies(record -> {
                        assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                        assertThat(record.getThrown()).hasMessage("mail server down");
                        assertThat(record.getMessage()).contains("after 3 attempts", "dead letter");
                    });
            assertThat(log.records)
                    .filteredOn(record -> record.getThrown() != null)
                    .hasSize(1);
        }
        assertThat(crm.events().deadLetters(PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void aStorageFailureWhileRelayingAfterACommitDoesNotReachTheCallerAndTheEventsStayPending() {
        boolean[] storageDown = {true};
        Storage failingOnMarks = (Storage) Proxy.newProxyInstance(
                Storage.class.getClassLoader(),
                new Class<?>[] {Storage.class},
                (proxy, method, args) -> method.getName().equals("outbox")
                        ? Proxy.newProxyInstance(
                                Outbox.class.getClassLoader(),
                                new Class<?>[] {Outbox.class},
                                (outbox, call, callArgs) -> {
                                    if (call.getName().equals("markPublished") && storageDown[0]) {
                                        throw new StorageException("the connection to the database was lost", null);
                                    }
                                    return call.invoke(storage.outbox(), callArgs);
                                })
                        : method.invoke(storage, args));
        List<UUID> received = new ArrayList<>();
        Crm crm = Crm.builder()
                .storage(failingOnMarks)
                .clock(clock)
                .eventListener(entry -> received.add(entry.eventId()))
                .build();

        logNotes(crm, StoredRecords.account(storage, clock), 1);

        assertThat(received).hasSize(1);
        storageDown[0] = false;
        assertThat(crm.publishPendingEvents()).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(received.get(1))
                .as("delivered again, as it was never marked")
                .isEqualTo(received.get(0));
    }
}
