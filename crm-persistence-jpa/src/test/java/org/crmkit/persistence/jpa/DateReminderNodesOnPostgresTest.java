package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
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
import org.crmkit.core.party.Account;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.reminder.DateReminderRule;
import org.crmkit.workflow.reminder.DateReminders;
import org.crmkit.workflow.reminder.DatedRecord;
import org.crmkit.workflow.reminder.DatedRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Date reminders on two application instances over one PostgreSQL database (each a {@link JpaStorage} of its own
 * with a {@link JpaWorkflowStore}, its own crmkit, runtime and {@link DateReminders}), both running at the same
 * moment: every reminder of an opportunity's close date and of a host's contract renewal is planned and sent once,
 * and no run fails. The contracts are the host's own records, which crmkit does not store.
 */
class DateReminderNodesOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);
    /** 08:00 in Berlin on the Tuesday before, when the reminders of Wednesday's dates are due. */
    private static final Instant TUESDAY_EIGHT = Instant.parse("2026-03-03T07:00:00Z");

    /** The host's contracts: renewal dates by contract id. */
    private final Map<UUID, LocalDate> renewals = Collections.synchronizedMap(new TreeMap<>());

    private final WorkflowNodes<DateReminders> nodes = new WorkflowNodes<>(
            database,
            SettableClock.at(TUESDAY_EIGHT.minus(Period.ofDays(1))),
            (runtime, storage) -> DateReminders.builder(runtime)
                    .rule(new DateReminderRule(
                            "close-date-tomorrow",
                            DatedRecords.opportunityCloseDates(runtime.crm()),
                            Period.ofDays(-1),
                            LocalTime.of(8, 0),
                            BERLIN,
                            "date-reminder"))
                    .rule(new DateReminderRule(
                            "renewal-tomorrow",
                            this::contractsRenewingBetween,
                            Period.ofDays(-1),
                            LocalTime.of(8, 0),
                            BERLIN,
                            "date-reminder"))
                    .build());
    /** Who is reminded of every date. */
    private volatile User olga;

    private Page<DatedRecord> contractsRenewingBetween(LocalDate from, LocalDate to, PageRequest page) {
        synchronized (renewals) {
            return Page.of(
                    renewals.entrySet().stream()
                            .filter(renewal -> !renewal.getValue().isBefore(from)
                                    && !renewal.getValue().isAfter(to))
                            .map(renewal -> new DatedRecord(
                                    RecordRef.of(RecordType.ACCOUNT, AccountId.of(renewal.getKey())),
                                    renewal.getValue(),
                                    olga.id(),
                                    "Contract " + renewal.getKey()))
                            .toList(),
                    page);
        }
    }

    @AfterEach
    void stopThreads() {
        nodes.close();
    }

    @Test
    void twoNodesRunningAtOnceSendEachCloseDateReminderOnceAndNeitherRunFailsOrLogsAFailure() throws Exception {
        Crm crm = nodes.first().crm();
        olga = crm.access().registerUser("Olga Owner", EmailAddress.of("olga@acme.example"), Set.of(Role.SALES));
        Account acme = crm.parties().registerAccount(NewAccount.of("Acme Trading", olga.id()));
        Pipeline pipeline = crm.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Opportunity deal = crm.sales()
                    .openOpportunity(NewOpportunity.of(
                            "Deal " + i, acme.id(), pipeline.id(), Currency.getInstance("EUR"), olga.id()));
            LocalDate closes = WEDNESDAY.plusDays(i % 2);
            crm.sales().setExpectedCloseDate(deal.id(), closes);
            expected.add("date-reminder:close-date-tomorrow:opportunity:" + deal.id() + ":" + closes);
        }
        List<RunReport> rounds = new ArrayList<>();

        String log = WorkflowNodes.standardErrorOf(() -> {
            rounds.add(nodes.runTogether(TUESDAY_EIGHT));
            rounds.add(nodes.runTogether(TUESDAY_EIGHT.plusSeconds(3600)));
            rounds.add(nodes.runTogether(TUESDAY_EIGHT.plus(Period.ofDays(1))));
            rounds.add(nodes.runTogether(TUESDAY_EIGHT.plus(Period.ofDays(1)).plusSeconds(3600)));
        });

        assertThat(log).doesNotContain("ERROR").doesNotContain("WARN");
        assertThat(rounds)
                .containsExactly(
                        new RunReport(20, 20, 0, 0),
                        new RunReport(0, 0, 0, 0),
                        new RunReport(20, 20, 0, 0),
                        new RunReport(0, 0, 0, 0));
        assertThat(nodes.sent).hasSize(40).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(nodes.first()
                        .runtime()
                        .actions(ActionStatus.DELIVERED, PageRequest.first(1))
                        .totalElements())
                .isEqualTo(40);
    }

    /**
     * The host's contracts are not in crmkit, so there is nothing to lock: both nodes plan the same reminders, and
     * the database inserts each action once (the slower node's insert of a taken key does nothing). Nothing is
     * refused, so nothing is logged: no warning of the JPA provider with the refused row's values.
     */
    @Test
    void twoNodesRunningAtOnceSendEachRenewalReminderOfTheHostsContractsOnceAndNeitherRunFailsOrLogsAFailure()
            throws Exception {
        olga = nodes.first()
                .crm()
                .access()
                .registerUser("Olga Owner", EmailAddress.of("olga@acme.example"), Set.of(Role.SALES));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID contract = UUID.randomUUID();
            renewals.put(contract, WEDNESDAY);
            expected.add("date-reminder:renewal-tomorrow:account:" + contract + ":" + WEDNESDAY);
        }
        List<RunReport> rounds = new ArrayList<>();

        String log = WorkflowNodes.standardErrorOf(() -> {
            rounds.add(nodes.runTogether(TUESDAY_EIGHT));
            rounds.add(nodes.runTogether(TUESDAY_EIGHT.plusSeconds(3600)));
        });

        assertThat(log).doesNotContain("ERROR").doesNotContain("WARN");
        assertThat(rounds).containsExactly(new RunReport(30, 30, 0, 0), new RunReport(0, 0, 0, 0));
        assertThat(nodes.sent).hasSize(30).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }
}
