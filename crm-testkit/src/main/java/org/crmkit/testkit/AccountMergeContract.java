package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.NewCreditNote;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.duplicate.DuplicateCluster;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.RecordsMerged;
import org.crmkit.core.merge.Resolved;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.merge.SurvivorshipRule;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.NewCase;
import org.crmkit.core.service.ServiceCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every storage adapter must do for a merge of accounts: the duplicate's invoices, payments, credit notes,
 * opportunities, cases, activities, tasks, its contacts' links and its subsidiaries move to the survivor, the
 * duplicate's id and external reference redirect, a duplicate scan's cluster merges in one call, and an unmerge puts
 * everything back.
 */
public abstract class AccountMergeContract extends MergeFixture {

    private static final ExternalRef DUPLICATE_REF = ExternalRef.of("erp", "A-2");
    private static final String TAX_ID = "DE123456789";

    private Account survivor;
    private Account duplicate;
    private Account subsidiary;
    private Contact buyer;
    private Invoice invoice;
    private Payment payment;
    private CreditNote creditNote;
    private Opportunity deal;
    private ServiceCase complaint;
    private Activity visit;
    private Task call;

    @BeforeEach
    void anAccountTypedInTwiceWithItsBusinessOnTheDuplicate() {
        survivor = crm.parties()
                .registerAccount(NewAccount.of("Acme", owner).withExternalRef(ExternalRef.of("erp", "A-1")));
        survivor = crm.parties().changeAccountDetails(survivor.id(), new AccountDetails(null, "Tools", null, TAX_ID));
        clock.advance(Duration.ofDays(1));
        duplicate = crm.parties()
                .registerAccount(NewAccount.of("ACME Tools GmbH", owner).withExternalRef(DUPLICATE_REF));
        duplicate = crm.parties()
                .changeAccountDetails(
                        duplicate.id(), new AccountDetails("Acme Tools GmbH", null, "acme.example", TAX_ID));
        crm.parties().placeOnCreditHold(duplicate.id(), "unpaid since March");
        subsidiary = crm.parties().registerAccount(NewAccount.of("Acme Polska", owner));
        crm.parties().setParentAccount(subsidiary.id(), duplicate.id(), today);
        buyer = crm.parties().registerContact(NewContact.of(PersonName.of("Jan", "Kowalski"), owner));
        crm.parties().linkContactToAccount(buyer.id(), duplicate.id(), "Buyer", true, today, null);
        invoice = crm.billing()
                .issueInvoice(new NewInvoice(
                        "INV-1",
                        duplicate.id(),
                        today,
                        today.plusDays(14),
                        Currency.getInstance("EUR"),
                        List.of(InvoiceLine.of("Tools", "1", Money.of("119.00", "EUR"), "19"))));
        payment = crm.billing()
                .recordPayment(
                        NewPayment.of(duplicate.id(), Money.of("50.00", "EUR"), today, PaymentMethod.BANK_TRANSFER));
        creditNote = crm.billing()
                .issueCreditNote(
                        new NewCreditNote("CN-1", duplicate.id(), null, Money.of("10.00", "EUR"), today, "goodwill"));
        deal = crm.sales().openOpportunity(deal("More tools", duplicate.id(), pipeline()));
        complaint = crm.serviceDesk()
                .openCase(NewCase.of(
                        duplicate.id(),
                        buyer.id(),
                        "Late delivery",
                        CaseChannel.EMAIL,
                        CaseCategory.of("delivery"),
                        CasePriority.values()[0]));
        visit = crm.activities()
                .logActivity(NewActivity.of(ActivityKind.MEETING, Direction.OUTBOUND, "Visit", clock.instant())
                        .aboutAccount(duplicate.id()));
        call = crm.activities()
                .createTask(new NewTask(
                        "Call about the overdue invoice",
                        null,
                        clock.instant().plus(Duration.ofDays(1)),
                        owner,
                        null,
                        RecordRef.account(duplicate.id()),
                        null,
                        null));
        clock.advance(Duration.ofHours(1));
        events.clear();
    }

    private MergeRecord merge() {
        return crm.merges()
                .mergeAccounts(survivor.id(), List.of(duplicate.id()), Survivorship.of(SurvivorshipRule.MOST_COMPLETE));
    }

    @Test
    void everyRecordOfTheDuplicateAccountMovesToTheSurvivor() {
        merge();

        AccountId kept = survivor.id();
        assertThat(crm.billing().invoice(invoice.id()).orElseThrow().account()).isEqualTo(kept);
        assertThat(crm.billing().payment(payment.id()).orElseThrow().account()).isEqualTo(kept);
        assertThat(crm.billing().creditNote(creditNote.id()).orElseThrow().account())
                .isEqualTo(kept);
        assertThat(crm.sales().opportunity(deal.id()).orElseThrow().state().account())
                .isEqualTo(kept);
        assertThat(crm.serviceDesk()
                        .findCase(complaint.id())
                        .orElseThrow()
                        .state()
                        .account())
                .isEqualTo(kept);
        assertThat(crm.activities().findActivity(visit.id()).orElseThrow().accounts())
                .containsExactly(kept);
        assertThat(crm.activities().findTask(call.id()).orElseThrow().link()).isEqualTo(RecordRef.account(kept));
        assertThat(crm.parties().contact(buyer.id()).accountsOn(today)).containsExactly(kept);
        assertThat(crm.parties().account(subsidiary.id()).parentOn(today)).contains(kept);
        assertThat(crm.parties().findAccount(duplicate.id())).isEmpty();
        assertThat(hostTable.calls).containsExactly("merge " + kept + " [row-of-" + duplicate.id() + "]");
        assertThat(events).singleElement().isInstanceOf(RecordsMerged.class);
    }

    @Test
    void fieldsFollowTheRulesAndTheDuplicatesIdAndReferenceRedirect() {
        MergeRecord merge = merge();

        Account merged = crm.parties().account(survivor.id());
        assertThat(merged.name()).isEqualTo("ACME Tools GmbH");
        assertThat(merged.details().legalName()).isEqualTo("Acme Tools GmbH");
        assertThat(merged.details().industry()).isEqualTo("Tools");
        assertThat(merged.isOnCreditHold()).isTrue();
        assertThat(merged.state().externalRefs()).contains(DUPLICATE_REF);
        Resolved<Account> byId = crm.merges().account(duplicate.id());
        assertThat(byId.record().id()).isEqualTo(survivor.id());
        assertThat(byId.merge()).isEqualTo(merge.id());
        Resolved<Account> byRef =
                crm.merges().accountByExternalRef(DUPLICATE_REF).orElseThrow();
        assertThat(byRef.redirectedFrom()).isEqualTo(duplicate.id().value());
    }

    @Test
    void anUnmergePutsTheDuplicateAccountAndItsBusinessBack() {
        MergeRecord merge = merge();

        crm.merges().unmerge(merge.id());

        AccountId back = duplicate.id();
        assertThat(crm.parties().account(back).name()).isEqualTo("ACME Tools GmbH");
        assertThat(crm.parties().account(survivor.id()).isOnCreditHold()).isFalse();
        assertThat(crm.billing().invoice(invoice.id()).orElseThrow().account()).isEqualTo(back);
        assertThat(crm.billing().payment(payment.id()).orElseThrow().account()).isEqualTo(back);
        assertThat(crm.billing().creditNote(creditNote.id()).orElseThrow().account())
                .isEqualTo(back);
        assertThat(crm.sales().opportunity(deal.id()).orElseThrow().state().account())
                .isEqualTo(back);
        assertThat(crm.parties().contact(buyer.id()).accountsOn(today)).containsExactly(back);
        assertThat(crm.parties().account(subsidiary.id()).parentOn(today)).contains(back);
        assertThat(crm.merges()
                        .accountByExternalRef(DUPLICATE_REF)
                        .orElseThrow()
                        .record()
                        .id())
                .isEqualTo(back);
    }

    @Test
    void aClusterOfADuplicateScanMergesInOneCall() {
        DuplicateCluster cluster = crm.duplicates().scanAccounts().clusters().stream()
                .filter(found -> found.records().contains(RecordRef.account(duplicate.id())))
                .findFirst()
                .orElseThrow();

        MergeRecord merge =
                crm.merges().mergeCluster(cluster, RecordRef.account(survivor.id()), Survivorship.survivorWins());

        assertThat(merge.merged()).containsExactly(duplicate.id().value());
        assertThat(crm.parties().account(survivor.id()).name()).isEqualTo("Acme");
        assertThat(crm.billing().invoice(invoice.id()).orElseThrow().account()).isEqualTo(survivor.id());
    }
}
