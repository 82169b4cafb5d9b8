package org.crmkit.workflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.crmkit.core.Crm;
import org.crmkit.core.NewStage;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class DateRemindersTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The host's contracts: renewal dates by contract, changed as the host's users edit them. */
    private final Map<UUID, LocalDate> renewals = new ConcurrentHashMap<>();

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-05-01T00:00:00Z"));
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .build();
    private final User owner =
            crm.access().registerUser("Olga Owner", EmailAddress.of("olga@acme.example"), Set.of(Role.SALES));

    private DatedRecords contracts() {
        return (from, to, page) -> Page.of(
                renewals.entrySet().stream()
                        .filter(e ->
                                !e.getValue().isBefore(from) && !e.getValue().isAfter(to))
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> new DatedRecord(
                                RecordRef.of(RecordType.ACCOUNT, AccountId.of(e.getKey())),
                                e.getValue(),
                                owner.id(),
                                "Contract " + e.getKey().toString().substring(0, 4)))
                        .toList(),
                page);
    }

    private TimeFixture hourly() {
        return TimeFixture.at(clock).everyTick(Duration.ofHours(1), runtime::runDue);
    }

    private List<Instant> sentTimes() {
        return gateway.sent().stream().map(Sent::at).toList();
    }

    @Test
    void renewalIsRemindedThirtyDaysAheadAtItsNewTimeWhenTheDateMovesAndNotAtAllWhenDropped() {
        DateReminders.builder(runtime)
                .rule(new DateReminderRule(
                        "renewal-30-days",
                        contracts(),
                        Period.ofDays(-30),
                        LocalTime.of(8, 0),
                        BERLIN,
                        "date-reminder"))
                .build();
        UUID stays = UUID.fromString("00000000-0000-7000-8000-000000000001");
        UUID moves = UUID.fromString("00000000-0000-7000-8000-000000000002");
        UUID dropped = UUID.fromString("00000000-0000-7000-8000-000000000003");
        renewals.put(stays, LocalDate.of(2026, 6, 30));
        renewals.put(moves, LocalDate.of(2026, 6, 15));
        renewals.put(dropped, LocalDate.of(2026, 6, 20));

        hourly().whenTimeElapses(Duration.ofDays(9))
                .when(() -> renewals.put(moves, LocalDate.of(2026, 7, 15)))
                .when(() -> renewals.remove(dropped))
                .whenTimeElapses(Duration.ofDays(60));

        assertThat(sentTimes())
                .containsExactly(Instant.parse("2026-05-31T06:00:00Z"), Instant.parse("2026-06-15T06:00:00Z"));
        assertThat(gateway.sent().get(0).message().subject()).isEqualTo("Contract 0000: 2026-06-30");
        assertThat(gateway.sent().get(0).message().address()).isEqualTo("olga@acme.example");
        assertThat(gateway.sent().get(1).key()).endsWith(":account:" + moves + ":2026-07-15");
    }

    @Test
    void dateMovedAfterItsReminderWentOutEarnsAReminderForTheNewDate() {
        DateReminders.builder(runtime)
                .rule(new DateReminderRule(
                        "end-of-subscription",
                        contracts(),
                        Period.ofDays(-7),
                        LocalTime.of(9, 0),
                        BERLIN,
                        "date-reminder"))
                .build();
        UUID subscription = UUID.randomUUID();
        renewals.put(subscription, LocalDate.of(2026, 5, 10));

        hourly().whenTimeElapses(Duration.ofDays(5))
                .when(() -> renewals.put(subscription, LocalDate.of(2026, 5, 20)))
                .whenTimeElapses(Duration.ofDays(20));

        assertThat(sentTimes())
                .containsExactly(Instant.parse("2026-05-03T07:00:00Z"), Instant.parse("2026-05-13T07:00:00Z"));
    }

    @Test
    void opportunityOwnerIsRemindedTheDayAfterAMissedCloseDate() {
        var pipeline = crm.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        Opportunity deal = crm.sales()
                .openOpportunity(NewOpportunity.of(
                        "Acme rollout",
                        crm.parties()
                                .registerAccount(NewAccount.of("Acme", owner.id()))
                                .id(),
                        pipeline.id(),
                        Currency.getInstance("EUR"),
                        owner.id()));
        crm.sales().setExpectedCloseDate(deal.id(), LocalDate.of(2026, 5, 4));
        DateReminders.builder(runtime)
                .rule(new DateReminderRule(
                        "close-date-passed",
                        DatedRecords.opportunityCloseDates(crm),
                        Period.ofDays(1),
                        LocalTime.of(8, 0),
                        BERLIN,
                        "date-reminder"))
                .build();

        hourly().whenTimeElapses(Duration.ofDays(10));

        assertThat(gateway.sent()).singleElement().satisfies(reminder -> {
            assertThat(reminder.at()).isEqualTo(Instant.parse("2026-05-05T06:00:00Z"));
            assertThat(reminder.message().subject()).isEqualTo("Acme rollout: 2026-05-04");
            assertThat(reminder.message().about()).isEqualTo(RecordRef.opportunity(deal.id()));
        });
    }

    @Test
    void renewalsOfMoreThanOnePageAreEachRemindedOnce() {
        DateReminders.builder(runtime)
                .rule(new DateReminderRule(
                        "renewal-tomorrow",
                        contracts(),
                        Period.ofDays(-1),
                        LocalTime.of(8, 0),
                        BERLIN,
                        "date-reminder"))
                .build();
        for (int i = 0; i < PageRequest.MAX_SIZE + 5; i++) {
            renewals.put(UUID.randomUUID(), LocalDate.of(2026, 5, 2));
        }

        hourly().whenTimeElapses(Duration.ofDays(2));

        assertThat(gateway.sent())
                .hasSize(PageRequest.MAX_SIZE + 5)
                .extracting(Sent::key)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(renewals.keySet().stream()
                        .map(contract -> "date-reminder:renewal-tomorrow:account:" + contract + ":2026-05-02")
                        .toList());
        assertThat(sentTimes()).containsOnly(Instant.parse("2026-05-01T06:00:00Z"));
    }
}
