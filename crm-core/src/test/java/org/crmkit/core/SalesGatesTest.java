package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.DealField;
import org.crmkit.core.sales.FieldValue;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.StageGate;
import org.crmkit.core.sales.StageMoveResult;
import org.crmkit.core.spi.ActorResolver;
import org.junit.jupiter.api.Test;

class SalesGatesTest {

    final TestClock clock = new TestClock("2026-03-02T09:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    final Crm crm = Crm.builder()
            .storage(storage)
            .clock(clock)
            .actorResolver(ActorResolver.fixed(Actor.of("anna", "Anna")))
            .build();
    final Sales sales = crm.sales();
    final UserId owner = UserId.of(java.util.UUID.randomUUID());
    final AccountId account = StoredRecords.account(storage, clock);
    final Pipeline pipeline = crm.pipelines()
            .definePipeline(
                    "Enterprise",
                    List.of(
                            NewStage.open("Discover", 10, ForecastCategory.PIPELINE)
                                    .rottingAfter(10),
                            NewStage.open("Prove", 40, ForecastCategory.BEST_CASE)
                                    .gatedBy(
                                            StageGate.requires(DealField.AMOUNT),
                                            StageGate.requires(DealField.EXPECTED_CLOSE_DATE),
                                            StageGate.requiresActivitySinceStageEntry(ActivityKind.MEETING)),
                            NewStage.open("Commit", 80, ForecastCategory.COMMIT)
                                    .gatedBy(StageGate.allOf(
                                            "Commit criteria",
                                            List.of(
                                                    StageGate.requiresLineItem(),
                                                    StageGate.minimumAmount(Money.of("5000.00", "EUR")),
                                                    StageGate.requiresContactRole(BuyingRole.DECISION_MAKER),
                                                    StageGate.requiresCustomField("budget"),
                                                    StageGate.approvalBy(Role.MANAGER)))),
                            NewStage.open("Contract", 90, ForecastCategory.COMMIT)
                                    .gatedBy(StageGate.maxStagesSkipped(0)),
                            NewStage.won("Won").gatedBy(StageGate.requires(DealField.NEXT_STEP)),
                            NewStage.lost("Lost")));
    final StageId discover = stage(0);
    final StageId prove = stage(1);
    final StageId commit = stage(2);
    final StageId contract = stage(3);

    StageId stage(int position) {
        return pipeline.stages().get(position).id();
    }

    Opportunity openDeal() {
        return sales.openOpportunity(
                NewOpportunity.of("Fleet", account, pipeline.id(), Currency.getInstance("EUR"), owner));
    }

    void logMeeting(OpportunityId deal) {
        crm.activities()
                .logActivity(NewActivity.of(ActivityKind.MEETING, null, "Workshop", clock.instant())
                        .regarding(RecordRef.opportunity(deal)));
    }

    Opportunity readyForProve() {
        Opportunity deal = openDeal();
        sales.setAmount(deal.id(), Money.of("8000.00", "EUR"));
        sales.setExpectedCloseDate(deal.id(), LocalDate.of(2026, 6, 30));
        clock.advance(Duration.ofHours(1));
        logMeeting(deal.id());
        return deal;
    }

    static List<String> codes(List<Violation> violations) {
        return violations.stream().map(Violation::code).toList();
    }

    @Test
    void aMoveIntoAGatedStageIsRefusedWithEveryMissingRequirementAndStoresNothing() {
        Opportunity deal = openDeal();

        StageMoveResult refused = sales.moveToStage(deal.id(), prove);

        assertThat(refused.moved()).isFalse();
        assertThat(refused.violations())
                .extracting(Violation::code, Violation::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(StageGate.REQUIRED_FIELD, "amount"),
                        org.assertj.core.groups.Tuple.tuple(StageGate.REQUIRED_FIELD, "expectedCloseDate"),
                        org.assertj.core.groups.Tuple.tuple(StageGate.ACTIVITY, "activities"));
        assertThat(refused.violations().get(0).message())
                .isEqualTo("amount required: amount must be set to enter Prove");
        assertThat(sales.opportunity(deal.id()).orElseThrow().stage()).isEqualTo(discover);
    }

    @Test
    void aDealThatMeetsTheGatesMovesAndTheHistoryRecordsWhoAndWhence() {
        Opportunity deal = readyForProve();

        StageMoveResult moved = sales.moveToStage(deal.id(), prove);

        assertThat(moved.moved()).isTrue();
        Opportunity now = sales.opportunity(deal.id()).orElseThrow();
        assertThat(now.stage()).isEqualTo(prove);
        assertThat(now.stageHistory().get(1)).satisfies(change -> {
            assertThat(change.from()).isEqualTo(discover);
            assertThat(change.actor().id()).isEqualTo("anna");
            assertThat(change.at()).isEqualTo(clock.instant());
            assertThat(change.overridden()).isFalse();
        });
    }

    @Test
    void aMeetingBeforeTheDealEnteredItsStageDoesNotCount() {
        Opportunity deal = openDeal();
        sales.setAmount(deal.id(), Money.of("8000.00", "EUR"));
        sales.setExpectedCloseDate(deal.id(), LocalDate.of(2026, 6, 30));
        crm.activities()
                .logActivity(NewActivity.of(
                                ActivityKind.MEETING,
                                null,
                                "Old meeting",
                                clock.instant().minus(Duration.ofDays(3)))
                        .regarding(RecordRef.opportunity(deal.id())));

        assertThat(codes(sales.missingFor(deal.id(), prove))).containsExactly(StageGate.ACTIVITY);
    }

    @Test
    void theDryRunListsWhatIsMissingForCommitAndChangesNothing() {
        Opportunity deal = readyForProve();
        sales.moveToStage(deal.id(), prove);
        long version = sales.opportunity(deal.id()).orElseThrow().version();

        List<Violation> missing = sales.missingFor(deal.id(), commit);

        assertThat(codes(missing))
                .containsExactly(
                        StageGate.LINE_ITEM,
                        StageGate.CONTACT_ROLE,
                        StageGate.REQUIRED_CUSTOM_FIELD,
                        StageGate.APPROVAL);
        assertThat(missing)
                .extracting(Violation::field)
                .containsExactly("lineItems", "contactRoles", "customFields.budget", "approvals");
        assertThat(sales.opportunity(deal.id()).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void lineItemsBelowTheMinimumAmountKeepCommitClosedUntilEveryCriterionIsMet() {
        Opportunity deal = readyForProve();
        sales.moveToStage(deal.id(), prove);
        sales.addLineItem(deal.id(), NewLineItem.of("SEAT", "10", Money.of("400.00", "EUR"), "0"));
        sales.addContactRole(deal.id(), StoredRecords.contact(storage, clock), BuyingRole.DECISION_MAKER);
        sales.setCustomField(deal.id(), "budget", FieldValue.flag(true));
        User manager = crm.access().registerUser("Mia", EmailAddress.of("mia@example.com"), Set.of(Role.MANAGER));

        assertThat(codes(sales.moveToStage(deal.id(), commit).violations()))
                .containsExactly(StageGate.MINIMUM_AMOUNT, StageGate.APPROVAL);

        sales.changeLineItem(
                deal.id(),
                sales.opportunity(deal.id()).orElseThrow().lineItems().get(0).id(),
                NewLineItem.of("SEAT", "20", Money.of("400.00", "EUR"), "0"));
        sales.approveStage(deal.id(), commit, manager.id(), Role.MANAGER);

        assertThat(sales.missingFor(deal.id(), commit)).isEmpty();
        assertThat(sales.moveToStage(deal.id(), commit).moved()).isTrue();
    }

    @Test
    void anApprovalNeedsAnActiveUserWhoHoldsTheRole() {
        Opportunity deal = openDeal();
        User rep = crm.access().registerUser("Rob", EmailAddress.of("rob@example.com"), Set.of(Role.SALES));

        assertThatThrownBy(() -> sales.approveStage(deal.id(), commit, rep.id(), Role.MANAGER))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("does not hold the role");
        assertThat(sales.opportunity(deal.id()).orElseThrow().approvals()).isEmpty();
    }

    @Test
    void movingForwardPastSeveralStagesMustMeetTheGatesOfEveryStageOnTheWay() {
        Opportunity deal = openDeal();

        List<Violation> violations = sales.moveToStage(deal.id(), commit).violations();

        assertThat(codes(violations))
                .containsExactly(
                        StageGate.REQUIRED_FIELD,
                        StageGate.REQUIRED_FIELD,
                        StageGate.ACTIVITY,
                        StageGate.LINE_ITEM,
                        StageGate.MINIMUM_AMOUNT,
                        StageGate.CONTACT_ROLE,
                        StageGate.REQUIRED_CUSTOM_FIELD,
                        StageGate.APPROVAL);
    }

    @Test
    void aJumpOverOneStageIsCountedAsOneStage() {
        Opportunity deal = readyForProve();
        sales.moveToStage(deal.id(), prove);

        List<Violation> violations = sales.missingFor(deal.id(), contract);

        assertThat(violations)
                .filteredOn(v -> v.code().equals(StageGate.STAGE_SKIP))
                .singleElement()
                .satisfies(v -> assertThat(v.message())
                        .isEqualTo("skip at most 0 stages: the move to Contract skips 1 stage, at most 0 allowed"));
        assertThat(StageGate.maxStagesSkipped(1).name()).isEqualTo("skip at most 1 stage");
    }

    @Test
    void aStageThatAllowsNoSkippingRefusesAJumpOverAStage() {
        Opportunity deal = readyForProve();

        List<Violation> violations = sales.missingFor(deal.id(), contract);

        assertThat(violations)
                .filteredOn(v -> v.code().equals(StageGate.STAGE_SKIP))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("skips 2 stages, at most 0 allowed"));
    }

    @Test
    void anOverrideMovesDespiteTheGatesAndTheHistoryKeepsTheReasonAndTheViolations() {
        Opportunity deal = openDeal();

        StageMoveResult moved = sales.moveOverridingGates(deal.id(), prove, "CEO met them at the fair");

        assertThat(moved.moved()).isTrue();
        Opportunity now = sales.opportunity(deal.id()).orElseThrow();
        assertThat(now.stage()).isEqualTo(prove);
        assertThat(now.stageHistory().get(1).override().reason()).isEqualTo("CEO met them at the fair");
        assertThat(codes(now.stageHistory().get(1).override().overridden()))
                .containsExactly(StageGate.REQUIRED_FIELD, StageGate.REQUIRED_FIELD, StageGate.ACTIVITY);
    }

    @Test
    void anOverrideCannotMoveIntoAClosingStage() {
        Opportunity deal = openDeal();

        StageMoveResult refused =
                sales.moveOverridingGates(deal.id(), pipeline.wonStage().id(), "just because");

        assertThat(codes(refused.violations())).containsExactly(Opportunity.CLOSING_STAGE);
    }

    @Test
    void winningNeedsAListedReasonAndTheWonStagesGates() {
        crm.pipelines().changeCloseReasons(pipeline.id(), List.of("Best fit", "Price"), List.of("Price", "No budget"));
        Opportunity deal = openDeal();

        StageMoveResult refused = sales.markWon(deal.id(), "luck");

        assertThat(codes(refused.violations()))
                .containsExactly(Opportunity.UNKNOWN_CLOSE_REASON, StageGate.REQUIRED_FIELD);
        sales.setNextStep(deal.id(), "kick-off");
        assertThat(sales.markWon(deal.id(), "best FIT").moved()).isTrue();
        assertThat(sales.opportunity(deal.id()).orElseThrow().closeReason()).isEqualTo("Best fit");
    }

    @Test
    void aLostDealKeepsReasonAndCompetitorAndReopensOnlyIntoAStageWhoseGatesItMeets() {
        crm.pipelines().changeCloseReasons(pipeline.id(), List.of(), List.of("Price", "No budget"));
        Opportunity deal = openDeal();
        sales.markLost(deal.id(), "price", "Globex");
        Opportunity lost = sales.opportunity(deal.id()).orElseThrow();
        assertThat(lost.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(lost.closeReason()).isEqualTo("Price");
        assertThat(lost.competitor()).isEqualTo("Globex");

        assertThat(codes(sales.reopen(deal.id(), prove).violations()))
                .containsExactly(StageGate.REQUIRED_FIELD, StageGate.REQUIRED_FIELD, StageGate.ACTIVITY);
        assertThat(sales.reopen(deal.id(), discover).moved()).isTrue();
        assertThat(sales.opportunity(deal.id()).orElseThrow().competitor()).isNull();
    }
}
