package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.Upserted;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.ExternalRefConflictException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.AccountChanged;
import org.crmkit.core.party.AccountRegistered;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PartyChange;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * External references and upserts by them, through {@link Crm} over the adapter: one indexed lookup finds the
 * record, no two records of a type and tenant share a reference, an upsert says what it did and an unchanged one
 * writes nothing, and concurrent upserts of one new reference store one record.
 */
public abstract class ExternalRefContract extends StorageContract {

    private static final ExternalRef ERP_ACME = ExternalRef.of("erp", "C-10045");

    private final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());
    private UserId owner;

    private Crm crm(TenantId tenant) {
        return crmRecording(tenant, events);
    }

    private Crm crm() {
        return crm(TENANT_A);
    }

    @BeforeEach
    void owner() {
        owner = UserId.next(ids);
    }

    private NewAccount acme() {
        return NewAccount.of("ACME Manufacturing", owner)
                .withEmail(EmailAddress.of("info@acme.example"), ContactPointType.WORK);
    }

    @Test
    void anUpsertOfANewReferenceCreatesTheAccountThatTheReferenceThenFinds() {
        Upserted<Account> created = crm().parties().upsertAccount(ERP_ACME, acme());

        assertThat(created.outcome()).isEqualTo(Upserted.Outcome.CREATED);
        assertThat(created.changedFields()).isEmpty();
        assertThat(created.record().externalRefs()).containsExactly(ERP_ACME);
        assertThat(crm().parties().findAccountByExternalRef(ExternalRef.of("ERP", "C-10045")))
                .map(Account::id)
                .contains(created.record().id());
        assertThat(crm().parties().account(created.record().id()).externalRefs())
                .containsExactly(ERP_ACME);
        assertThat(crm().parties().findAccountByExternalRef(ExternalRef.of("erp", "c-10045")))
                .isEmpty();
        assertThat(events).singleElement().isInstanceOf(AccountRegistered.class);
    }

    @Test
    void upsertingTheSameAccountAgainChangesNothingWritesNothingAndRecordsNoEvent() {
        Account created = crm().parties().upsertAccount(ERP_ACME, acme()).record();
        events.clear();

        Upserted<Account> again = crm().parties().upsertAccount(ERP_ACME, acme());

        assertThat(again.outcome()).isEqualTo(Upserted.Outcome.UNCHANGED);
        assertThat(again.changedFields()).isEmpty();
        assertThat(again.record().id()).isEqualTo(created.id());
        assertThat(crm().parties().account(created.id()).version()).isEqualTo(created.version());
        assertThat(events).isEmpty();
        assertThat(storage.accounts().findAll(TENANT_A, PageRequest.first(10)).totalElements())
                .isEqualTo(1);
    }

    @Test
    void anUpsertWithOtherValuesUpdatesTheAccountAndNamesTheChangedFields() {
        Account created = crm().parties().upsertAccount(ERP_ACME, acme()).record();
        crm().parties().tag(created.id(), "key account");
        events.clear();

        Upserted<Account> updated = crm().parties()
                .upsertAccount(
                        ERP_ACME,
                        NewAccount.of("ACME Manufacturing SE", owner)
                                .withEmail(EmailAddress.of("billing@acme.example"), ContactPointType.BILLING));

        assertThat(updated.outcome()).isEqualTo(Upserted.Outcome.UPDATED);
        assertThat(updated.changedFields()).containsExactly("name", "emails");
        Account stored = crm().parties().account(created.id());
        assertThat(stored.name()).isEqualTo("ACME Manufacturing SE");
        assertThat(stored.version()).isEqualTo(created.version() + 2);
        assertThat(stored.contactPoints().hasEmail(EmailAddress.of("info@acme.example")))
                .isTrue();
        assertThat(stored.contactPoints().hasEmail(EmailAddress.of("billing@acme.example")))
                .isTrue();
        assertThat(stored.tags().has("key account"))
                .as("what the CRM added is kept")
                .isTrue();
        assertThat(events)
                .extracting(event -> ((AccountChanged) event).change())
                .containsExactly(PartyChange.NAME, PartyChange.EMAILS);
    }

    @Test
    void anAccountCarriesReferencesOfSeveralSystemsAndEachFindsIt() {
        Account created = crm().parties().upsertAccount(ERP_ACME, acme()).record();
        ExternalRef shop = ExternalRef.of("shop", "acme-42");

        Account both = crm().parties().addExternalRef(created.id(), shop);

        assertThat(both.externalRefs()).containsExactly(ERP_ACME, shop);
        assertThat(crm().parties().findAccountByExternalRef(shop))
                .map(Account::id)
                .contains(created.id());
        assertThat(crm().parties().findAccountByExternalRef(ERP_ACME))
                .map(Account::id)
                .contains(created.id());
        assertThat(crm().parties().upsertAccount(shop, acme()).outcome()).isEqualTo(Upserted.Outcome.UNCHANGED);
    }

    @Test
    void noTwoAccountsOfATenantShareAReferenceButContactsAndOtherTenantsMay() {
        Account acme = crm().parties().upsertAccount(ERP_ACME, acme()).record();
        Account other = crm().parties().registerAccount(NewAccount.of("Other Ltd", owner));

        assertThatThrownBy(() -> crm().parties().addExternalRef(other.id(), ERP_ACME))
                .isInstanceOfSatisfying(
                        DuplicateRecordException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DUPLICATE))
                .hasMessageContaining("erp/C-10045")
                .hasMessageContaining(acme.id().toString());
        assertThat(crm().parties().account(other.id()).externalRefs()).isEmpty();

        Contact person = crm().parties()
                .upsertContact(ERP_ACME, NewContact.of(PersonName.of("Ada", "King"), owner))
                .record();
        Account ofTenantB =
                crm(TENANT_B).parties().upsertAccount(ERP_ACME, acme()).record();

        assertThat(crm().parties().findContactByExternalRef(ERP_ACME))
                .map(Contact::id)
                .contains(person.id());
        assertThat(ofTenantB.id()).isNotEqualTo(acme.id());
        assertThat(crm().parties().findAccountByExternalRef(ERP_ACME))
                .map(Account::id)
                .contains(acme.id());
        assertThat(crm(TENANT_B).parties().findAccountByExternalRef(ERP_ACME))
                .map(Account::id)
                .contains(ofTenantB.id());
    }

    @Test
    void twoAccountsWithOneReferenceSavedTogetherAreRefusedAndNeitherIsStored() {
        Account first = Account.register(TENANT_A, AccountId.next(ids), acme().withExternalRef(ERP_ACME), clock);
        Account second = Account.register(
                TENANT_A,
                AccountId.next(ids),
                NewAccount.of("ACME Ltd", owner).withExternalRef(ExternalRef.of("erp", "C-10045")),
                clock);

        assertThatThrownBy(() -> storage.transactions()
                        .inTransaction(() -> storage.accounts().saveAll(List.of(first, second))))
                .isInstanceOf(DuplicateRecordException.class);
        assertThat(storage.accounts().findAll(TENANT_A, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(storage.accounts().findByExternalRef(TENANT_A, ERP_ACME)).isEmpty();
    }

    @Test
    void contactsAreUpsertedByReferenceLikeAccounts() {
        ExternalRef ref = ExternalRef.of("erp", "P-7");
        NewContact ada = NewContact.of(PersonName.of("Ada", "King"), owner);

        Upserted<Contact> created = crm().parties().upsertContact(ref, ada);
        Upserted<Contact> unchanged = crm().parties().upsertContact(ref, ada);
        Upserted<Contact> updated = crm().parties().upsertContact(ref, ada.withTag("newsletter"));

        assertThat(List.of(created.outcome(), unchanged.outcome(), updated.outcome()))
                .containsExactly(Upserted.Outcome.CREATED, Upserted.Outcome.UNCHANGED, Upserted.Outcome.UPDATED);
        assertThat(updated.changedFields()).containsExactly("tags");
        assertThat(updated.record().id()).isEqualTo(created.record().id());
        assertThat(crm().parties().findContactByExternalRef(ref))
                .map(Contact::version)
                .contains(created.record().version() + 1);
    }

    @Test
    void concurrentUpsertsOfOneNewReferenceStoreOneAccount() throws InterruptedException {
        int writers = 6;
        List<Callable<Upserted<Account>>> upserts = IntStream.range(0, writers)
                .<Callable<Upserted<Account>>>mapToObj(
                        i -> () -> crm().parties().upsertAccount(ERP_ACME, acme()))
                .toList();

        List<Outcome<Upserted<Account>>> outcomes = concurrently(upserts);

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        assertThat(outcomes)
                .extracting(outcome -> outcome.value().outcome())
                .containsOnlyOnce(Upserted.Outcome.CREATED)
                .containsOnly(Upserted.Outcome.CREATED, Upserted.Outcome.UNCHANGED);
        assertThat(outcomes)
                .extracting(outcome -> outcome.value().record().id())
                .containsOnly(crm().parties()
                        .findAccountByExternalRef(ERP_ACME)
                        .orElseThrow()
                        .id());
        assertThat(storage.accounts().findAll(TENANT_A, PageRequest.first(10)).totalElements())
                .isEqualTo(1);
    }

    private NewInvoice invoiceOf(Account account, String amount) {
        return NewInvoice.of(
                        "2026-0042",
                        account.id(),
                        LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 3, 31),
                        Currency.getInstance("EUR"))
                .withLine(InvoiceLine.of("Press maintenance", "1", Money.of(amount, "EUR"), "0"));
    }

    @Test
    void anInvoiceRecordedAgainUnderItsReferenceIsStoredOnceAndOtherContentIsRefusedNamingBoth() {
        Account acme = crm().parties().upsertAccount(ERP_ACME, acme()).record();
        ExternalRef ref = ExternalRef.of("erp", "R-2026-0042");

        Upserted<Invoice> first = crm().billing().recordInvoice(ref, invoiceOf(acme, "450.00"));
        events.clear();
        Upserted<Invoice> again = crm().billing().recordInvoice(ref, invoiceOf(acme, "450.00"));

        assertThat(first.outcome()).isEqualTo(Upserted.Outcome.CREATED);
        assertThat(first.record().status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(first.record().externalRefs()).containsExactly(ref);
        assertThat(again.outcome()).isEqualTo(Upserted.Outcome.UNCHANGED);
        assertThat(again.record().id()).isEqualTo(first.record().id());
        assertThat(again.record().version()).isEqualTo(first.record().version());
        assertThat(events).isEmpty();
        assertThat(storage.invoices().findByExternalRef(TENANT_A, ref))
                .map(Invoice::id)
                .contains(first.record().id());
        assertThatThrownBy(() -> crm().billing().recordInvoice(ref, invoiceOf(acme, "540.00")))
                .isInstanceOfSatisfying(ExternalRefConflictException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.DUPLICATE);
                    assertThat(e.ref()).isEqualTo(ref);
                    assertThat(e.differences()).singleElement().asString().startsWith("lines: stored");
                })
                .hasMessageContaining("erp/R-2026-0042")
                .hasMessageContaining(first.record().id().toString())
                .hasMessageContaining("450.00")
                .hasMessageContaining("540.00");
        assertThat(crm().billing().invoicesOf(acme.id(), PageRequest.first(10)).totalElements())
                .isEqualTo(1);
        assertThat(events).isEmpty();
    }

    @Test
    void aPaymentRecordedAgainUnderItsReferenceIsStoredOnceWithItsAllocationsAppliedOnce() {
        Account acme = crm().parties().upsertAccount(ERP_ACME, acme()).record();
        Invoice invoice = crm().billing()
                .recordInvoice(ExternalRef.of("erp", "R-1"), invoiceOf(acme, "450.00"))
                .record();
        ExternalRef ref = ExternalRef.of("bank", "2026-03-10/0017");
        NewPayment payment = NewPayment.of(
                        acme.id(), Money.of("450.00", "EUR"), LocalDate.of(2026, 3, 10), PaymentMethod.BANK_TRANSFER)
                .allocating(invoice.id(), Money.of("450.00", "EUR"));

        Upserted<Payment> first = crm().billing().recordPayment(ref, payment);
        events.clear();
        Upserted<Payment> again = crm().billing().recordPayment(ref, payment);

        assertThat(first.outcome()).isEqualTo(Upserted.Outcome.CREATED);
        assertThat(again.outcome()).isEqualTo(Upserted.Outcome.UNCHANGED);
        assertThat(again.record().id()).isEqualTo(first.record().id());
        assertThat(events).isEmpty();
        assertThat(crm().billing().invoice(invoice.id()).orElseThrow().balanceDue())
                .isEqualTo(Money.of("0.00", "EUR"));
        assertThat(storage.payments().findByExternalRef(TENANT_A, ref))
                .map(Payment::id)
                .contains(first.record().id());
        assertThatThrownBy(() -> crm().billing()
                        .recordPayment(
                                ref,
                                NewPayment.of(
                                        acme.id(),
                                        Money.of("500.00", "EUR"),
                                        LocalDate.of(2026, 3, 10),
                                        PaymentMethod.BANK_TRANSFER)))
                .isInstanceOfSatisfying(
                        ExternalRefConflictException.class,
                        e -> assertThat(e.differences())
                                .containsExactly("amount: stored " + Money.of("450.00", "EUR") + ", given "
                                        + Money.of("500.00", "EUR")))
                .hasMessageContaining("bank/2026-03-10/0017")
                .hasMessageContaining(first.record().id().toString());
    }

    @Test
    void concurrentRecordingsOfOnePaymentStoreItOnce() throws InterruptedException {
        Account acme = crm().parties().upsertAccount(ERP_ACME, acme()).record();
        ExternalRef ref = ExternalRef.of("bank", "0018");
        NewPayment payment =
                NewPayment.of(acme.id(), Money.of("120.00", "EUR"), LocalDate.of(2026, 3, 10), PaymentMethod.CARD);

        List<Outcome<Upserted<Payment>>> outcomes = concurrently(IntStream.range(0, 6)
                .<Callable<Upserted<Payment>>>mapToObj(
                        i -> () -> crm().billing().recordPayment(ref, payment))
                .toList());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        assertThat(outcomes)
                .extracting(outcome -> outcome.value().outcome())
                .containsOnlyOnce(Upserted.Outcome.CREATED);
        assertThat(storage.payments()
                        .findByAccount(TENANT_A, acme.id(), PageRequest.first(10))
                        .totalElements())
                .isEqualTo(1);
    }
}
