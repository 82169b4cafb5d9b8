package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.crmkit.core.access.Role;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.crmkit.core.sales.ActivityEvidence;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.ContactRole;
import org.crmkit.core.sales.FieldValue;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.LineItemId;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityState;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.StageGate;
import org.crmkit.core.sales.StaleReason;
import org.crmkit.core.spi.OpportunityRepository;
import org.crmkit.testkit.fixtures.SalesMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OpportunityRepository} must do. */
public abstract class OpportunityRepositoryContract extends StorageContract {

    private Pipeline pipeline;

    @BeforeEach
    void definePipeline() {
        pipeline = SalesMother.aPipeline(TENANT_A, ids, clock);
    }

    private OpportunityRepository opportunities() {
        return storage.opportunities();
    }

    private Opportunity save(Opportunity opportunity) {
        return storage.transactions().inTransaction(() -> opportunities().save(opportunity));
    }

    private Opportunity deal(AccountId account, UserId owner, LocalDate close) {
        return SalesMother.anOpportunity(TENANT_A, ids, clock, pipeline, account, owner, close);
    }

    private static List<OpportunityId> idsOf(List<Opportunity> deals) {
        return deals.stream().map(Opportunity::id).toList();
    }

    @Test
    void roundTripKeepsEveryField() {
        Opportunity deal = SalesMother.anOpportunity(TENANT_A, ids, clock, pipeline);
        deal.addLineItem(
                new LineItem(
                        LineItemId.next(ids),
                        "SKU-1",
                        "Licence",
                        new BigDecimal("12.5"),
                        Money.of("80.00", "EUR"),
                        new BigDecimal("7.5")),
                clock);
        deal.addContactRole(ContactRole.of(ContactId.next(ids), BuyingRole.DECISION_MAKER));
        deal.makePrimaryContact(ContactId.next(ids));
        deal.planNextStep("demo on Friday");
        deal.overrideProbability(42);
        deal.recordCustomField("seats", FieldValue.number(new BigDecimal("25")));
        deal.recordCustomField("signed", FieldValue.flag(true));
        deal.recordCustomField("kickoff", FieldValue.date(LocalDate.of(2026, 7, 1)));
        deal.recordCustomField("segment", FieldValue.text("mid-market"));
        deal.moveTo(pipeline, pipeline.stages().get(1).id(), Actor.of("u1", "User One"), clock);
        deal.markLost(pipeline, "price", "Globex", Actor.SYSTEM, clock);

        save(deal);

        Opportunity found = opportunities().findById(TENANT_A, deal.id()).orElseThrow();
        assertThat(found.state().withVersion(0)).isEqualTo(deal.state());
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void roundTripKeepsApprovalsGateOverridesAndTheStaleAlert() {
        Pipeline gated = SalesMother.aGatedPipeline(TENANT_A, ids, clock);
        Opportunity deal = SalesMother.anOpportunity(TENANT_A, ids, clock, gated);
        deal.approve(gated, gated.stages().get(2).id(), Role.MANAGER, UserId.next(ids), Actor.SYSTEM, clock);
        deal.raiseStaleAlert(Set.of(StaleReason.ROTTING, StaleReason.INACTIVE), TaskId.next(ids), clock);
        deal.moveOverridingGates(
                gated,
                gated.stages().get(1).id(),
                ActivityEvidence.NONE,
                "met at the fair",
                Actor.of("u1", "User One"),
                clock);

        save(deal);

        Opportunity found = opportunities().findById(TENANT_A, deal.id()).orElseThrow();
        assertThat(found.state().withVersion(0)).isEqualTo(deal.state());
        assertThat(found.approvals())
                .singleElement()
                .satisfies(a -> assertThat(a.role()).isEqualTo(Role.MANAGER));
        assertThat(found.stageHistory().get(1).override().overridden())
                .extracting(Violation::code)
                .containsExactly(StageGate.ACTIVITY);
        assertThat(found.staleAlert().reasons()).containsExactlyInAnyOrder(StaleReason.ROTTING, StaleReason.INACTIVE);
    }

    @Test
    void findsByOwnerInPagesByExpectedCloseDateWithUndatedLast() {
        UserId owner = UserId.next(ids);
        AccountId account = AccountId.next(ids);
        Opportunity undated = save(deal(account, owner, null));
        Opportunity may = save(deal(account, owner, LocalDate.of(2026, 5, 1)));
        Opportunity april = save(deal(account, owner, LocalDate.of(2026, 4, 1)));
        save(deal(account, UserId.next(ids), LocalDate.of(2026, 4, 1)));

        Page<Opportunity> first = opportunities().findByOwner(TENANT_A, owner, PageRequest.of(0, 2));
        Page<Opportunity> second = opportunities().findByOwner(TENANT_A, owner, PageRequest.of(1, 2));

        assertThat(idsOf(first.items())).containsExactly(april.id(), may.id());
        assertThat(first.totalElements()).isEqualTo(3);
        assertThat(idsOf(second.items())).containsExactly(undated.id());
    }

    @Test
    void findsByAccountInCreationOrder() {
        AccountId account = AccountId.next(ids);
        Opportunity older = save(deal(account, UserId.next(ids), LocalDate.of(2026, 9, 1)));
        clock.advance(Duration.ofMinutes(1));
        Opportunity newer = save(deal(account, UserId.next(ids), LocalDate.of(2026, 4, 1)));
        save(deal(AccountId.next(ids), UserId.next(ids), null));

        assertThat(idsOf(opportunities().findByAccount(TENANT_A, account))).containsExactly(older.id(), newer.id());
    }

    @Test
    void findsOpenDealsOfAPipelineAndByStage() {
        UserId owner = UserId.next(ids);
        Opportunity open = save(deal(AccountId.next(ids), owner, LocalDate.of(2026, 4, 1)));
        Opportunity won = deal(AccountId.next(ids), owner, LocalDate.of(2026, 4, 2));
        won.markWon(pipeline, "fit", Actor.SYSTEM, clock);
        save(won);
        Opportunity moved = deal(AccountId.next(ids), owner, LocalDate.of(2026, 4, 3));
        moved.moveTo(pipeline, pipeline.stages().get(2).id(), Actor.SYSTEM, clock);
        save(moved);
        Pipeline other = SalesMother.aPipeline(TENANT_A, ids, clock, "Renewals");
        save(SalesMother.anOpportunity(TENANT_A, ids, clock, other));

        assertThat(idsOf(opportunities()
                        .findOpenInPipeline(TENANT_A, pipeline.id(), PageRequest.first(10))
                        .items()))
                .containsExactly(open.id(), moved.id());
        assertThat(idsOf(opportunities()
                        .findByStage(TENANT_A, pipeline.stages().get(0).id(), PageRequest.first(10))
                        .items()))
                .containsExactly(open.id());
        assertThat(idsOf(opportunities()
                        .findByStage(TENANT_A, pipeline.wonStage().id(), PageRequest.first(10))
                        .items()))
                .containsExactly(won.id());
    }

    @Test
    void findsOpenDealsClosingInADateRangeInclusive() {
        UserId owner = UserId.next(ids);
        AccountId account = AccountId.next(ids);
        save(deal(account, owner, LocalDate.of(2026, 3, 31)));
        Opportunity first = save(deal(account, owner, LocalDate.of(2026, 4, 1)));
        Opportunity last = save(deal(account, owner, LocalDate.of(2026, 4, 30)));
        save(deal(account, owner, LocalDate.of(2026, 5, 1)));
        save(deal(account, owner, null));
        Opportunity lost = deal(account, owner, LocalDate.of(2026, 4, 15));
        lost.markLost(pipeline, "no budget", null, Actor.SYSTEM, clock);
        save(lost);

        Page<Opportunity> april = opportunities()
                .findClosingBetween(
                        TENANT_A, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), PageRequest.of(0, 1));

        assertThat(april.totalElements()).isEqualTo(2);
        assertThat(idsOf(april.items())).containsExactly(first.id());
        assertThat(idsOf(opportunities()
                        .findClosingBetween(
                                TENANT_A, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), PageRequest.of(1, 1))
                        .items()))
                .containsExactly(last.id());
    }

    @Test
    void aStaleCopyIsRefused() {
        Opportunity stored = save(SalesMother.anOpportunity(TENANT_A, ids, clock, pipeline));
        Opportunity one = opportunities().findById(TENANT_A, stored.id()).orElseThrow();
        Opportunity two = opportunities().findById(TENANT_A, stored.id()).orElseThrow();
        one.planNextStep("call");
        two.planNextStep("email");

        save(one);

        assertThatThrownBy(() -> save(two)).isInstanceOf(StaleVersionException.class);
        assertThat(opportunities().findById(TENANT_A, stored.id()).orElseThrow().nextStep())
                .isEqualTo("call");
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheDeal() {
        UserId owner = UserId.next(ids);
        AccountId account = AccountId.next(ids);
        Opportunity stored = save(deal(account, owner, LocalDate.of(2026, 4, 1)));

        assertThat(opportunities().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(opportunities()
                        .findByOwner(TENANT_B, owner, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(opportunities().findByAccount(TENANT_B, account)).isEmpty();
        assertThat(opportunities()
                        .findOpenInPipeline(TENANT_B, pipeline.id(), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(opportunities()
                        .findByStage(TENANT_B, stored.stage(), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(opportunities()
                        .findClosingBetween(TENANT_B, LocalDate.MIN, LocalDate.MAX, PageRequest.first(10))
                        .items())
                .isEmpty();

        OpportunityState s = stored.state();
        Opportunity intruder = Opportunity.restore(new OpportunityState(
                TENANT_B,
                s.id(),
                s.version(),
                "Hijacked",
                s.account(),
                s.primaryContact(),
                s.pipeline(),
                s.stage(),
                s.stageEnteredAt(),
                s.status(),
                s.currency(),
                s.amount(),
                s.expectedCloseDate(),
                s.owner(),
                s.probabilityOverride(),
                s.nextStep(),
                s.contactRoles(),
                s.lineItems(),
                s.stageHistory(),
                s.approvals(),
                s.closeReason(),
                s.competitor(),
                s.closedAt(),
                s.staleAlert(),
                s.customFields(),
                s.originLead(),
                s.campaign(),
                s.createdAt(),
                s.externalRefs()));
        assertThatThrownBy(() -> save(intruder)).isInstanceOf(RecordNotFoundException.class);
        assertThat(opportunities().findById(TENANT_A, stored.id()).orElseThrow().name())
                .isEqualTo(stored.name());
    }

    @Test
    void concurrentLineItemAdditionsAreNotLost() throws InterruptedException {
        Opportunity stored = save(SalesMother.anOpportunity(TENANT_A, ids, clock, pipeline));
        int writers = 6;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            tasks.add(() -> {
                while (true) {
                    try {
                        Opportunity deal =
                                opportunities().findById(TENANT_A, stored.id()).orElseThrow();
                        deal.addLineItem(
                                new LineItem(
                                        LineItemId.next(ids),
                                        "SKU",
                                        null,
                                        BigDecimal.ONE,
                                        Money.of("10.00", "EUR"),
                                        BigDecimal.ZERO),
                                clock);
                        save(deal);
                        return null;
                    } catch (StaleVersionException e) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        Opportunity now = opportunities().findById(TENANT_A, stored.id()).orElseThrow();
        assertThat(now.lineItems()).hasSize(writers);
        assertThat(now.amount()).isEqualTo(Money.of("60.00", "EUR"));
    }
}
