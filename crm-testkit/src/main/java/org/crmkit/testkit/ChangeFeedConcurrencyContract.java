package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.crmkit.core.Crm;
import org.crmkit.core.common.UserId;
import org.crmkit.core.feed.ChangeBatch;
import org.crmkit.core.feed.ChangeFilter;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.Test;

/**
 * The change feed's promise under load, on real threads: writers whose transactions commit in another order than
 * they began, and readers following the feed at the same time, none of which ever skips a change. Run it on every
 * database an adapter supports; a database adapter that numbers changes when they are written fails it.
 */
public abstract class ChangeFeedConcurrencyContract extends StorageContract {

    @Test
    void aReaderFollowingConcurrentWritersNeverSkipsAChange() throws Exception {
        Crm crm = Crm.builder().storage(storage).clock(clock).tenant(TENANT_A).build();
        int writers = 6;
        int transactionsEach = 12;
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Callable<List<Long>>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> {
                Random random = new Random(writer);
                for (int t = 0; t < transactionsEach; t++) {
                    int number = t;
                    UUID id = storage.transactions().inTransaction(() -> {
                        UUID registered = crm.parties()
                                .registerContact(NewContact.of(
                                        PersonName.of("Writer " + writer, "Number " + number), UserId.next(ids)))
                                .id()
                                .value();
                        // held open a while, so that transactions commit in another order than they began
                        sleep(random.nextInt(4));
                        return registered;
                    });
                    committed.add(id);
                }
                return List.of();
            });
        }
        // two readers, so that two of them give positions at the same time too
        List<List<UUID>> reads = List.of(
                Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
        for (List<UUID> read : reads) {
            tasks.add(() -> {
                List<Long> positions = new ArrayList<>();
                FeedCursor cursor = crm.changeFeed().beginning();
                boolean last = false;
                while (!last) {
                    // one more full read after the writers are done, so that the reader ends up to date
                    last = !writing.get();
                    ChangeBatch batch;
                    do {
                        batch = crm.changeFeed().changesSince(cursor, ChangeFilter.all(), 7);
                        batch.items().forEach(item -> {
                            positions.add(item.position());
                            read.add(item.recordId());
                        });
                        cursor = batch.next();
                    } while (batch.hasMore());
                    sleep(1);
                }
                return positions;
            });
        }
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<List<Outcome<List<Long>>>> outcomes = waiter.submit(() -> concurrently(tasks));
            while (committed.size() < writers * transactionsEach) {
                sleep(5);
                if (outcomes.isDone()) {
                    break;
                }
            }
            writing.set(false);
            List<Outcome<List<Long>>> done = outcomes.get(120, TimeUnit.SECONDS);
            assertThat(done).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
            List<Long> everyPosition = LongStream.rangeClosed(1, writers * transactionsEach)
                    .boxed()
                    .toList();
            for (int reader = 0; reader < reads.size(); reader++) {
                assertThat(done.get(writers + reader).value())
                        .as("positions as reader %d met them", reader)
                        .isEqualTo(everyPosition);
                assertThat(reads.get(reader)).containsExactlyInAnyOrderElementsOf(committed);
            }
        } finally {
            waiter.shutdownNow();
        }
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
