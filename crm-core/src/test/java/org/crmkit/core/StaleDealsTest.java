package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskPriority;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.StaleDeal;
import org.crmkit.core.sales.StaleReason;
import org.junit.jupiter.api.Test;

class StaleDealsTest {

    final TestClock clock = new TestClock("2026-03-02T09:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    final Sales sales = crm.sales();
    final UserId owner = UserId.of(UUID.randomUUID());
    final Pipeline pipeline = crm.pipelines()
            .definePipeline(
                    "New business",
                    List.of(
                            NewStage.open("Qualify", 10, ForecastCategory.PIPELINE)
                                    .rottingAfter(10),
                            NewStage.open("Propose", 50, ForecastCategory.BEST_CASE),
                            NewStage.won("Won"),
                            NewStage.lost("Lost")));

    Opportunity openDeal(String name) {
        return sales.openOpportunity(NewOpportunity.of(
                name, StoredRecords.account(storage, clock), pipeline.id(), Currency.getInstance("EUR"), owner));
    }

    List<Task> ownerTasks() {
        return crm.activities().tasksOf(owner, Set.of(), PageRequest.first(50)).items();
    }

    void logCall(Opportunity deal) {
        crm.activities()
                .logActivity(NewActivity.of(ActivityKind.CALL, Direction.OUTBOUND, "Follow-up", clock.instant())
                        .regarding(RecordRef.opportunity(deal.id())));
    }

    @Test
    void aDealOneDayInAOneDayStageIsDescribedAsOneDay() {
        Pipeline callbacks = crm.pipelines()
                .definePipeline(
                        "Callbacks",
                        List.of(
                                NewStage.open("Call back", 10, ForecastCategory.PIPELINE)
                                        .rottingAfter(1),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        sales.openOpportunity(NewOpportunity.of(
                "Callback", StoredRecords.account(storage, clock), callbacks.id(), Currency.getInstance("EUR"), owner));
        clock.advance(Duration.ofDays(1));

        sales.alertStaleDeals();

        assertThat(ownerTasks())
                .singleElement()
                .satisfies(task ->
                        assertThat(task.description()).isEqualTo("No progress on Callback: 1 day in its stage"));
    }

    @Test
    void aDealRottingInItsStageGetsOneOwnerTaskNotOneOnEveryCheck() {
        Opportunity deal = openDeal("Fleet");
        clock.advance(Duration.ofDays(11));

        List<StaleDeal> first = sales.alertStaleDeals();
        clock.advance(Duration.ofDays(1));
        List<StaleDeal> second = sales.alertStaleDeals();

        assertThat(first).singleElement().satisfies(stale -> {
            assertThat(stale.opportunity()).isEqualTo(deal.id());
            assertThat(stale.reasons()).containsExactly(StaleReason.ROTTING);
            assertThat(stale.daysInStage()).isEqualTo(11);
            assertThat(stale.newlyAlerted()).isTrue();
        });
        assertThat(second).singleElement().satisfies(stale -> {
            assertThat(stale.newlyAlerted()).isFalse();
            assertThat(stale.task()).isEqualTo(first.get(0).task());
        });
        assertThat(ownerTasks()).singleElement().satisfies(task -> {
            assertThat(task.subject()).isEqualTo("Stale deal: Fleet");
            assertThat(task.priority()).isEqualTo(TaskPriority.HIGH);
            assertThat(task.link()).isEqualTo(RecordRef.opportunity(deal.id()));
        });
    }

    @Test
    void aDealThatMovedOnIsNotStaleAndAfterRestingAgainGetsANewTask() {
        Opportunity deal = openDeal("Fleet");
        clock.advance(Duration.ofDays(11));
        sales.alertStaleDeals();
        clock.advance(Duration.ofHours(2));

        sales.moveToStage(deal.id(), pipeline.stages().get(1).id());
        assertThat(sales.alertStaleDeals()).isEmpty();
        sales.moveToStage(deal.id(), pipeline.stages().get(0).id());
        clock.advance(Duration.ofDays(10));

        assertThat(sales.alertStaleDeals())
                .singleElement()
                .satisfies(stale -> assertThat(stale.newlyAlerted()).isTrue());
        assertThat(ownerTasks()).hasSize(2);
    }

    @Test
    void aDealWithoutActivityForThePipelinesInactivityDaysIsStaleUntilSomeoneCallsAgain() {
        crm.pipelines().changeInactivityDays(pipeline.id(), 7);
        Opportunity deal = openDeal("Fleet");
        sales.moveToStage(deal.id(), pipeline.stages().get(1).id());
        clock.advance(Duration.ofDays(3));
        logCall(deal);
        clock.advance(Duration.ofDays(6));
        assertThat(sales.alertStaleDeals()).isEmpty();

        clock.advance(Duration.ofDays(1));
        List<StaleDeal> quiet = sales.alertStaleDeals();
        logCall(deal);
        List<StaleDeal> afterCall = sales.alertStaleDeals();
        clock.advance(Duration.ofDays(7));
        List<StaleDeal> quietAgain = sales.alertStaleDeals();

        assertThat(quiet).singleElement().satisfies(stale -> {
            assertThat(stale.reasons()).containsExactly(StaleReason.INACTIVE);
            assertThat(stale.daysWithoutActivity()).isEqualTo(7);
        });
        assertThat(afterCall).isEmpty();
        assertThat(quietAgain)
                .singleElement()
                .satisfies(stale -> assertThat(stale.newlyAlerted()).isTrue());
        assertThat(ownerTasks()).hasSize(2);
    }

    @Test
    void closedDealsAreNeverStale() {
        Opportunity deal = openDeal("Fleet");
        sales.markLost(deal.id(), "price", null);
        clock.advance(Duration.ofDays(40));

        assertThat(sales.alertStaleDeals()).isEmpty();
    }
}
