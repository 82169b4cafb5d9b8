package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.OutboxEntry;
import org.junit.jupiter.api.Test;

/** What every {@code Outbox} adapter must do: transactional appends, order, publication marks, concurrency. */
public abstract class OutboxContract extends StorageContract {

    private SampleEvent event(String note) {
        return new SampleEvent(TENANT_A, ids.next(), clock.instant(), note);
    }

    private void append(DomainEvent... events) {
        storage.transactions().inTransaction(() -> storage.outbox().append(List.of(events)));
    }

    private List<OutboxEntry> pending(int limit) {
        return storage.transactions().inTransaction(() -> storage.outbox().pending(limit));
    }

    @Test
    void anAppendOutsideATransactionIsRefusedWithItsCodeAndWritesNothing() {
        assertThatThrownBy(() -> storage.outbox().append(List.of(event("lost"))))
                .isInstanceOfSatisfying(TransactionRequiredException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TRANSACTION_REQUIRED));

        assertThat(pending(10)).isEmpty();
    }

    @Test
    void appendedEventsArePendingInAppendOrderWithTheirContent() {
        SampleEvent first = event("first");
        SampleEvent second = event("second");
        append(first, second);
        append(event("third"));

        List<OutboxEntry> pending = pending(10);

        assertThat(pending).extracting(entry -> ((SampleEvent) entry.event()).note()).containsExactly("first", "second", "third");
        assertThat(pending.get(0).event()).isEqualTo(first);
        assertThat(pending).extracting(OutboxEntry::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(pending).extracting(OutboxEntry::eventId).doesNotHaveDuplicates();
        assertThat(pending.get(0).recordedAt()).isEqualTo(clock.instant());
    }

    @Test
    void pendingHonoursTheLimit() {
        append(event("1"), event("2"), event("3"));

        assertThat(pending(2)).extracting(entry -> ((SampleEvent) entry.event()).note()).containsExactly("1", "2");
    }

    @Test
    void publishedEventsAreNoLongerPending() {
        append(event("1"), event("2"), event("3"));
        List<OutboxEntry> pending = pending(10);

        storage.transactions().inTransaction(() -> storage.outbox().markPublished(List.of(pending.get(0).eventId(), pending.get(1).eventId())));

        assertThat(pending(10)).extracting(OutboxEntry::eventId).containsExactly(pending.get(2).eventId());
    }

    @Test
    void markingUnknownOrAlreadyPublishedIdsIsHarmless() {
        append(event("1"));
        UUID id = pending(1).get(0).eventId();
        storage.transactions().inTransaction(() -> storage.outbox().markPublished(List.of(id)));

        storage.transactions().inTransaction(() -> storage.outbox().markPublished(List.of(id, UUID.randomUUID())));

        assertThat(pending(10)).isEmpty();
    }

    @Test
    void appendsOfARolledBackTransactionDisappear() {
        append(event("kept"));

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            storage.outbox().append(List.of(event("lost")));
            throw new IllegalStateException("host failure after the append");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(pending(10)).extracting(entry -> ((SampleEvent) entry.event()).note()).containsExactly("kept");
    }

    @Test
    void concurrentAppendersLoseNothing() throws Exception {
        int threads = 4;
        int perThread = 50;
        List<Callable<Void>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            writers.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    append(event(prefix + i));
                }
                return null;
            });
        }

        assertThat(concurrently(writers)).allMatch(Outcome::succeeded);

        List<OutboxEntry> pending = pending(1000);
        assertThat(pending).hasSize(threads * perThread);
        assertThat(pending).extracting(OutboxEntry::sequence).isSorted().doesNotHaveDuplicates();
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            assertThat(pending).extracting(entry -> ((SampleEvent) entry.event()).note())
                    .filteredOn(note -> note.startsWith(prefix))
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perThread).mapToObj(i -> prefix + i).toList());
        }
    }
}
