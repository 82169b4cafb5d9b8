package org.crmkit.workflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.User;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.workflow.action.Channel;
import org.junit.jupiter.api.Test;

/** Several policies per tenant, chosen per account, with grouping and interest. */
class DunningPoliciesTest {

    /** A reference rate table for the test's half-year (test data, not a published rate). */
    private static final ReferenceRates RATES =
            ReferenceRates.builder().halfYear(LocalDate.of(2026, 1, 1), "1.00").build();

    private static final DunningPolicy B2B = DunningPolicy.builder("b2b")
            .currency("EUR")
            .interest(InterestRule.of(InterestMode.B2B_GERMANY, RATES))
            .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL).fee("5.00"))
            .build();

    private static final DunningPolicy CONSUMER = DunningPolicy.builder("consumer")
            .currency("EUR")
            .grouping(Grouping.PER_INVOICE)
            .level(DunningLevel.daysAfterDue(14).notice(Channel.EMAIL))
            .build();

    private final DunningScenario scenario = new DunningScenario(
            builder -> builder.policyChoice(
                    account -> account != null && account.tags().values().contains("consumer") ? "consumer" : "b2b"),
            B2B,
            CONSUMER);

    private Account consumer(String name) {
        return scenario.crm
                .parties()
                .registerAccount(NewAccount.of(name, scenario.owner)
                        .withTag("consumer")
                        .withEmail(EmailAddress.of("home@" + name.toLowerCase() + ".example"), ContactPointType.HOME));
    }

    @Test
    void businessAccountGetsOneNoticeListingEveryOverdueInvoiceWithInterestAndFlatCompensation() {
        Account business = scenario.customer("Acme Trading");
        scenario.invoice(business.id(), "1000.00", 10);
        scenario.invoice(business.id(), "500.00", 10);

        scenario.untilDay(17);

        assertThat(scenario.sentTo(business))
                .singleElement()
                .satisfies(sent -> assertThat(sent.message().body())
                        .contains("INV-1")
                        .contains("INV-2")
                        // 1000 x 10 % x 7/365 = 1.92, 500 x 10 % x 7/365 = 0.96
                        .contains("interest 2026-01-16 - 2026-01-22: 7 days, EUR 1000.00 x 10.00 % / 365 = EUR 1.92")
                        .contains("Interest: EUR 2.88")
                        .contains("Flat compensation: EUR 80.00")
                        .contains("Fee of this notice: EUR 5.00")
                        .contains("Total due: EUR 1587.88"));
        DunningCase dunningCase = scenario.dunning.openCaseOf(business.id()).orElseThrow();
        assertThat(dunningCase.policy()).isEqualTo("b2b");
        assertThat(dunningCase.history())
                .filteredOn(e -> e.kind() == CaseEventKind.LEVEL_REACHED)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.interest()).isEqualTo(Money.of("2.88", "EUR"));
                    assertThat(e.fee()).isEqualTo(Money.of("5.00", "EUR"));
                    assertThat(e.channel()).isEqualTo(Channel.EMAIL);
                    assertThat(e.invoices()).containsExactly("INV-1", "INV-2");
                });
    }

    @Test
    void consumerAccountGetsOneCaseAndOneNoticePerInvoiceUnderItsOwnPolicy() {
        Account household = consumer("Schmidt");
        scenario.invoice(household.id(), "80.00", 10);
        scenario.invoice(household.id(), "40.00", 12);

        scenario.untilDay(30);

        assertThat(scenario.sendingDays(household)).containsExactly(24L, 26L);
        assertThat(scenario.dunning.casesOf(household.id()))
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.policy()).isEqualTo("consumer"))
                .allSatisfy(c -> assertThat(c.items()).hasSize(1));
        assertThat(scenario.sentTo(household).get(0).message().body())
                .doesNotContain("Interest")
                .contains("INV-1")
                .doesNotContain("INV-2");
    }

    @Test
    void callLevelForATeamQueuesTheCallForTheTeamLead() {
        AtomicReference<User> lead = new AtomicReference<>();
        DunningScenario withTeam = new DunningScenario(bed -> {
            lead.set(bed.crm
                    .access()
                    .registerUser("Ada Collections", EmailAddress.of("ada@crmkit.example"), Set.of(Role.SERVICE)));
            Team collections =
                    bed.crm.access().createTeam("Collections", lead.get().id());
            return new DunningPolicy[] {
                DunningPolicy.builder("team-calls")
                        .currency("EUR")
                        .level(DunningLevel.daysAfterDue(7).callTaskForTeam(collections.id(), 1))
                        .build()
            };
        });
        Account customer = withTeam.customer("Brandt KG");
        withTeam.invoice(customer.id(), "700.00", 10);

        withTeam.untilDay(17);

        assertThat(withTeam.crm
                        .activities()
                        .tasksOf(lead.get().id(), Set.of(), PageRequest.first(10))
                        .items())
                .singleElement()
                .satisfies(task -> assertThat(task.subject()).isEqualTo("Dunning call: Brandt KG (level 1)"));
        assertThat(withTeam.crm
                        .activities()
                        .tasksOf(withTeam.owner, Set.of(), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void flatCompensationIsClaimedOncePerInvoice() {
        DunningPolicy twoSteps = DunningPolicy.builder("two-steps")
                .currency("EUR")
                .interest(InterestRule.of(InterestMode.B2B_EU_DIRECTIVE, RATES))
                .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
                .level(DunningLevel.daysAfterDue(21).notice(Channel.EMAIL))
                .build();
        DunningScenario twice = new DunningScenario(twoSteps);
        Account business = twice.customer("Brandt KG");
        twice.invoice(business.id(), "1000.00", 10);

        twice.untilDay(31);

        assertThat(twice.sentTo(business)).hasSize(2);
        // the second notice states the whole claim, the compensation claimed with the first included, not twice
        assertThat(twice.sentTo(business).get(0).message().body()).contains("Flat compensation: EUR 40.00\n");
        assertThat(twice.sentTo(business).get(1).message().body()).contains("Flat compensation: EUR 40.00\n");
        assertThat(twice.dunning
                        .openCaseOf(business.id())
                        .orElseThrow()
                        .items()
                        .get(0)
                        .compensationClaimed())
                .isTrue();
        assertThat(twice.dunning.openCaseOf(business.id()).orElseThrow().history())
                .extracting(CaseEvent::kind)
                .contains(CaseEventKind.LEVEL_REACHED);
    }
}
