package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.spi.Storage;
import org.crmkit.examples.trial.Trial;
import org.crmkit.examples.trial.TrialFollowUps;
import org.crmkit.examples.trial.TrialStatus;
import org.crmkit.examples.trial.TrialStore;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.testkit.workflow.WorkflowScenario;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.CallQueueEntry;
import org.crmkit.workflow.action.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example host workflow, as a host would test it with crm-testkit's {@code WorkflowScenario}: the same checks
 * on every storage its store has (memory, H2, PostgreSQL).
 */
abstract class TrialFollowUpsChecks {

    /** A Monday, 08:00 UTC: every run happens at this time of day. */
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    static final LocalDate ENDS_ON = LocalDate.of(2026, 3, 12);

    final List<String> heard = new CopyOnWriteArrayList<>();
    WorkflowScenario scenario;
    TrialFollowUps trials;
    Account acme;

    /** The scenario on the storage under test. */
    abstract WorkflowScenario.Builder onStorage(WorkflowScenario.Builder scenario);

    /** The trial store beside the scenario's storage. */
    abstract TrialStore trialStore(Storage storage);

    /** Releases what {@link #onStorage} opened. */
    void closeStorage() {}

    @BeforeEach
    void startScenario() {
        scenario = onStorage(WorkflowScenario.startingAt(START)
                        .crm(crm -> crm.eventListener(
                                entry -> heard.add(entry.event().eventType()))))
                .build();
        trials = TrialFollowUps.builder(scenario.runtime())
                .trials(trialStore(scenario.storage()))
                .build();
        UserId owner = UserId.next(new IdGenerator(scenario.clock()));
        acme = scenario.crm()
                .parties()
                .registerAccount(NewAccount.of("Acme", owner)
                        .withEmail(EmailAddress.of("buyer@acme.example"), ContactPointType.BILLING));
    }

    @AfterEach
    void endScenario() {
        closeStorage();
    }

    @Test
    void theCustomerIsRemindedThreeDaysBeforeTheTrialEndsAndTheOwnerIsToCallTheDayAfter() {
        Trial trial = trials.start(acme.id(), ENDS_ON);

        scenario.untilDay(12);

        assertThat(scenario.channel(Channel.EMAIL).sent()).singleElement().satisfies(reminder -> {
            assertThat(reminder.key()).isEqualTo("trial:" + trial.id() + ":reminder");
            assertThat(reminder.at()).isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
            assertThat(reminder.message().address()).isEqualTo("buyer@acme.example");
            assertThat(reminder.message().subject()).isEqualTo("Your trial ends on 2026-03-12");
        });
        assertThat(trials.trial(trial.id())).get().extracting(Trial::status).isEqualTo(TrialStatus.ENDED);
        assertThat(scenario.runtime().actionByKey("trial:" + trial.id() + ":ended"))
                .get()
                .satisfies(call -> {
                    assertThat(call.status()).isEqualTo(ActionStatus.DELIVERED);
                    assertThat(call.finishedAt()).isEqualTo(Instant.parse("2026-03-13T08:00:00Z"));
                    assertThat(((CallQueueEntry) call.payload()).task().assignee())
                            .isEqualTo(acme.owner());
                });
        assertThat(heard).containsOnlyOnce("TrialEnded");
    }

    @Test
    void anInvoiceIssuedWhileTheTrialRunsConvertsItAtOnceAndCancelsTheReminderNotSentYet() {
        Trial trial = trials.start(acme.id(), ENDS_ON);
        scenario.channel(Channel.EMAIL).failNext(1, "SMTP 451 try again later");
        scenario.untilDay(7);
        assertThat(scenario.runtime().actionByKey("trial:" + trial.id() + ":reminder"))
                .get()
                .extracting(action -> action.status())
                .isEqualTo(ActionStatus.PENDING);

        scenario.crm()
                .billing()
                .issueInvoice(new NewInvoice(
                        "INV-1",
                        acme.id(),
                        scenario.today(),
                        scenario.today().plusDays(14),
                        Currency.getInstance("EUR"),
                        List.of(InvoiceLine.of(
                                "Licence", BigDecimal.ONE, Money.of("990.00", "EUR"), BigDecimal.ZERO))));

        assertThat(trials.trial(trial.id())).get().extracting(Trial::status).isEqualTo(TrialStatus.CONVERTED);
        assertThat(scenario.runtime().actionByKey("trial:" + trial.id() + ":reminder"))
                .get()
                .extracting(action -> action.status())
                .isEqualTo(ActionStatus.CANCELLED);
        scenario.untilDay(20);
        assertThat(scenario.sent()).extracting(Sent::key).isEmpty();
        assertThat(scenario.runtime().actionByKey("trial:" + trial.id() + ":ended"))
                .isEmpty();
        assertThat(heard).doesNotContain("TrialEnded");
    }
}
