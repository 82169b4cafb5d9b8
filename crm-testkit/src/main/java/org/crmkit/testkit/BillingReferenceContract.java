package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.Crm;
import org.crmkit.core.NewCreditNote;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The billing part of {@link ReferenceIntegrityContract}: invoices, payments and credit notes store their account and
 * invoice only when those exist for the calling tenant. It also sets up the two tenants the whole contract uses; an
 * adapter extends {@link ReferenceIntegrityContract}, which runs these too.
 */
abstract class BillingReferenceContract extends StorageContract {

    static final Currency EUR = Currency.getInstance("EUR");

    Crm crmOfA;

    Crm crmOfB;

    UserId owner;

    Account acme;

    Contact kim;

    @BeforeEach
    void twoTenantsOnTheStorage() {
        crmOfA = Crm.builder().storage(storage).clock(clock).tenant(TENANT_A).build();
        crmOfB = Crm.builder().storage(storage).clock(clock).tenant(TENANT_B).build();
        owner = UserId.next(ids);
        acme = crmOfA.parties().registerAccount(NewAccount.of("ACME", owner));
        kim = crmOfA.parties().registerContact(NewContact.of(PersonName.of("Kim", "Berg"), owner));
    }

    static void refusedNaming(String field, ThrowingCallable change) {
        assertThatThrownBy(change).isInstanceOfSatisfying(RecordNotFoundException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(e.violations())
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple(field, "CRM-0004"));
            assertThat(e.getMessage()).contains(field);
        });
    }

    NewInvoice invoiceOf(AccountId account, String number) {
        LocalDate today = LocalDate.now(clock);
        return new NewInvoice(
                number,
                account,
                today,
                today.plusDays(14),
                EUR,
                List.of(InvoiceLine.of("Consulting", "1", Money.of("100.00", "EUR"), "19")));
    }

    Instant now() {
        return clock.instant();
    }

    @Test
    void anInvoiceForAnUnknownAccountIsRefusedAndNothingIsStored() {
        AccountId unknown = AccountId.next(ids);

        refusedNaming("account", () -> crmOfA.billing().issueInvoice(invoiceOf(unknown, "INV-1")));
        refusedNaming("account", () -> crmOfA.billing().draftInvoice(invoiceOf(unknown, "INV-2")));

        assertThat(crmOfA.billing().invoiceByNumber("INV-1")).isEmpty();
        assertThat(crmOfA.billing().invoiceByNumber("INV-2")).isEmpty();
    }

    @Test
    void anotherTenantCannotInvoiceOrPayOrCreditAnAccountOfThisTenant() {
        LocalDate today = LocalDate.now(clock);

        refusedNaming("account", () -> crmOfB.billing().issueInvoice(invoiceOf(acme.id(), "INV-B")));
        refusedNaming(
                "account",
                () -> crmOfB.billing()
                        .recordPayment(new NewPayment(
                                acme.id(),
                                Money.of("10.00", "EUR"),
                                today,
                                PaymentMethod.BANK_TRANSFER,
                                null,
                                List.of())));
        refusedNaming(
                "account",
                () -> crmOfB.billing()
                        .issueCreditNote(new NewCreditNote(
                                "CN-B", acme.id(), null, Money.of("10.00", "EUR"), today, "goodwill")));

        assertThat(crmOfB.billing().invoiceByNumber("INV-B")).isEmpty();
        assertThat(crmOfA.billing().invoicesOf(acme.id(), PageRequest.first(10)).items())
                .isEmpty();
        assertThat(crmOfB.billing().paymentsOf(acme.id(), PageRequest.first(10)).items())
                .isEmpty();
        assertThat(crmOfB.billing()
                        .creditNotesOf(acme.id(), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void anInvoiceForAnAccountOfTheTenantIsStored() {
        assertThat(crmOfA.billing().issueInvoice(invoiceOf(acme.id(), "INV-A")).account())
                .isEqualTo(acme.id());
        assertThat(crmOfA.billing().invoiceByNumber("INV-A")).isPresent();
    }

    @Test
    void aPaymentOrCreditNoteForAnUnknownAccountIsRefused() {
        LocalDate today = LocalDate.now(clock);
        AccountId unknown = AccountId.next(ids);

        refusedNaming(
                "account",
                () -> crmOfA.billing()
                        .recordPayment(new NewPayment(
                                unknown, Money.of("10.00", "EUR"), today, PaymentMethod.CARD, "ref-1", List.of())));
        refusedNaming(
                "account",
                () -> crmOfA.billing()
                        .issueCreditNote(
                                new NewCreditNote("CN-1", unknown, null, Money.of("10.00", "EUR"), today, "goodwill")));

        refusedNaming(
                "invoice",
                () -> crmOfA.billing()
                        .issueCreditNote(new NewCreditNote(
                                "CN-2", acme.id(), InvoiceId.next(ids), Money.of("10.00", "EUR"), today, "goodwill")));

        assertThat(crmOfA.billing().paymentsOf(unknown, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(crmOfA.billing()
                        .creditNotesOf(unknown, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(crmOfA.billing()
                        .creditNotesOf(acme.id(), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void anotherTenantCannotSettleAnInvoiceOfThisTenant() {
        LocalDate today = LocalDate.now(clock);
        InvoiceId invoiceOfA =
                crmOfA.billing().issueInvoice(invoiceOf(acme.id(), "INV-A")).id();
        Account globex = crmOfB.parties().registerAccount(NewAccount.of("Globex", owner));

        refusedNaming(
                "allocations[0].invoice",
                () -> crmOfB.billing()
                        .recordPayment(NewPayment.of(globex.id(), Money.of("119.00", "EUR"), today, PaymentMethod.CARD)
                                .allocating(invoiceOfA, Money.of("119.00", "EUR"))));
        refusedNaming(
                "invoice",
                () -> crmOfB.billing()
                        .issueCreditNote(new NewCreditNote(
                                "CN-B", globex.id(), invoiceOfA, Money.of("19.00", "EUR"), today, "goodwill")));

        assertThat(crmOfA.billing().invoice(invoiceOfA).orElseThrow().balanceDue())
                .isEqualTo(Money.of("119.00", "EUR"));
        assertThat(crmOfB.billing()
                        .paymentsOf(globex.id(), PageRequest.first(10))
                        .items())
                .isEmpty();
    }
}
