package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.sequence.EndReason;
import org.crmkit.workflow.sequence.Enrolment;
import org.crmkit.workflow.sequence.EnrolmentId;
import org.crmkit.workflow.sequence.EnrolmentStatus;
import org.crmkit.workflow.sequence.EnrolmentStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EnrolmentStore} adapter must do: one running enrolment per contact and sequence, optimistic
 * versions, due and waiting enrolments in the port's order, tenancy, and rollback with crmkit's transaction. An
 * adapter's test extends it and supplies crmkit's storage and the enrolment store on top of it.
 */
public abstract class EnrolmentStoreContract {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    protected SettableClock clock;
    protected IdGenerator ids;
    protected Storage storage;
    protected EnrolmentStore store;

    /** A new crmkit storage with no records of tenants {@code tenant-a} and {@code tenant-b}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** A new, empty enrolment store that joins the transactions of {@code storage}. */
    protected abstract EnrolmentStore createStore(Storage storage);

    @BeforeEach
    void openStores() {
        clock = SettableClock.at(NOW);
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
        store = createStore(storage);
    }

    private Enrolment enrolled(TenantId tenant, String sequence, ContactId contact, Instant at) {
        return new Enrolment(
                EnrolmentId.next(ids),
                tenant,
                sequence,
                contact,
                EnrolmentStatus.ACTIVE,
                0,
                at,
                null,
                null,
                at,
                null,
                0);
    }

    private static Enrolment with(
            Enrolment e,
            EnrolmentStatus status,
            int step,
            Instant at,
            TaskId task,
            EndReason reason,
            Instant finishedAt) {
        return new Enrolment(
                e.id(),
                e.tenant(),
                e.sequence(),
                e.contact(),
                status,
                step,
                at,
                task,
                reason,
                e.enrolledAt(),
                finishedAt,
                e.version());
    }

    private Enrolment add(Enrolment enrolment) {
        return storage.transactions().inTransaction(() -> store.add(enrolment)).orElseThrow();
    }

    private Enrolment update(Enrolment enrolment) {
        return storage.transactions().inTransaction(() -> store.update(enrolment));
    }

    @Test
    void addedEnrolmentIsFoundWithEveryFieldAsVersionOne() {
        Enrolment enrolment = enrolled(TENANT_A, "onboarding", ContactId.next(ids), NOW);

        Enrolment stored = add(enrolment);

        assertThat(stored).isEqualTo(enrolment.withVersion(1));
        assertThat(store.findById(TENANT_A, enrolment.id())).contains(stored);
        assertThat(store.findById(TENANT_B, enrolment.id())).isEmpty();
        Enrolment waiting = update(
                with(stored, EnrolmentStatus.WAITING_FOR_TASK, 2, NOW.plusSeconds(60), TaskId.next(ids), null, null));
        assertThat(store.findById(TENANT_A, enrolment.id())).contains(waiting);
        assertThat(waiting.version()).isEqualTo(2);
    }

    @Test
    void contactRunsThroughASequenceOnceAtATime() {
        ContactId contact = ContactId.next(ids);
        Enrolment first = add(enrolled(TENANT_A, "onboarding", contact, NOW));

        assertThat(storage.transactions()
                        .inTransaction(() -> store.add(enrolled(TENANT_A, "onboarding", contact, NOW))))
                .isEmpty();
        assertThat(storage.transactions().inTransaction(() -> store.add(enrolled(TENANT_A, "renewal", contact, NOW))))
                .isPresent();
        assertThat(storage.transactions()
                        .inTransaction(() -> store.add(enrolled(TENANT_B, "onboarding", contact, NOW))))
                .isPresent();
        update(with(first, EnrolmentStatus.ENDED, 0, NOW, null, EndReason.REPLIED, NOW.plusSeconds(5)));
        assertThat(storage.transactions()
                        .inTransaction(() -> store.add(enrolled(TENANT_A, "onboarding", contact, NOW.plusSeconds(10)))))
                .isPresent();
        assertThat(store.findRunning(TENANT_A, contact))
                .extracting(Enrolment::sequence)
                .containsExactly("renewal", "onboarding");
    }

    @Test
    void updateOfAnOutdatedCopyIsRefusedAndOfAnUnknownOneNotFound() {
        Enrolment stored = add(enrolled(TENANT_A, "onboarding", ContactId.next(ids), NOW));
        update(with(stored, EnrolmentStatus.ACTIVE, 1, NOW.plus(Duration.ofDays(2)), null, null, null));

        assertThatThrownBy(() -> update(with(stored, EnrolmentStatus.COMPLETED, 3, NOW, null, null, NOW)))
                .isInstanceOf(StaleVersionException.class);
        assertThatThrownBy(() -> update(enrolled(TENANT_A, "onboarding", ContactId.next(ids), NOW)
                        .withVersion(1)))
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(store.findById(TENANT_A, stored.id()).orElseThrow().nextStep())
                .isEqualTo(1);
    }

    @Test
    void dueEnrolmentsComeEarliestFirstWithoutFutureWaitingOrFinishedOnes() {
        Enrolment late = add(enrolled(TENANT_A, "s", ContactId.next(ids), NOW.minusSeconds(10)));
        Enrolment early = add(enrolled(TENANT_A, "s", ContactId.next(ids), NOW.minusSeconds(60)));
        Enrolment future = add(enrolled(TENANT_A, "s", ContactId.next(ids), NOW.plusSeconds(60)));
        Enrolment waiting = add(enrolled(TENANT_A, "s", ContactId.next(ids), NOW.minusSeconds(90)));
        Enrolment completed = add(enrolled(TENANT_A, "s", ContactId.next(ids), NOW.minusSeconds(120)));
        add(enrolled(TENANT_B, "s", ContactId.next(ids), NOW.minusSeconds(120)));
        update(with(waiting, EnrolmentStatus.WAITING_FOR_TASK, 1, NOW.minusSeconds(90), TaskId.next(ids), null, null));
        update(with(completed, EnrolmentStatus.COMPLETED, 3, NOW.minusSeconds(120), null, null, NOW));

        assertThat(store.findDue(TENANT_A, NOW, 10)).extracting(Enrolment::id).containsExactly(early.id(), late.id());
        assertThat(store.findDue(TENANT_A, NOW, 1)).extracting(Enrolment::id).containsExactly(early.id());
        assertThat(store.findDue(TENANT_A, NOW.plusSeconds(60), 10))
                .extracting(Enrolment::id)
                .containsExactly(early.id(), late.id(), future.id());
        assertThat(store.findWaitingForTask(TENANT_A)).extracting(Enrolment::id).containsExactly(waiting.id());
        assertThat(store.findWaitingForTask(TENANT_B)).isEmpty();
    }

    @Test
    void enrolmentWritesRollBackWithCrmkitsTransaction() {
        ContactId contact = ContactId.next(ids);
        Enrolment kept = add(enrolled(TENANT_A, "onboarding", contact, NOW));
        Enrolment lost = enrolled(TENANT_A, "renewal", contact, NOW);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    store.add(lost);
                    store.update(with(kept, EnrolmentStatus.ENDED, 0, NOW, null, EndReason.BY_HAND, NOW));
                    throw new IllegalStateException("planning failed");
                }))
                .hasMessage("planning failed");

        assertThat(store.findById(TENANT_A, lost.id())).isEmpty();
        assertThat(store.findById(TENANT_A, kept.id())).contains(kept);
        assertThat(store.findRunning(TENANT_A, contact)).containsExactly(kept);
        assertThat(storage.transactions().inTransaction(() -> store.add(lost))).isPresent();
    }

    @Test
    void writesOutsideATransactionAreRefused() {
        Enrolment enrolment = enrolled(TENANT_A, "onboarding", ContactId.next(ids), NOW);

        assertThatThrownBy(() -> store.add(enrolment)).isInstanceOfAny(IllegalStateException.class, CrmException.class);
        assertThat(store.findById(TENANT_A, enrolment.id())).isEmpty();
        assertThat(List.of(store.findDue(TENANT_A, NOW, 10), store.findWaitingForTask(TENANT_A)))
                .allMatch(List::isEmpty);
    }
}
