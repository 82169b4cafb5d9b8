package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.DeadLetter;
import org.crmkit.core.spi.OutboxEntry;
import org.junit.jupiter.api.Test;

/**
 * What every {@code Outbox} adapter must do: transactional appends, order, publication marks, failed deliveries and
 * dead letters per tenant, concurrency.
 */
public abstract class OutboxContract extends StorageContract {

    private SampleEvent event(String note) {
        return new SampleEvent(TENANT_A, ids.next(), clock.instant(), note);
    }

    private SampleEvent eventOf(TenantId tenant, String note) {
        return new SampleEvent(tenant, ids.next(), clock.instant(), note);
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
                .isInstanceOfSatisfying(
                        TransactionRequiredException.class,
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

        assertThat(pending)
                .extracting(entry -> ((SampleEvent) entry.event()).note())
                .containsExactly("first", "second", "third");
        assertThat(pending.get(0).event()).isEqualTo(first);
        assertThat(pending).extracting(OutboxEntry::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(pending).extracting(OutboxEntry::eventId).doesNotHaveDuplicates();
        assertThat(pending.get(0).recordedAt()).isEqualTo(clock.instant());
    }

    @Test
    void pendingHonoursTheLimit() {
        append(event("1"), event("2"), event("3"));

        assertThat(pending(2))
                .extracting(entry -> ((SampleEvent) entry.event()).note())
                .containsExactly("1", "2");
    }

    @Test
    void publishedEventsAreNoLongerPending() {
        append(event("1"), event("2"), event("3"));
        List<OutboxEntry> pending = pending(10);

        storage.transactions()
                .inTransaction(() -> storage.outbox()
                        .markPublished(
                                List.of(pending.get(0).eventId(), pending.get(1).eventId())));

        assertThat(pending(10))
                .extracting(OutboxEntry::eventId)
                .containsExactly(pending.get(2).eventId());
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
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(pending(10))
                .extracting(entry -> ((SampleEvent) entry.event()).note())
                .containsExactly("kept");
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
            assertThat(pending)
                    .extracting(entry -> ((SampleEvent) entry.event()).note())
                    .filteredOn(note -> note.startsWith(prefix))
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, perThread)
                            .mapToObj(i -> prefix + i)
                            .toList());
        }
    }

    private boolean fail(UUID eventId, String failure, int maxAttempts) {
        return storage.transactions()
                .inTransaction(() -> storage.outbox().recordFailedDelivery(eventId, failure, maxAttempts));
    }

    private Page<DeadLetter> deadLetters(TenantId tenant, PageRequest page) {
        return storage.transactions().inTransaction(() -> storage.outbox().deadLetters(tenant, page));
    }

    private List<String> notes(List<OutboxEntry> entries) {
        return entries.stream()
                .map(entry -> ((SampleEvent) entry.event()).note())
                .toList();
    }

    @Test
    void anEventStaysPendingInItsPlaceUntilItHasFailedTheLastAttemptThenItIsADeadLetter() {
        append(event("1"), event("2"), event("3"));
        UUID second = pending(10).get(1).eventId();

        assertThat(fail(second, "java.io.IOException: mail server down", 3)).isFalse();
        assertThat(fail(second, "java.io.IOException: mail server down", 3)).isFalse();
        assertThat(notes(pending(10))).containsExactly("1", "2", "3");
        assertThat(deadLetters(TENANT_A, PageRequest.first(10)).items()).isEmpty();

        clock.advance(Duration.ofMinutes(5));
        assertThat(fail(second, "java.io.IOException: mailbox full – späterer Versuch", 3))
                .isTrue();

        assertThat(notes(pending(10))).containsExactly("1", "3");
        Page<DeadLetter> deadLetters = deadLetters(TENANT_A, PageRequest.first(10));
        assertThat(deadLetters.totalElements()).isEqualTo(1);
        DeadLetter deadLetter = deadLetters.items().get(0);
        assertThat(deadLetter.entry().eventId()).isEqualTo(second);
        assertThat(((SampleEvent) deadLetter.entry().event()).note()).isEqualTo("2");
        assertThat(deadLetter.attempts()).isEqualTo(3);
        assertThat(deadLetter.lastFailure()).isEqualTo("java.io.IOException: mailbox full – späterer Versuch");
        assertThat(deadLetter.deadLetteredAt()).isEqualTo(clock.instant());
    }

    @Test
    void aFailureTextOfTheLongestLengthIsKeptWhole() {
        append(event("1"));
        UUID id = pending(1).get(0).eventId();
        String longest = "x".repeat(DeadLetter.MAX_FAILURE_LENGTH - 1) + "é";

        assertThat(fail(id, longest, 1)).isTrue();

        assertThat(deadLetters(TENANT_A, PageRequest.first(1)).items().get(0).lastFailure())
                .isEqualTo(longest);
    }

    @Test
    void failuresOfEventsThatAreNotPendingChangeNothing() {
        append(event("1"));
        UUID id = pending(1).get(0).eventId();
        storage.transactions().inTransaction(() -> storage.outbox().markPublished(List.of(id)));

        assertThat(fail(id, "late failure", 1)).isFalse();
        assertThat(fail(UUID.randomUUID(), "unknown", 1)).isFalse();

        assertThat(deadLetters(TENANT_A, PageRequest.first(10)).items()).isEmpty();
        assertThat(pending(10)).isEmpty();
    }

    @Test
    void aRetriedDeadLetterIsPendingAgainInItsPlaceWithNoFailedAttempts() {
        append(event("1"), event("2"), event("3"));
        UUID second = pending(10).get(1).eventId();
        fail(second, "down", 2);
        fail(second, "down", 2);

        assertThat(storage.transactions().inTransaction(() -> storage.outbox().retryDeadLetter(TENANT_A, second)))
                .isTrue();

        assertThat(notes(pending(10))).containsExactly("1", "2", "3");
        assertThat(deadLetters(TENANT_A, PageRequest.first(10)).items()).isEmpty();
        assertThat(fail(second, "down again", 2))
                .as("a fresh count of attempts")
                .isFalse();
        assertThat(fail(second, "down again", 2)).isTrue();
    }

    @Test
    void aDiscardedDeadLetterIsNeitherPendingNorListed() {
        append(event("1"), event("2"));
        UUID first = pending(10).get(0).eventId();
        fail(first, "down", 1);

        assertThat(storage.transactions().inTransaction(() -> storage.outbox().discardDeadLetter(TENANT_A, first)))
                .isTrue();

        assertThat(notes(pending(10))).containsExactly("2");
        assertThat(deadLetters(TENANT_A, PageRequest.first(10)).items()).isEmpty();
        assertThat(storage.transactions().inTransaction(() -> storage.outbox().retryDeadLetter(TENANT_A, first)))
                .isFalse();
        assertThat(storage.transactions().inTransaction(() -> storage.outbox().discardDeadLetter(TENANT_A, first)))
                .isFalse();
    }

    @Test
    void onlyDeadLettersCanBeRetriedOrDiscarded() {
        append(event("1"));
        UUID pendingId = pending(1).get(0).eventId();
        fail(pendingId, "down", 5);

        assertThat(storage.transactions().inTransaction(() -> storage.outbox().retryDeadLetter(TENANT_A, pendingId)))
                .isFalse();
        assertThat(storage.transactions().inTransaction(() -> storage.outbox().discardDeadLetter(TENANT_A, pendingId)))
                .isFalse();
        assertThat(notes(pending(10))).containsExactly("1");
    }

    @Test
    void deadLettersArePagedInSequenceOrderPerTenant() {
        for (int i = 0; i < 5; i++) {
            append(eventOf(TENANT_A, "a" + i), eventOf(TENANT_B, "b" + i));
        }
        pending(100).forEach(entry -> fail(entry.eventId(), "down", 1));

        Page<DeadLetter> second = deadLetters(TENANT_A, PageRequest.of(1, 2));

        assertThat(second.items())
                .extracting(deadLetter -> ((SampleEvent) deadLetter.entry().event()).note())
                .containsExactly("a2", "a3");
        assertThat(second.totalElements()).isEqualTo(5);
        assertThat(deadLetters(TENANT_B, PageRequest.first(10)).items())
                .extracting(deadLetter -> ((SampleEvent) deadLetter.entry().event()).note())
                .containsExactly("b0", "b1", "b2", "b3", "b4");
        UUID ofTenantB = deadLetters(TENANT_B, PageRequest.first(1))
                .items()
                .get(0)
                .entry()
                .eventId();
        assertThat(storage.transactions().inTransaction(() -> storage.outbox().retryDeadLetter(TENANT_A, ofTenantB)))
                .isFalse();
        assertThat(storage.transactions().inTransaction(() -> storage.outbox().discardDeadLetter(TENANT_A, ofTenantB)))
                .isFalse();
        assertThat(deadLetters(TENANT_B, PageRequest.first(10)).totalElements()).isEqualTo(5);
    }

    @Test
    void aRetryOrDiscardOfARolledBackTransactionIsUndone() {
        append(event("1"), event("2"));
        List<OutboxEntry> entries = pending(10);
        entries.forEach(entry -> fail(entry.eventId(), "down", 1));

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    storage.outbox().retryDeadLetter(TENANT_A, entries.get(0).eventId());
                    storage.outbox().discardDeadLetter(TENANT_A, entries.get(1).eventId());
                    throw new IllegalStateException("the staff member's request failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(pending(10)).isEmpty();
        assertThat(deadLetters(TENANT_A, PageRequest.first(10)).items()).hasSize(2);
    }
}
