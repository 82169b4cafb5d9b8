package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.spi.OutboxEntry;
import org.junit.jupiter.api.Test;

/** What every {@code Transactions} adapter must do: commit, roll back, join, and run after-commit actions. */
public abstract class TransactionsContract extends StorageContract {

    private SampleEvent event(String note) {
        return new SampleEvent(TENANT_A, ids.next(), clock.instant(), note);
    }

    private List<String> pendingNotes() {
        return storage.transactions().inTransaction(() -> storage.outbox().pending(100)).stream()
                .map(OutboxEntry::event)
                .map(e -> ((SampleEvent) e).note())
                .toList();
    }

    @Test
    void returnsTheResultOfTheWorkAndCommitsIt() {
        String result = storage.transactions().inTransaction(() -> {
            storage.outbox().append(List.of(event("a")));
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(pendingNotes()).containsExactly("a");
    }

    @Test
    void isActiveOnlyInsideTheWork() {
        assertThat(storage.transactions().isActive()).isFalse();
        boolean inside = storage.transactions()
                .inTransaction(() -> storage.transactions().isActive());
        assertThat(inside).isTrue();
        assertThat(storage.transactions().isActive()).isFalse();
    }

    @Test
    void nestedWorkJoinsTheOuterTransactionAndFailsWithIt() {
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    storage.transactions().inTransaction(() -> storage.outbox().append(List.of(event("inner"))));
                    storage.outbox().append(List.of(event("outer")));
                    throw new IllegalStateException("outer fails");
                }))
                .hasMessage("outer fails");

        assertThat(pendingNotes()).isEmpty();
    }

    @Test
    void afterCommitActionsRunOnlyAfterACommit() {
        List<String> log = new ArrayList<>();

        storage.transactions().inTransaction(() -> {
            storage.transactions().afterCommit(() -> log.add("committed"));
            log.add("work");
        });
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    storage.transactions().afterCommit(() -> log.add("must not run"));
                    throw new IllegalStateException("rolled back");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(log).containsExactly("work", "committed");
    }

    @Test
    void afterCommitOutsideATransactionRunsAtOnce() {
        List<String> log = new ArrayList<>();

        storage.transactions().afterCommit(() -> log.add("now"));

        assertThat(log).containsExactly("now");
    }

    @Test
    void anActionRegisteredUnderTheSameKeyRunsOncePerTransaction() {
        List<String> log = new ArrayList<>();

        storage.transactions().inTransaction(() -> {
            storage.transactions().afterCommitOnce("relay", () -> log.add("relay"));
            storage.transactions()
                    .inTransaction(() -> storage.transactions().afterCommitOnce("relay", () -> log.add("relay again")));
            storage.transactions().afterCommitOnce("audit", () -> log.add("audit"));
            log.add("work");
        });
        storage.transactions()
                .inTransaction(() -> storage.transactions().afterCommitOnce("relay", () -> log.add("next relay")));

        assertThat(log).containsExactly("work", "relay", "audit", "next relay");
    }

    @Test
    void aKeyOfARolledBackTransactionIsRegisteredAfreshInTheNext() {
        List<String> log = new ArrayList<>();

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    storage.transactions().afterCommitOnce("relay", () -> log.add("must not run"));
                    throw new IllegalStateException("rolled back");
                }))
                .isInstanceOf(IllegalStateException.class);
        storage.transactions()
                .inTransaction(() -> storage.transactions().afterCommitOnce("relay", () -> log.add("relay")));
        storage.transactions().afterCommitOnce("relay", () -> log.add("outside a transaction"));

        assertThat(log).containsExactly("relay", "outside a transaction");
    }
}
