package org.crmkit.workflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.NewPayment;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.Money;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.workflow.action.Channel;
import org.junit.jupiter.api.Test;

/** The lawyer's dossier holds everything it refers to, however much there is. */
class DossierTest {

    private static final DunningPolicy TWO_STEPS = DunningPolicy.builder("two-steps")
            .currency("EUR")
            .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
            .level(DunningLevel.daysAfterDue(21).legalHandOff())
            .build();

    private final DunningScenario scenario = new DunningScenario(TWO_STEPS);

    @Test
    void dossierHoldsEveryPaymentEveryContactAndTheWholeTimelineSinceTheCaseOpened() {
        Account customer = scenario.customer("Brandt KG");
        for (int i = 1; i <= 130; i++) {
            Contact contact = scenario.crm
                    .parties()
                    .registerContact(NewContact.of(PersonName.of("Clerk", "No. " + i), scenario.owner));
            scenario.crm
                    .parties()
                    .linkContactToAccount(
                            contact.id(),
                            customer.id(),
                            "accounts payable",
                            false,
                            DunningScenario.TODAY.minusDays(1),
                            null);
            scenario.crm
                    .billing()
                    .recordPayment(new NewPayment(
                            customer.id(),
                            Money.of("1.00", "EUR"),
                            DunningScenario.TODAY,
                            PaymentMethod.BANK_TRANSFER,
                            "ADVANCE-" + i,
                            List.of()));
        }
        scenario.invoice(customer.id(), "900.00", 10);
        scenario.untilDay(18);
        Instant dayAfterOpening = scenario.clock.instant();
        for (int i = 1; i <= 30; i++) {
            scenario.crm
                    .activities()
                    .logActivity(NewActivity.of(
                                    ActivityKind.CALL,
                                    Direction.OUTBOUND,
                                    "Chased, call " + i,
                                    dayAfterOpening.minusSeconds(i))
                            .aboutAccount(customer.id()));
        }
        scenario.crm
                .activities()
                .logActivity(NewActivity.of(
                                ActivityKind.CALL,
                                Direction.OUTBOUND,
                                "Before the case",
                                Instant.parse("2026-01-06T09:00:00Z"))
                        .aboutAccount(customer.id()));

        scenario.untilDay(32);

        assertThat(scenario.lawyer).singleElement().satisfies(handOver -> {
            Dossier dossier = handOver.dossier();
            assertThat(dossier.preparedOn()).isEqualTo(LocalDate.of(2026, 2, 5));
            assertThat(dossier.payments()).hasSize(130);
            assertThat(dossier.contacts())
                    .hasSize(131)
                    .extracting(Dossier.ContactEntry::name)
                    .contains("Brandt KG", "Clerk No. 1", "Clerk No. 130");
            assertThat(dossier.interactions())
                    .extracting(Dossier.InteractionEntry::subject)
                    .contains("Payment reminder - Brandt KG")
                    .doesNotContain("Before the case")
                    .filteredOn(subject -> subject.startsWith("Chased"))
                    .hasSize(30);
        });
    }
}
