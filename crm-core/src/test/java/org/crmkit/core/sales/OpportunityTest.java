package org.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.UUID;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.TaskPriority;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.UserId;
import org.junit.jupiter.api.Test;

class OpportunityTest {

    static final Clock CLOCK = PipelineTest.CLOCK;
    static final Actor ANNA = Actor.of("anna", "Anna Seller");
    final Pipeline pipeline = PipelineTest.newBusiness();
    final Stage qualify = pipeline.stages().get(0);
    final Stage propose = pipeline.stages().get(1);
    final Stage negotiate = pipeline.stages().get(2);

    Opportunity deal() {
        return Opportunity.open(
                PipelineTest.TENANT,
                OpportunityId.of(UUID.randomUUID()),
                NewOpportunity.of(
                                "Fleet renewal",
                                AccountId.of(UUID.randomUUID()),
                                pipeline.id(),
                                Currency.getInstance("EUR"),
                                UserId.of(UUID.randomUUID()))
                        .withExpectedCloseDate(LocalDate.of(2026, 6, 30)),
                pipeline,
                ANNA,
                CLOCK);
    }

    static LineItem item(String quantity, String price, String discount) {
        return new LineItem(
                LineItemId.of(UUID.randomUUID()),
                "SKU-1",
                "Licence",
                new BigDecimal(quantity),
                Money.of(price, "EUR"),
                new BigDecimal(discount));
    }

    @Test
    void aDealOpensInTheFirstOpenStageWithHistory() {
        Opportunity deal = deal();

        assertThat(deal.stage()).isEqualTo(qualify.id());
        assertThat(deal.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(deal.stageHistory()).singleElement().satisfies(change -> {
            assertThat(change.from()).isNull();
            assertThat(change.to()).isEqualTo(qualify.id());
            assertThat(change.actor()).isEqualTo(ANNA);
        });
        assertThat(deal.probabilityPercent(pipeline)).isEqualTo(10);
        assertThat(deal.pendingEvents()).singleElement().isInstanceOf(OpportunityOpened.class);
    }

    @Test
    void aNewOpportunityOpensWithEverythingItSays() {
        ContactId buyer = ContactId.of(UUID.randomUUID());
        LeadId lead = LeadId.of(UUID.randomUUID());
        NewOpportunity wanted = NewOpportunity.of(
                        "Fleet",
                        AccountId.of(UUID.randomUUID()),
                        pipeline.id(),
                        Currency.getInstance("EUR"),
                        UserId.of(UUID.randomUUID()))
                .withPrimaryContact(buyer)
                .withStage(negotiate.id())
                .withAmount(Money.of("900.00", "EUR"))
                .withExpectedCloseDate(LocalDate.of(2026, 9, 30))
                .withOriginLead(lead);

        Opportunity deal = Opportunity.open(
                PipelineTest.TENANT, OpportunityId.of(UUID.randomUUID()), wanted, pipeline, ANNA, CLOCK);

        assertThat(deal.primaryContact()).isEqualTo(buyer);
        assertThat(deal.stage()).isEqualTo(negotiate.id());
        assertThat(deal.amount()).isEqualTo(Money.of("900.00", "EUR"));
        assertThat(deal.expectedCloseDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(deal.originLead()).isEqualTo(lead);
        assertThat(deal.campaign()).isNull();
    }

    @Test
    void aDealOpensOnlyInThePipelineItNames() {
        NewOpportunity elsewhere = NewOpportunity.of(
                "Fleet",
                AccountId.of(UUID.randomUUID()),
                PipelineTest.newBusiness().id(),
                Currency.getInstance("EUR"),
                UserId.of(UUID.randomUUID()));

        assertThatThrownBy(() -> Opportunity.open(
                        PipelineTest.TENANT, OpportunityId.of(UUID.randomUUID()), elsewhere, pipeline, ANNA, CLOCK))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("pipeline");
    }

    @Test
    void aDealRestingInItsStagePastTheRottingDaysIsStale() {
        Opportunity deal = deal();
        Instant opened = CLOCK.instant();

        assertThat(deal.staleness(pipeline, null, opened.plus(Duration.ofDays(13))))
                .isEmpty();
        Staleness staleness =
                deal.staleness(pipeline, null, opened.plus(Duration.ofDays(14))).orElseThrow();

        assertThat(staleness.reasons()).containsExactly(StaleReason.ROTTING);
        assertThat(staleness.daysInStage()).isEqualTo(14);
        assertThat(staleness.describe()).isEqualTo("14 days in its stage");
    }

    @Test
    void aDealWithoutActivityForThePipelinesInactivityDaysIsStaleAndItsTaskSaysWhy() {
        pipeline.changeInactivityDays(10, CLOCK);
        Opportunity deal = deal();
        Instant lastCall = CLOCK.instant().plus(Duration.ofDays(2));
        Instant now = CLOCK.instant().plus(Duration.ofDays(13));

        Staleness staleness = deal.staleness(pipeline, lastCall, now).orElseThrow();

        assertThat(staleness.reasons()).containsExactly(StaleReason.INACTIVE);
        assertThat(staleness.daysWithoutActivity()).isEqualTo(11);
        NewTask task = deal.staleAlertTask(staleness);
        assertThat(task.subject()).isEqualTo("Stale deal: Fleet renewal");
        assertThat(task.description()).isEqualTo("No progress on Fleet renewal: 11 days without activity");
        assertThat(task.dueAt()).isEqualTo(now.plus(Duration.ofDays(1)));
        assertThat(task.priority()).isEqualTo(TaskPriority.HIGH);
        assertThat(task.link()).isEqualTo(RecordRef.opportunity(deal.id()));
    }

    @Test
    void anAlertStandsUntilAnActivityAfterItStartsANewSpell() {
        pipeline.changeInactivityDays(10, CLOCK);
        Opportunity deal = deal();
        Instant now = CLOCK.instant().plus(Duration.ofDays(10));
        Staleness first = deal.staleness(pipeline, null, now).orElseThrow();
        assertThat(deal.staleAlertStands(first)).isFalse();

        deal.raiseStaleAlert(first.reasons(), TaskId.of(UUID.randomUUID()), Clock.fixed(now, ZoneOffset.UTC));
        Instant later = now.plus(Duration.ofDays(1));

        assertThat(deal.staleAlertStands(deal.staleness(pipeline, null, later).orElseThrow()))
                .isTrue();
        Instant callAfterAlert = now.plus(Duration.ofHours(1));
        Staleness newSpell = deal.staleness(pipeline, callAfterAlert, later.plus(Duration.ofDays(10)))
                .orElseThrow();
        assertThat(deal.staleAlertStands(newSpell)).isFalse();
    }

    @Test
    void lineItemAmountIsQuantityTimesPriceLessDiscountRounded() {
        assertThat(item("3", "19.99", "10").amount()).isEqualTo(Money.of("53.97", "EUR"));
        assertThat(item("1", "0.05", "50").amount()).isEqualTo(Money.of("0.02", "EUR"));
        assertThat(item("1", "0.07", "50").amount()).isEqualTo(Money.of("0.04", "EUR"));
        assertThat(item("2.5", "10.00", "100").amount()).isEqualTo(Money.zero("EUR"));
        assertThat(item("0.333", "1.00", "0").amount()).isEqualTo(Money.of("0.33", "EUR"));
    }

    @Test
    void badLineItemValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> item("0", "1", "0"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> item("1", "1", "100.01"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("discountPercent"));
        assertThatThrownBy(() -> item("1", "1", "-1"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("discountPercent"));
        assertThatThrownBy(() -> item("1", "-1", "0"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("unitPrice"));
    }

    @Test
    void theAmountFollowsTheLineItems() {
        Opportunity deal = deal();
        LineItem licences = item("10", "100.00", "15");
        LineItem support = item("1", "200.00", "0");

        deal.addLineItem(licences, CLOCK);
        deal.addLineItem(support, CLOCK);
        assertThat(deal.amount()).isEqualTo(Money.of("1050.00", "EUR"));

        deal.changeLineItem(
                new LineItem(
                        support.id(),
                        "SKU-2",
                        "Premium support",
                        BigDecimal.ONE,
                        Money.of("300.00", "EUR"),
                        BigDecimal.ZERO),
                CLOCK);
        assertThat(deal.amount()).isEqualTo(Money.of("1150.00", "EUR"));

        deal.removeLineItem(licences.id(), CLOCK);
        assertThat(deal.amount()).isEqualTo(Money.of("300.00", "EUR"));
        assertThat(deal.pendingEvents())
                .filteredOn(OpportunityAmountChanged.class::isInstance)
                .hasSize(4);
    }

    @Test
    void theAmountCannotBeSetWhileLineItemsExist() {
        Opportunity deal = deal();
        deal.estimateAmount(Money.of("5000.00", "EUR"), CLOCK);
        assertThat(deal.amount()).isEqualTo(Money.of("5000.00", "EUR"));
        deal.addLineItem(item("1", "10.00", "0"), CLOCK);

        assertThatThrownBy(() -> deal.estimateAmount(Money.of("1.00", "EUR"), CLOCK))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(deal.amount()).isEqualTo(Money.of("10.00", "EUR"));
    }

    @Test
    void aLineItemInAnotherCurrencyIsRefusedNamingTheField() {
        Opportunity deal = deal();
        LineItem dollars = new LineItem(
                LineItemId.of(UUID.randomUUID()), "SKU", null, BigDecimal.ONE, Money.of("1", "USD"), BigDecimal.ZERO);

        assertThatThrownBy(() -> deal.addLineItem(dollars, CLOCK))
                .isInstanceOfSatisfying(
                        CurrencyMismatchException.class,
                        e -> assertThat(e.field()).isEqualTo("lineItem.unitPrice"));
        assertThatThrownBy(() -> deal.estimateAmount(Money.of("1", "USD"), CLOCK))
                .isInstanceOfSatisfying(
                        CurrencyMismatchException.class,
                        e -> assertThat(e.field()).isEqualTo("amount"));
        assertThat(deal.lineItems()).isEmpty();
    }

    @Test
    void movingRecordsTheStageHistoryWithTimeAndActor() {
        Opportunity deal = deal();
        Clock later = Clock.offset(CLOCK, Duration.ofDays(3));

        StageMoveResult result = deal.moveTo(pipeline, propose.id(), ANNA, later);

        assertThat(result.moved()).isTrue();
        assertThat(deal.stage()).isEqualTo(propose.id());
        assertThat(deal.stageEnteredAt()).isEqualTo(later.instant());
        assertThat(deal.stageHistory()).last().satisfies(change -> {
            assertThat(change.from()).isEqualTo(qualify.id());
            assertThat(change.to()).isEqualTo(propose.id());
            assertThat(change.at()).isEqualTo(later.instant());
        });
        assertThat(deal.probabilityPercent(pipeline)).isEqualTo(50);
        assertThat(deal.pendingEvents()).last().isInstanceOf(OpportunityStageChanged.class);
    }

    @Test
    void aMoveToTheSameStageOrToAClosingStageIsRefusedWithReasons() {
        Opportunity deal = deal();

        StageMoveResult same = deal.moveTo(pipeline, qualify.id(), ANNA, CLOCK);
        StageMoveResult closing = deal.moveTo(pipeline, pipeline.wonStage().id(), ANNA, CLOCK);

        assertThat(same.moved()).isFalse();
        assertThat(same.violations()).extracting(v -> v.code()).containsExactly(Opportunity.SAME_STAGE);
        assertThat(closing.violations()).extracting(v -> v.code()).containsExactly(Opportunity.CLOSING_STAGE);
        assertThat(deal.stageHistory()).hasSize(1);
    }

    @Test
    void aStageOfAnotherPipelineIsRefused() {
        Opportunity deal = deal();
        Pipeline other = PipelineTest.newBusiness();

        assertThatThrownBy(() -> deal.moveTo(other, other.stages().get(1).id(), ANNA, CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("pipeline"));
        assertThatThrownBy(() -> deal.moveTo(pipeline, other.stages().get(1).id(), ANNA, CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("stageId"));
    }

    @Test
    void wonDealsAreCertainAndClosed() {
        Opportunity deal = deal();
        deal.moveTo(pipeline, negotiate.id(), ANNA, CLOCK);

        deal.markWon(pipeline, "best price", ANNA, CLOCK);

        assertThat(deal.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(deal.stage()).isEqualTo(pipeline.wonStage().id());
        assertThat(deal.closeReason()).isEqualTo("best price");
        assertThat(deal.closedAt()).isEqualTo(CLOCK.instant());
        assertThat(deal.probabilityPercent(pipeline)).isEqualTo(100);
        assertThat(deal.pendingEvents()).last().isInstanceOf(OpportunityWon.class);
        assertThatThrownBy(() -> deal.moveTo(pipeline, propose.id(), ANNA, CLOCK))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> deal.addLineItem(item("1", "1", "0"), CLOCK))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void lostDealsRecordReasonAndCompetitorAndCanBeReopened() {
        Opportunity deal = deal();
        deal.markLost(pipeline, "price", "Globex", ANNA, CLOCK);
        assertThat(deal.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(deal.competitor()).isEqualTo("Globex");
        assertThat(deal.probabilityPercent(pipeline)).isZero();

        StageMoveResult refused = deal.reopen(pipeline, pipeline.wonStage().id(), ANNA, CLOCK);
        assertThat(refused.violations()).extracting(v -> v.code()).containsExactly(Opportunity.NOT_AN_OPEN_STAGE);

        StageMoveResult reopened = deal.reopen(pipeline, propose.id(), ANNA, CLOCK);

        assertThat(reopened.moved()).isTrue();
        assertThat(deal.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(deal.closeReason()).isNull();
        assertThat(deal.competitor()).isNull();
        assertThat(deal.stageHistory())
                .extracting(StageChange::to)
                .containsExactly(qualify.id(), pipeline.lostStage().id(), propose.id());
        assertThat(deal.pendingEvents()).last().isInstanceOf(OpportunityReopened.class);
    }

    @Test
    void anOpenDealCannotBeReopened() {
        assertThatThrownBy(() -> deal().reopen(pipeline, propose.id(), ANNA, CLOCK))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aProbabilityOverrideReplacesTheStageDefault() {
        Opportunity deal = deal();
        deal.overrideProbability(35);
        assertThat(deal.probabilityPercent(pipeline)).isEqualTo(35);
        deal.overrideProbability(null);
        assertThat(deal.probabilityPercent(pipeline)).isEqualTo(10);
        assertThatThrownBy(() -> deal.overrideProbability(120))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("probabilityOverride"));
    }

    @Test
    void contactRolesAreKeptOncePerContactAndRole() {
        Opportunity deal = deal();
        ContactId cfo = ContactId.of(UUID.randomUUID());

        deal.addContactRole(ContactRole.of(cfo, BuyingRole.DECISION_MAKER));
        deal.addContactRole(ContactRole.of(cfo, BuyingRole.DECISION_MAKER));
        deal.addContactRole(ContactRole.of(cfo, BuyingRole.ECONOMIC_BUYER));

        assertThat(deal.contactRoles()).hasSize(2);
        assertThat(deal.hasContactRole(BuyingRole.DECISION_MAKER)).isTrue();
        assertThat(deal.removeContactRole(ContactRole.of(cfo, BuyingRole.DECISION_MAKER)))
                .isTrue();
        assertThat(deal.hasContactRole(BuyingRole.DECISION_MAKER)).isFalse();
    }

    @Test
    void stateRoundTripKeepsEveryField() {
        Opportunity deal = Opportunity.open(
                PipelineTest.TENANT,
                OpportunityId.of(UUID.randomUUID()),
                NewOpportunity.of(
                                "Deal",
                                AccountId.of(UUID.randomUUID()),
                                pipeline.id(),
                                Currency.getInstance("EUR"),
                                UserId.of(UUID.randomUUID()))
                        .withPrimaryContact(ContactId.of(UUID.randomUUID()))
                        .withStage(propose.id())
                        .withAmount(Money.of("10.00", "EUR"))
                        .withExpectedCloseDate(LocalDate.of(2026, 5, 1))
                        .withOriginLead(LeadId.of(UUID.randomUUID())),
                pipeline,
                ANNA,
                CLOCK);
        deal.addLineItem(item("2", "5.00", "0"), CLOCK);
        deal.addContactRole(ContactRole.of(ContactId.of(UUID.randomUUID()), BuyingRole.CHAMPION));
        deal.planNextStep("send proposal");
        deal.overrideProbability(60);
        deal.recordCustomField("region", FieldValue.text("North"));
        deal.recordCustomField("seats", FieldValue.number(BigDecimal.TEN));
        deal.markLost(pipeline, "timing", null, ANNA, CLOCK);

        assertThat(Opportunity.restore(deal.state()).state()).isEqualTo(deal.state());
    }
}
