package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.core.service.ServiceCase;
import org.crmkit.core.service.ServiceCaseState;
import org.crmkit.core.spi.CaseRepository;
import org.crmkit.testkit.fixtures.CaseMother;
import org.junit.jupiter.api.Test;

/** What every {@link CaseRepository} must do. Extend it and implement {@link #createStorage}. */
public abstract class CaseRepositoryContract extends StorageContract {

    private CaseRepository cases() {
        return storage.cases();
    }

    private ServiceCase save(ServiceCase serviceCase) {
        return storage.transactions().inTransaction(() -> cases().save(serviceCase));
    }

    private static List<CaseId> idsOf(Page<ServiceCase> page) {
        return page.items().stream().map(ServiceCase::id).toList();
    }

    private ServiceCase assignedCase(UserId assignee, CasePriority priority) {
        ServiceCase serviceCase = CaseMother.aCaseOf(TENANT_A, ids, clock, AccountId.next(ids), priority);
        serviceCase.assign(assignee, CaseMother.AGENT, clock);
        return save(serviceCase);
    }

    @Test
    void savedCaseComesBackWithEveryField() {
        ServiceCase serviceCase = CaseMother.aCase(TENANT_A, ids, clock);
        serviceCase.assign(UserId.next(ids), CaseMother.AGENT, clock);
        clock.advance(Duration.ofMinutes(10));
        serviceCase.respond(CaseMother.AGENT, clock);
        clock.advance(Duration.ofHours(1));
        serviceCase.resolve("Refunded", CaseMother.AGENT, clock);
        serviceCase.close(CaseMother.AGENT, clock);
        serviceCase.reopen("Charged again", CaseMother.AGENT, clock);
        serviceCase.resolve("Refunded again", CaseMother.AGENT, clock);
        clock.advance(Duration.ofHours(1));
        serviceCase.close(CaseMother.AGENT, clock);

        save(serviceCase);

        assertThat(cases().findById(TENANT_A, serviceCase.id()).orElseThrow().state())
                .isEqualTo(serviceCase.state().withVersion(1));
    }

    @Test
    void newCaseWithoutOptionalFieldsRoundTrips() {
        ServiceCase serviceCase = CaseMother.aCase(TENANT_A, ids, clock);

        save(serviceCase);

        ServiceCaseState stored =
                cases().findById(TENANT_A, serviceCase.id()).orElseThrow().state();
        assertThat(stored).isEqualTo(serviceCase.state().withVersion(1));
        assertThat(stored.assignee()).isNull();
        assertThat(stored.firstRespondedAt()).isNull();
    }

    @Test
    void openCasesOfAnAssigneeComeByResolutionDueTimeAcrossPages() {
        UserId sam = UserId.next(ids);
        ServiceCase low = assignedCase(sam, CasePriority.LOW);
        ServiceCase urgent = assignedCase(sam, CasePriority.URGENT);
        ServiceCase normal = assignedCase(sam, CasePriority.NORMAL);
        ServiceCase resolved = assignedCase(sam, CasePriority.HIGH);
        resolved.resolve("Done", CaseMother.AGENT, clock);
        save(resolved);
        assignedCase(UserId.next(ids), CasePriority.URGENT);

        Page<ServiceCase> first = cases().findOpenByAssignee(TENANT_A, sam, PageRequest.of(0, 2));
        Page<ServiceCase> second = cases().findOpenByAssignee(TENANT_A, sam, PageRequest.of(1, 2));

        assertThat(idsOf(first)).containsExactly(urgent.id(), normal.id());
        assertThat(first.totalElements()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(idsOf(second)).containsExactly(low.id());
    }

    @Test
    void casesOfAnAccountComeNewestFirstInEveryStatus() {
        AccountId account = AccountId.next(ids);
        ServiceCase older = CaseMother.aCaseOf(TENANT_A, ids, clock, account, CasePriority.LOW);
        older.resolve("Done", CaseMother.AGENT, clock);
        save(older);
        clock.advance(Duration.ofMinutes(1));
        ServiceCase tieA = save(CaseMother.aCaseOf(TENANT_A, ids, clock, account, CasePriority.LOW));
        ServiceCase tieB = save(CaseMother.aCaseOf(TENANT_A, ids, clock, account, CasePriority.LOW));
        save(CaseMother.aCase(TENANT_A, ids, clock));
        List<CaseId> ties = tieA.id().value().compareTo(tieB.id().value()) > 0
                ? List.of(tieA.id(), tieB.id())
                : List.of(tieB.id(), tieA.id());

        assertThat(idsOf(cases().findByAccount(TENANT_A, account, PageRequest.first(10))))
                .containsExactly(ties.get(0), ties.get(1), older.id());
        assertThat(idsOf(cases().findByAccount(TENANT_A, account, PageRequest.of(1, 2))))
                .containsExactly(older.id());
    }

    @Test
    void breachingCasesAreOpenAndPastAFirstResponseOrResolutionTarget() {
        Instant opened = clock.instant();
        ServiceCase unanswered =
                save(CaseMother.aCaseOf(TENANT_A, ids, clock, AccountId.next(ids), CasePriority.URGENT));
        ServiceCase answered = CaseMother.aCaseOf(TENANT_A, ids, clock, AccountId.next(ids), CasePriority.URGENT);
        answered.respond(CaseMother.AGENT, clock);
        save(answered);
        ServiceCase resolvedLate = CaseMother.aCaseOf(TENANT_A, ids, clock, AccountId.next(ids), CasePriority.URGENT);
        ServiceCase normal = save(CaseMother.aCaseOf(TENANT_A, ids, clock, AccountId.next(ids), CasePriority.NORMAL));
        clock.advance(Duration.ofHours(9));
        resolvedLate.resolve("Late", CaseMother.AGENT, clock);
        save(resolvedLate);

        assertThat(idsOf(cases().findBreachingSla(TENANT_A, opened.plus(Duration.ofHours(1)), PageRequest.first(10))))
                .isEmpty();
        assertThat(idsOf(cases().findBreachingSla(TENANT_A, opened.plus(Duration.ofHours(2)), PageRequest.first(10))))
                .containsExactly(unanswered.id());
        assertThat(idsOf(cases().findBreachingSla(TENANT_A, opened.plus(Duration.ofHours(9)), PageRequest.first(10))))
                .containsExactly(unanswered.id(), answered.id(), normal.id());
        assertThat(idsOf(cases().findBreachingSla(TENANT_A, opened.plus(Duration.ofHours(9)), PageRequest.of(1, 2))))
                .containsExactly(normal.id());
    }

    @Test
    void secondWriterOfTheSameVersionGetsAStaleVersion() {
        ServiceCase stored = save(CaseMother.aCase(TENANT_A, ids, clock));
        ServiceCase first = cases().findById(TENANT_A, stored.id()).orElseThrow();
        ServiceCase second = cases().findById(TENANT_A, stored.id()).orElseThrow();
        first.startWork(CaseMother.AGENT, clock);
        second.resolve("Done", CaseMother.AGENT, clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
        assertThat(cases().findById(TENANT_A, stored.id()).orElseThrow().status())
                .isEqualTo(CaseStatus.IN_PROGRESS);
    }

    @Test
    void caseOfOneTenantIsInvisibleAndUntouchableFromAnother() {
        UserId sam = UserId.next(ids);
        ServiceCase stored = assignedCase(sam, CasePriority.URGENT);
        ServiceCaseState s = stored.state();
        ServiceCase intruder = ServiceCase.restore(new ServiceCaseState(
                TENANT_B,
                s.id(),
                s.version(),
                s.account(),
                s.contact(),
                "Hijacked",
                null,
                s.channel(),
                s.category(),
                s.priority(),
                s.status(),
                s.assignee(),
                s.openedAt(),
                s.openedBy(),
                s.firstResponseDueAt(),
                s.resolutionDueAt(),
                null,
                null,
                null,
                null,
                0));

        assertThat(cases().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(cases().findOpenByAssignee(TENANT_B, sam, PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThat(cases().findByAccount(TENANT_B, stored.account(), PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThat(cases().findBreachingSla(TENANT_B, s.resolutionDueAt().plusSeconds(1), PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> save(intruder))
                .isInstanceOfAny(RecordNotFoundException.class, StaleVersionException.class);
        assertThat(cases().findById(TENANT_A, stored.id()).orElseThrow().state())
                .isEqualTo(stored.state());
    }

    @Test
    void concurrentReassignmentsAreNotLost() throws InterruptedException {
        ServiceCase stored = save(CaseMother.aCase(TENANT_A, ids, clock));
        int writers = 6;
        List<UserId> assignees = new ArrayList<>();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            UserId assignee = UserId.next(ids);
            assignees.add(assignee);
            work.add(() -> {
                while (true) {
                    try {
                        storage.transactions().inTransaction(() -> {
                            ServiceCase current =
                                    cases().findById(TENANT_A, stored.id()).orElseThrow();
                            current.assign(assignee, CaseMother.AGENT, clock);
                            return cases().save(current);
                        });
                        return null;
                    } catch (StaleVersionException retry) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(work)).allMatch(Outcome::succeeded);

        ServiceCase result = cases().findById(TENANT_A, stored.id()).orElseThrow();
        assertThat(result.version()).isEqualTo(1 + writers);
        assertThat(assignees).contains(result.assignee());
        long listed = assignees.stream()
                .mapToLong(user -> cases().findOpenByAssignee(TENANT_A, user, PageRequest.first(5))
                        .totalElements())
                .sum();
        assertThat(listed).isEqualTo(1);
    }
}
