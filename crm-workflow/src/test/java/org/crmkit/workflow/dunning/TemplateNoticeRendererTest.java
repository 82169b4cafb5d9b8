package org.crmkit.workflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmkit.core.party.Account;
import org.crmkit.core.template.LocalizedTemplates;
import org.junit.jupiter.api.Test;

/** Dunning notices written by the default localized templates. */
class TemplateNoticeRendererTest {

    @Test
    void firstNoticeIsAPaymentReminderWithThePluralTheAmountAndTheDeadlineOfItsLanguage() {
        DunningScenario scenario = new DunningScenario(
                builder -> builder.renderer(NoticeRenderer.fromTemplates(LocalizedTemplates.defaults())),
                DunningScenario.ladder().build());
        Account customer = scenario.customer("Customer A");
        scenario.invoice(customer.id(), "1234.50", -10);
        scenario.invoice(customer.id(), "100.00", -10);

        scenario.runtime.runDue(scenario.clock.instant());

        assertThat(scenario.sentTo(customer)).singleElement().satisfies(sent -> {
            assertThat(sent.message().subject()).isEqualTo("Payment reminder - Customer A");
            assertThat(sent.message().body())
                    .contains("2 invoices are overdue", "€1,334.50")
                    .containsPattern("Please pay by [A-Z][a-z]+ \\d{1,2}, \\d{4}\\.");
        });
    }
}
