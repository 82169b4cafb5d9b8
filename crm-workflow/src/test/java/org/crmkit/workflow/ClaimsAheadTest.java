package org.crmkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TenantId;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.junit.jupiter.api.Test;

/** The dispatcher's claimer thread, with claims that only count and return batches of the size asked. */
class ClaimsAheadTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private final IdGenerator ids = new IdGenerator(SettableClock.at(NOW));

    private List<Action> batch(int size) {
        List<Action> batch = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Message message = new Message(
                    Channel.EMAIL,
                    "ap@acme.example",
                    "Acme",
                    "Reminder",
                    "Please pay.",
                    Locale.ENGLISH,
                    RecordRef.account(AccountId.next(ids)));
            batch.add(Action.planned(
                    ActionId.next(ids),
                    TenantId.DEFAULT,
                    "dunning",
                    new PlannedAction("key-" + i, "subject", message, NOW),
                    NOW));
        }
        return batch;
    }

    @Test
    void claimsOneBatchAheadOfTheDispatcherAndStopsAfterAShortOne() throws Exception {
        List<Integer> sizes = List.of(3, 3, 3, 1);
        AtomicInteger claims = new AtomicInteger();
        List<Integer> claimsWhenTaken = Collections.synchronizedList(new ArrayList<>());
        try (ClaimsAhead ahead = ClaimsAhead.start(() -> batch(sizes.get(claims.getAndIncrement())), 3)) {
            for (int taken = 0; taken < sizes.size(); taken++) {
                // give the claimer time to run ahead as far as it would
                Thread.sleep(100);
                claimsWhenTaken.add(claims.get());
                assertThat(ahead.next()).hasSize(sizes.get(taken));
            }
            Thread.sleep(100);
        }

        // the claim of batch n + 1 waits until batch n is taken: never more than one batch ahead
        assertThat(claimsWhenTaken).containsExactly(1, 2, 3, 4);
        assertThat(claims).hasValue(4);
    }

    @Test
    void failedClaimEndsTheDispatchWithItsError() {
        StorageException lost = new StorageException("connection lost", null);
        AtomicInteger claims = new AtomicInteger();
        try (ClaimsAhead ahead = ClaimsAhead.start(
                () -> {
                    if (claims.getAndIncrement() == 1) {
                        throw lost;
                    }
                    return batch(2);
                },
                2)) {
            assertThat(ahead.next()).hasSize(2);
            assertThatThrownBy(ahead::next).isSameAs(lost);
        }
        assertThat(claims).hasValue(2);
    }

    @Test
    void closingWhileABatchWaitsEndsTheClaimerWithoutAnotherClaim() throws Exception {
        AtomicInteger claims = new AtomicInteger();
        CountDownLatch claimed = new CountDownLatch(1);
        ClaimsAhead ahead = ClaimsAhead.start(
                () -> {
                    claims.incrementAndGet();
                    claimed.countDown();
                    return batch(2);
                },
                2);
        assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

        ahead.close();

        assertThat(claims).hasValue(1);
    }
}
