package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.NewAccount;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.action.RetryPolicy;
import org.junit.jupiter.api.Test;

class WorkflowScenarioTest {

    private static final Instant MONDAY_EIGHT = Instant.parse("2026-03-02T08:00:00Z");

    /** Writes the account a good-morning email every day: one action per day, keyed by the day. */
    private record MorningMail(WorkflowRuntime runtime, Account account) implements Workflow {

        @Override
        public String name() {
            return "morning-mail";
        }

        @Override
        public int planDue(Instant asOf) {
            LocalDate day = LocalDate.ofInstant(asOf, ZoneOffset.UTC);
            String key = "morning-mail:" + day;
            Message message = new Message(
                    Channel.EMAIL,
                    "ops@acme.example",
                    account.name(),
                    "Good morning " + day,
                    "Have a good day.",
                    Locale.ENGLISH,
                    RecordRef.account(account.id()));
            return runtime.transactions()
                    .inTransaction(() ->
                            runtime.outbox().schedule(name(), new PlannedAction(key, key, message, asOf)) ? 1 : 0);
        }
    }

    private static Account acme(WorkflowScenario scenario) {
        return scenario.crm()
                .parties()
                .registerAccount(NewAccount.of("Acme", UserId.next(new IdGenerator(scenario.clock()))));
    }

    @Test
    void eachDayRunsTheWorkflowAtTheStartsTimeOfDayAndTheChannelRecordsWhatWentOut() {
        WorkflowScenario scenario = WorkflowScenario.startingAt(MONDAY_EIGHT).build();
        Account acme = acme(scenario);
        scenario.runtime().register(new MorningMail(scenario.runtime(), acme));

        scenario.days(3);

        assertThat(scenario.day()).isEqualTo(3);
        assertThat(scenario.today()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(scenario.channel(Channel.EMAIL).keys())
                .containsExactly("morning-mail:2026-03-03", "morning-mail:2026-03-04", "morning-mail:2026-03-05");
        assertThat(scenario.sent())
                .extracting(RecordingChannel.Sent::at)
                .containsExactly(
                        Instant.parse("2026-03-03T08:00:00Z"),
                        Instant.parse("2026-03-04T08:00:00Z"),
                        Instant.parse("2026-03-05T08:00:00Z"));
        assertThat(scenario.channel(Channel.EMAIL).to("Acme")).hasSize(3);
        assertThat(scenario.channel(Channel.EMAIL).about(RecordRef.account(acme.id())))
                .hasSize(3);
        assertThat(scenario.channel(Channel.LETTER).sent()).isEmpty();
    }

    @Test
    void aGatewayThatIsDownIsRetriedAndARefusedMessageFailsWithItsReason() {
        WorkflowScenario scenario = WorkflowScenario.startingAt(MONDAY_EIGHT)
                .every(Duration.ofHours(1))
                .runtime(runtime ->
                        runtime.retryPolicy(RetryPolicy.exponential(2, Duration.ofHours(1), Duration.ofHours(1))))
                .build();
        Account acme = acme(scenario);
        scenario.runtime().register(new MorningMail(scenario.runtime(), acme));
        RecordingChannel email = scenario.channel(Channel.EMAIL)
                .failNext(1, "SMTP 451 try again later")
                .refuse("morning-mail:2026-03-03", "mailbox full");

        scenario.untilDay(1);

        assertThat(email.keys()).containsExactly("morning-mail:2026-03-02");
        assertThat(email.sent().get(0).at()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(scenario.runtime().actionByKey("morning-mail:2026-03-03"))
                .get()
                .satisfies(action -> {
                    assertThat(action.status()).isEqualTo(ActionStatus.FAILED);
                    assertThat(action.lastError()).isEqualTo("mailbox full");
                });
    }
}
