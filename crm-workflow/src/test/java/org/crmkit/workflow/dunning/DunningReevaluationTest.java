package org.crmkit.workflow.dunning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.junit.jupiter.api.Test;

/** Payments, credit notes, write-offs, disputes, promises and channels change what dunning does next. */
class DunningReevaluationTest {

    private final DunningScenario scenario = new DunningScenario();
    private final Account acme = scenario.customer("Acme Trading");

    private DunningCase caseOf(Account account) {
        return scenario.dunning.casesOf(account.id()).get(0);
    }

    private List<CaseEventKind> historyOf(Account account) {
        return caseOf(account).history().stream().map(CaseEvent::kind).toList();
    }

    @Test
    void partialPaymentReAnchorsTheNextReminderAndLowersTheAmountClaimed() {
        Invoice invoice = scenario.invoice(acme.id(), "1000.00", 10);
        scenario.untilDay(25);

        scenario.pays(invoice, "400.00");
        scenario.untilDay(45);

        assertThat(scenario.sendingDays(acme)).containsExactly(17L, 39L);
        assertThat(scenario.sentTo(acme).get(1).message().body())
                .contains("EUR 600.00")
                .doesNotContain("EUR 1000.00");
        assertThat(historyOf(acme)).contains(CaseEventKind.PARTIAL_PAYMENT);
        assertThat(caseOf(acme).status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void disputedInvoiceIsHeldWhileTheAccountsOtherInvoiceIsDunned() {
        Invoice disputed = scenario.invoice(acme.id(), "1000.00", 10);
        Invoice undisputed = scenario.invoice(acme.id(), "500.00", 12);
        scenario.untilDay(5);
        scenario.dunning.dispute(disputed.id(), "goods arrived damaged");

        scenario.untilDay(30);
        assertThat(scenario.sendingDays(acme)).containsExactly(19L);
        assertThat(scenario.sentTo(acme).get(0).message().body())
                .contains(undisputed.number())
                .doesNotContain(disputed.number() + ",");

        scenario.dunning.resolveDispute(disputed.id());
        scenario.untilDay(40);

        assertThat(scenario.sendingDays(acme)).containsExactly(19L, 33L, 37L);
        assertThat(historyOf(acme)).contains(CaseEventKind.DISPUTED, CaseEventKind.DISPUTE_RESOLVED);
        assertThat(caseOf(acme).items())
                .extracting(item -> item.number() + "@" + item.level())
                .containsExactly(disputed.number() + "@1", undisputed.number() + "@2");
    }

    @Test
    void brokenPromiseToPayResumesEscalationTheDayAfterThePromisedDate() {
        scenario.invoice(acme.id(), "1000.00", 10);
        scenario.untilDay(18);

        scenario.dunning.promiseToPay(acme.id(), scenario.today().plusDays(17));
        scenario.untilDay(40);

        assertThat(scenario.sendingDays(acme)).containsExactly(17L, 36L);
        assertThat(historyOf(acme))
                .containsSubsequence(
                        CaseEventKind.PROMISE_TO_PAY, CaseEventKind.PROMISE_BROKEN, CaseEventKind.LEVEL_REACHED);
    }

    @Test
    void keptPromiseEndsWithTheCaseClosed() {
        Invoice invoice = scenario.invoice(acme.id(), "1000.00", 10);
        scenario.untilDay(18);
        scenario.dunning.promiseToPay(acme.id(), scenario.today().plusDays(17));

        scenario.untilDay(30);
        scenario.pays(invoice, "1000.00");
        scenario.untilDay(80);

        assertThat(scenario.sendingDays(acme)).containsExactly(17L);
        assertThat(caseOf(acme).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(historyOf(acme)).doesNotContain(CaseEventKind.PROMISE_BROKEN);
    }

    @Test
    void promiseWithoutAnOpenCaseIsRefused() {
        assertThatThrownBy(() -> scenario.dunning.promiseToPay(
                        acme.id(), scenario.today().plusDays(5)))
                .isInstanceOf(RecordNotFoundException.class)
                .hasMessageContaining(acme.id().toString());
    }

    @Test
    void creditNoteThatSettlesTheBalanceClosesTheCase() {
        Invoice invoice = scenario.invoice(acme.id(), "1000.00", 10);
        scenario.untilDay(20);

        scenario.credits(invoice, "1000.00");
        scenario.untilDay(90);

        assertThat(scenario.sendingDays(acme)).containsExactly(17L);
        assertThat(caseOf(acme).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(historyOf(acme)).containsSubsequence(CaseEventKind.INVOICE_CREDITED, CaseEventKind.CLOSED);
    }

    @Test
    void writtenOffInvoiceLeavesTheCaseAndNoLawyerIsCalled() {
        Invoice invoice = scenario.invoice(acme.id(), "1000.00", 10);
        scenario.untilDay(40);

        scenario.crm.billing().writeOffInvoice(invoice.id(), "customer insolvent");
        scenario.untilDay(100);

        assertThat(scenario.lawyer).isEmpty();
        assertThat(historyOf(acme)).containsSubsequence(CaseEventKind.INVOICE_WRITTEN_OFF, CaseEventKind.CLOSED);
    }

    @Test
    void newOverdueInvoiceAfterAClosedCaseOpensANewCase() {
        Invoice first = scenario.invoice(acme.id(), "100.00", 10);
        scenario.untilDay(20);
        scenario.pays(first, "100.00");
        scenario.invoice(acme.id(), "200.00", 10);

        scenario.untilDay(40);

        assertThat(scenario.dunning.casesOf(acme.id()))
                .extracting(DunningCase::status)
                .containsExactly(CaseStatus.CLOSED, CaseStatus.OPEN);
        assertThat(scenario.sendingDays(acme)).containsExactly(17L, 37L);
        assertThat(scenario.sentTo(acme).get(1).key())
                .endsWith(":1:notice")
                .isNotEqualTo(scenario.sentTo(acme).get(0).key());
    }

    @Test
    void callLevelWithAMinimumBalanceIsLeftWhenAPaymentDropsTheBalanceBelowIt() {
        DunningScenario withMinimum = new DunningScenario(DunningPolicy.builder("minimum")
                .currency("EUR")
                .level(DunningLevel.daysAfterDue(7).notice(Channel.EMAIL))
                .level(DunningLevel.daysAfterDue(21).callTaskForAccountOwner(1).minimumOverdueBalance("500.00"))
                .level(DunningLevel.daysAfterDue(35).legalHandOff())
                .build());
        Account customer = withMinimum.customer("Brandt KG");
        Invoice invoice = withMinimum.invoice(customer.id(), "1000.00", 10);
        withMinimum.untilDay(32);
        assertThat(withMinimum.dunning.openCaseOf(customer.id()).orElseThrow().topLevel())
                .isEqualTo(2);

        withMinimum.pays(invoice, "600.00");
        withMinimum.untilDay(90);

        DunningCase dunningCase = withMinimum.dunning.openCaseOf(customer.id()).orElseThrow();
        assertThat(dunningCase.topLevel()).isEqualTo(1);
        assertThat(dunningCase.history()).extracting(CaseEvent::kind).contains(CaseEventKind.DE_ESCALATED);
        assertThat(withMinimum.lawyer).isEmpty();
    }

    @Test
    void noticeFallsBackToALetterWhenTheOnlyEmailBelongsToAContactWhoWithdrewConsent() {
        Account noEmail = scenario.customerWithoutEmail("Huber GmbH");
        Contact eva = scenario.crm
                .parties()
                .registerContact(NewContact.of(PersonName.of("Eva", "Huber"), scenario.owner)
                        .withEmail(EmailAddress.of("eva@huber.example"), ContactPointType.WORK)
                        .withDetails(new ContactDetails(Locale.GERMAN, null, null)));
        scenario.crm
                .parties()
                .linkContactToAccount(eva.id(), noEmail.id(), "accounts payable", false, scenario.today(), null);
        scenario.invoice(noEmail.id(), "300.00", 10);
        scenario.untilDay(17);
        assertThat(scenario.sentTo(noEmail)).singleElement().satisfies(sent -> {
            assertThat(sent.channel()).isEqualTo(Channel.EMAIL);
            assertThat(sent.message().address()).isEqualTo("eva@huber.example");
            assertThat(sent.message().subject()).startsWith("Zahlungserinnerung");
        });

        scenario.crm.parties().withdrawConsent(eva.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "phone call");
        scenario.untilDay(31);

        assertThat(scenario.sentTo(noEmail))
                .extracting(DunningScenario.Sent::channel)
                .containsExactly(Channel.EMAIL, Channel.LETTER);
        assertThat(scenario.sentTo(noEmail).get(1).message().address()).isEqualTo("Marktplatz 5, 80331 München, DE");
    }

    @Test
    void channelFailingOnceDeliversTheReminderOnTheNextRunUnderTheSameKey() {
        scenario.invoice(acme.id(), "1000.00", 10);
        scenario.emailFailuresLeft.set(1);

        scenario.untilDay(20);

        assertThat(scenario.sendingDays(acme)).containsExactly(18L);
        assertThat(scenario.runtime
                        .actions(ActionStatus.DELIVERED, PageRequest.first(10))
                        .items())
                .singleElement()
                .satisfies(action -> {
                    assertThat(action.attempts()).isEqualTo(2);
                    assertThat(action.deduplicationKey())
                            .isEqualTo(scenario.sentTo(acme).get(0).key());
                });
        assertThat(historyOf(acme)).containsSubsequence(CaseEventKind.LEVEL_REACHED, CaseEventKind.NOTICE_DELIVERED);
    }

    @Test
    void emailFailingPastTheLastRetryShowsTheFailureAndFallsBackToALetter() {
        scenario.invoice(acme.id(), "1000.00", 10);
        scenario.emailFailuresLeft.set(100);

        scenario.untilDay(21);

        assertThat(scenario.runtime
                        .actions(ActionStatus.FAILED, PageRequest.first(10))
                        .items())
                .singleElement()
                .satisfies(action -> assertThat(action.lastError()).isEqualTo("SMTP 451 try again later"));
        assertThat(caseOf(acme).history())
                .filteredOn(e -> e.kind() == CaseEventKind.DELIVERY_FAILED)
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("SMTP 451"));
        assertThat(scenario.sentTo(acme)).singleElement().satisfies(letter -> {
            assertThat(letter.channel()).isEqualTo(Channel.LETTER);
            assertThat(letter.on()).isEqualTo(DunningScenario.TODAY.plusDays(20));
            assertThat(letter.key()).endsWith(":1:notice:letter");
            assertThat(letter.message().body()).contains("EUR 1000.00");
        });
        assertThat(historyOf(acme))
                .containsSubsequence(
                        CaseEventKind.DELIVERY_FAILED, CaseEventKind.CHANNEL_FALLBACK, CaseEventKind.NOTICE_DELIVERED);
    }

    @Test
    void paymentWhileAReminderWaitsForARetryCancelsTheReminder() {
        Invoice invoice = scenario.invoice(acme.id(), "1000.00", 10);
        scenario.emailFailuresLeft.set(1);
        scenario.untilDay(17);

        scenario.pays(invoice, "1000.00");
        scenario.untilDay(30);

        assertThat(scenario.sentTo(acme)).isEmpty();
        assertThat(scenario.runtime
                        .actions(ActionStatus.CANCELLED, PageRequest.first(10))
                        .items())
                .hasSize(1);
        assertThat(historyOf(acme))
                .containsSubsequence(CaseEventKind.INVOICE_PAID, CaseEventKind.CLOSED, CaseEventKind.ACTIONS_CANCELLED);
    }

    @Test
    void excludedAccountIsNotDunnedUntilItIsIncludedAgain() {
        scenario.invoice(acme.id(), "1000.00", 10);
        scenario.dunning.excludeAccount(acme.id(), "key account, handled by the CFO");

        scenario.untilDay(40);
        assertThat(scenario.sentTo(acme)).isEmpty();
        assertThat(scenario.dunning.casesOf(acme.id())).isEmpty();

        scenario.dunning.includeAccount(acme.id());
        scenario.untilDay(41);
        assertThat(scenario.sendingDays(acme)).containsExactly(41L);
    }

    @Test
    void excludedAccountsCaseStillClosesWhenItIsPaid() {
        Invoice invoice = scenario.invoice(acme.id(), "1000.00", 10);
        scenario.untilDay(17);
        scenario.dunning.excludeAccount(acme.id(), "handed to the account manager");

        scenario.untilDay(20);
        scenario.pays(invoice, "1000.00");
        scenario.untilDay(60);

        assertThat(scenario.sendingDays(acme)).containsExactly(17L);
        assertThat(caseOf(acme).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void crashBetweenCommitAndDeliveryLosesNoReminder() {
        scenario.invoice(acme.id(), "1000.00", 10);
        scenario.untilDay(16);
        scenario.clock.set(DunningScenario.START.plus(java.time.Duration.ofDays(17)));

        scenario.dunning.planDue(scenario.clock.instant());
        assertThat(scenario.sentTo(acme)).isEmpty();
        scenario.untilDay(18);

        assertThat(scenario.sendingDays(acme)).containsExactly(18L);
        assertThat(scenario.sentTo(acme).get(0).message().body()).contains("EUR 1000.00");
        assertThat(caseOf(acme).fees()).isEqualTo(Money.zero("EUR"));
    }
}
