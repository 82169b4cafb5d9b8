package org.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.crmkit.core.access.Role;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

class StageGatePropertiesTest {

    static final Currency EUR = Currency.getInstance("EUR");
    static final ContactId BUYER = ContactId.of(UUID.randomUUID());

    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    final List<Instant> meetings = new ArrayList<>();
    final ActivityEvidence evidence =
            (kind, since) -> kind == ActivityKind.MEETING && meetings.stream().anyMatch(at -> !at.isBefore(since));

    Clock clock() {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    static Pipeline gatedPipeline(Clock clock) {
        return Pipeline.define(
                TenantId.DEFAULT,
                PipelineId.of(UUID.randomUUID()),
                "Enterprise",
                List.of(
                        Stage.open(StageId.of(UUID.randomUUID()), "Discover", 10, ForecastCategory.PIPELINE),
                        Stage.open(StageId.of(UUID.randomUUID()), "Prove", 40, ForecastCategory.BEST_CASE)
                                .gatedBy(List.of(
                                        StageGate.requires(DealField.AMOUNT),
                                        StageGate.requires(DealField.EXPECTED_CLOSE_DATE),
                                        StageGate.requiresActivitySinceStageEntry(ActivityKind.MEETING))),
                        Stage.open(StageId.of(UUID.randomUUID()), "Commit", 80, ForecastCategory.COMMIT)
                                .gatedBy(List.of(
                                        StageGate.allOf(
                                                "Commit criteria",
                                                List.of(
                                                        StageGate.requiresLineItem(),
                                                        StageGate.minimumAmount(Money.of("5000.00", "EUR")),
                                                        StageGate.requiresContactRole(BuyingRole.DECISION_MAKER),
                                                        StageGate.requiresCustomField("budget"),
                                                        StageGate.approvalBy(Role.MANAGER))),
                                        StageGate.maxStagesSkipped(0))),
                        Stage.open(StageId.of(UUID.randomUUID()), "Contract", 90, ForecastCategory.COMMIT)
                                .gatedBy(List.of(StageGate.maxStagesSkipped(1))),
                        Stage.won(StageId.of(UUID.randomUUID()), "Won")
                                .gatedBy(List.of(StageGate.requires(DealField.NEXT_STEP))),
                        Stage.lost(StageId.of(UUID.randomUUID()), "Lost")),
                null,
                clock);
    }

    /**
     * Whatever a user does to a deal in whatever order, every stage it entered without a recorded override had all
     * its gates met by the deal as it was just before the move.
     */
    @Property(tries = 300)
    void noSequenceOfChangesAndMovesEntersAStageWhoseGatesAreNotMetWithoutARecordedOverride(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 259) Integer> actions) {
        meetings.clear();
        Pipeline pipeline = gatedPipeline(clock());
        List<Stage> stages = pipeline.stages();
        Opportunity deal = Opportunity.open(
                TenantId.DEFAULT,
                OpportunityId.of(UUID.randomUUID()),
                NewOpportunity.of(
                        "Deal", AccountId.of(UUID.randomUUID()), pipeline.id(), EUR, UserId.of(UUID.randomUUID())),
                pipeline,
                Actor.SYSTEM,
                clock());
        int checkedMoves = 0;
        for (int action : actions) {
            int arg = action / 13;
            Opportunity before = Opportunity.restore(deal.state());
            Stage target = stages.get(arg % stages.size());
            StageMoveResult result = null;
            switch (action % 13) {
                case 0 -> {
                    if (deal.isOpen() && deal.lineItems().isEmpty()) {
                        deal.estimateAmount(Money.of(BigDecimal.valueOf(arg * 500L), EUR), clock());
                    }
                }
                case 1 -> {
                    if (deal.isOpen() && deal.lineItems().isEmpty()) {
                        deal.estimateAmount(null, clock());
                    }
                }
                case 2 -> {
                    if (deal.isOpen()) {
                        deal.addLineItem(
                                new LineItem(
                                        LineItemId.of(UUID.randomUUID()),
                                        "SEAT",
                                        null,
                                        BigDecimal.valueOf(arg + 1),
                                        Money.of("500.00", "EUR"),
                                        BigDecimal.ZERO),
                                clock());
                    }
                }
                case 3 -> {
                    if (deal.isOpen() && !deal.lineItems().isEmpty()) {
                        deal.removeLineItem(deal.lineItems().get(0).id(), clock());
                    }
                }
                case 4 -> {
                    if (deal.isOpen()) {
                        deal.expectToCloseOn(arg % 2 == 0 ? LocalDate.of(2026, 6, 30) : null);
                    }
                }
                case 5 -> {
                    ContactRole buyer = ContactRole.of(BUYER, BuyingRole.DECISION_MAKER);
                    if (arg % 2 == 0) {
                        deal.addContactRole(buyer);
                    } else {
                        deal.removeContactRole(buyer);
                    }
                }
                case 6 -> deal.recordCustomField("budget", arg % 2 == 0 ? FieldValue.flag(true) : null);
                case 7 ->
                    deal.approve(
                            pipeline, target.id(), Role.MANAGER, UserId.of(UUID.randomUUID()), Actor.SYSTEM, clock());
                case 8 -> meetings.add(now);
                case 9 -> now = now.plus(Duration.ofHours(arg + 1));
                case 10 ->
                    result = deal.isOpen()
                            ? deal.moveTo(pipeline, target.id(), evidence, Actor.SYSTEM, clock())
                            : deal.reopen(pipeline, target.id(), evidence, Actor.SYSTEM, clock());
                case 11 -> {
                    if (deal.isOpen()) {
                        result = switch (arg % 3) {
                            case 0 -> deal.markWon(pipeline, "fit", evidence, Actor.SYSTEM, clock());
                            case 1 -> deal.markLost(pipeline, "price", null, evidence, Actor.SYSTEM, clock());
                            default ->
                                deal.moveOverridingGates(
                                        pipeline, target.id(), evidence, "manager says so", Actor.SYSTEM, clock());
                        };
                    }
                }
                default -> deal.planNextStep(arg % 2 == 0 ? "call back" : null);
            }
            if (result instanceof StageMoveResult.Moved moved && !moved.change().overridden()) {
                Stage entered = pipeline.requireStage(moved.change().to());
                ProposedMove move = new ProposedMove(before, pipeline, entered, entered, evidence);
                for (StageGate gate : entered.gates()) {
                    if (!(gate instanceof StageGate.MaxStagesSkipped)) {
                        assertThat(gate.check(move))
                                .as("gate %s of %s", gate.name(), entered.name())
                                .isEmpty();
                    }
                }
                int skipped = Math.max(
                        0,
                        pipeline.positionOf(entered.id())
                                - pipeline.positionOf(
                                        moved.change().from() == null
                                                ? entered.id()
                                                : moved.change().from())
                                - 1);
                if (before.isOpen() && entered.isOpen()) {
                    entered.gates().stream()
                            .filter(StageGate.MaxStagesSkipped.class::isInstance)
                            .map(StageGate.MaxStagesSkipped.class::cast)
                            .forEach(gate -> assertThat(skipped).isLessThanOrEqualTo(gate.stages()));
                }
                checkedMoves++;
            }
            if (result instanceof StageMoveResult.Refused refused) {
                assertThat(deal.state()).isEqualTo(before.state());
                assertThat(refused.violations()).isNotEmpty();
            }
        }
        assertThat(deal.stageHistory().stream().filter(change -> change.from() != null && !change.overridden()))
                .hasSize(checkedMoves);
        assertThat(deal.stageHistory())
                .filteredOn(StageChange::overridden)
                .allSatisfy(change -> assertThat(change.override().overridden()).isNotEmpty());
    }
}
