package org.crmkit.workflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.RunReport;
import org.junit.jupiter.api.Test;

/**
 * A morning's dunning evaluates the cases in chunks, each in one transaction: a case that cannot be evaluated (or
 * whose policy cannot be chosen) does not cost the other cases their step, and cases spread over several chunks each
 * take their step once.
 */
class DunningChunksTest {

    @Test
    void aCaseThatCannotBeEvaluatedIsLeftForTheNextRunWhileEveryOtherCaseOfItsChunkIsPlanned() {
        AtomicBoolean templateBroken = new AtomicBoolean(true);
        PlainNoticeRenderer plain = new PlainNoticeRenderer();
        DunningScenario scenario = new DunningScenario(
                builder -> builder.renderer(notice -> {
                    if (templateBroken.get() && notice.accountName().equals("Customer 7")) {
                        throw new IllegalStateException("the reminder template failed for Customer 7");
                    }
                    return plain.render(notice);
                }),
                DunningScenario.ladder().build());
        List<Account> customers = overdueCustomers(scenario, 30);
        Account poisoned = customers.get(7);

        RunReport first = scenario.runtime.runDue(scenario.clock.instant());

        assertThat(first.planned()).isEqualTo(29);
        assertThat(first.delivered()).isEqualTo(29);
        customers.stream()
                .filter(customer -> !customer.equals(poisoned))
                .forEach(customer -> assertThat(scenario.sentTo(customer))
                        .as(customer.name())
                        .hasSize(1));
        assertThat(scenario.sentTo(poisoned)).isEmpty();
        assertThat(scenario.dunning.casesOf(poisoned.id())).isEmpty();

        templateBroken.set(false);
        RunReport second = scenario.runtime.runDue(scenario.clock.instant());

        assertThat(second.planned()).isEqualTo(1);
        assertThat(scenario.sentTo(poisoned))
                .singleElement()
                .satisfies(sent -> assertThat(sent.key()).endsWith(":1:notice"));
        assertThat(scenario.runtime.runDue(scenario.clock.instant()).planned()).isZero();
    }

    @Test
    void anAccountWhosePolicyCannotBeChosenIsLeftForTheNextRunWhileTheOthersAreDunned() {
        AtomicBoolean choiceBroken = new AtomicBoolean(true);
        DunningScenario scenario = new DunningScenario(
                builder -> builder.policyChoice(account ->
                        choiceBroken.get() && account.name().equals("Customer 3") ? "retired policy" : "standard"),
                DunningScenario.ladder().build());
        List<Account> customers = overdueCustomers(scenario, 10);
        Account unchosen = customers.get(3);

        RunReport first = scenario.runtime.runDue(scenario.clock.instant());

        assertThat(first.planned()).isEqualTo(9);
        assertThat(scenario.sentTo(unchosen)).isEmpty();
        assertThat(scenario.dunning.casesOf(unchosen.id())).isEmpty();

        choiceBroken.set(false);

        assertThat(scenario.runtime.runDue(scenario.clock.instant()).planned()).isEqualTo(1);
        assertThat(scenario.sentTo(unchosen)).hasSize(1);
    }

    @Test
    void casesSpreadOverSeveralChunksEachTakeTheirStepOnce() {
        DunningScenario scenario = new DunningScenario();
        List<Account> customers = overdueCustomers(scenario, 450);

        RunReport first = scenario.runtime.runDue(scenario.clock.instant());
        RunReport second = scenario.runtime.runDue(scenario.clock.instant());

        assertThat(first.planned()).isEqualTo(450);
        assertThat(second.planned()).isZero();
        assertThat(scenario.sent())
                .hasSize(450)
                .extracting(DunningScenario.Sent::key)
                .doesNotHaveDuplicates();
        customers.forEach(customer -> assertThat(scenario.dunning.casesOf(customer.id()))
                .as(customer.name())
                .singleElement()
                .extracting(DunningCase::steps)
                .isEqualTo(1));
    }

    /** {@code count} customers ("Customer 0", "Customer 1", ...), each with an invoice of 100 EUR 10 days overdue. */
    private static List<Account> overdueCustomers(DunningScenario scenario, int count) {
        List<Account> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Account customer = scenario.customer("Customer " + i);
            scenario.invoice(customer.id(), "100.00", -10);
            customers.add(customer);
        }
        return customers;
    }
}
