package org.crmkit.workflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.workflow.Collisions;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

/**
 * A case whose save collides with a change another node committed first (the store answers
 * {@link StaleVersionException}) is evaluated again in a fresh transaction: the step is taken once, its notice
 * planned once, and the run goes on as if nothing happened. The first collision fails the transaction of the
 * chunk of cases, the second the case's own transaction, which is then run again.
 */
class DunningCollisionTest {

    private final SettableClock clock = SettableClock.at(DunningScenario.START);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final AtomicInteger collisionsLeft = new AtomicInteger();
    private final RecordingChannel gateway = RecordingChannel.at(clock);

    /**
     * The in-memory case store, except that the next {@code collisionsLeft} saves of cases (one or several together) fail
     * as if another node had won.
     */
    private DunningCaseStore collidingCases() {
        Supplier<StaleVersionException> collision =
                () -> new StaleVersionException("DunningCase", "(saved by another node)", 1, 2);
        return Collisions.on(
                DunningCaseStore.class,
                Collisions.on(
                        DunningCaseStore.class,
                        InMemoryDunningCaseStore.create(storage),
                        "save",
                        collisionsLeft,
                        collision),
                "saveAll",
                collisionsLeft,
                collision);
    }

    @Test
    void caseWhoseSaveCollidesTwiceIsEvaluatedAgainAndItsNoticeGoesOutOnce() {
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(InMemoryWorkflowStore.create(storage))
                .channel(Channel.EMAIL, gateway)
                .build();
        Dunning dunning = Dunning.builder(runtime)
                .cases(collidingCases())
                .policy(DunningScenario.ladder().build())
                .build();
        Account acme = crm.parties()
                .registerAccount(NewAccount.of("Acme Trading", UserId.next(new IdGenerator(clock)))
                        .withEmail(EmailAddress.of("ap@acme.example"), ContactPointType.BILLING));
        crm.billing()
                .issueInvoice(new NewInvoice(
                        "INV-1",
                        acme.id(),
                        DunningScenario.TODAY.minusDays(40),
                        DunningScenario.TODAY.minusDays(10),
                        Currency.getInstance("EUR"),
                        List.of(InvoiceLine.of(
                                "Services", BigDecimal.ONE, Money.of("1000.00", "EUR"), BigDecimal.ZERO))));
        collisionsLeft.set(2);

        RunReport report = runtime.runDue(clock.instant());

        assertThat(collisionsLeft).hasValue(0);
        assertThat(report).isEqualTo(new RunReport(1, 1, 0, 0));
        assertThat(gateway.keys()).singleElement().asString().endsWith(":1:notice");
        assertThat(dunning.casesOf(acme.id()))
                .singleElement()
                .satisfies(dunningCase -> assertThat(dunningCase.steps()).isEqualTo(1));
        assertThat(runtime.actions(ActionStatus.DELIVERED, PageRequest.first(10))
                        .items())
                .hasSize(1);
        assertThat(runtime.runDue(clock.instant())).isEqualTo(new RunReport(0, 0, 0, 0));
    }
}
