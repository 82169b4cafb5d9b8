package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.spi.CreditNoteRepository;
import org.crmkit.core.spi.InvoiceRepository;
import org.crmkit.core.spi.PaymentRepository;
import org.crmkit.testkit.fixtures.BillingMother;
import org.junit.jupiter.api.Test;

/**
 * What the {@code visibleTo} views of the invoice, payment and credit note repositories must do, query by query:
 * each record follows its account. The viewer sees the invoices of an account in its territory and of one shared
 * with its team, not the many of a stranger's account that every query would also match; pages are full, counts
 * count visible records only, and another tenant's records stay out. {@link ChildRecordVisibilityContract} does the
 * same for cases, tasks and activities.
 */
public abstract class BillingVisibilityContract extends ChildRecordFixture {

    // invoices, payments and credit notes: their account decides

    @Test
    void everyBillingQuerySeesOnlyTheRecordsOfVisibleAccounts() {
        List<Invoice> visible = new ArrayList<>();
        for (AccountId account :
                List.of(territoryAccount, territoryAccount, sharedAccount, sharedAccount, sharedAccount)) {
            visible.add(saveInvoice(account));
        }
        List<Invoice> hidden = new ArrayList<>();
        for (int i = 0; i < HIDDEN; i++) {
            hidden.add(saveInvoice(hiddenAccount));
        }
        Invoice foreign = BillingMother.anInvoice(TENANT_B, ids, clock, territoryAccount, "F-1", DUE, "10.00");
        inTransaction(() -> storage.invoices().save(foreign));
        InvoiceRepository invoices = storage.invoices().visibleTo(visibility);
        List<Object> expected = ids(visible, Invoice::id);
        LocalDate from = DUE.minusYears(1);

        assertThat(invoices.findById(TENANT_A, visible.get(4).id())).isPresent();
        assertThat(invoices.findById(TENANT_A, hidden.get(0).id())).isEmpty();
        assertThat(invoices.findById(TENANT_A, foreign.id())).isEmpty();
        assertThat(invoices.findByNumber(TENANT_A, visible.get(2).number())).isPresent();
        assertThat(invoices.findByNumber(TENANT_A, hidden.get(1).number())).isEmpty();
        assertThat(invoices.findByExternalRef(
                        TENANT_A, ExternalRef.of("erp", visible.get(1).number())))
                .isPresent();
        assertThat(invoices.findByExternalRef(
                        TENANT_A, ExternalRef.of("erp", hidden.get(1).number())))
                .isEmpty();
        assertThat(ids(invoices.findOpenByAccount(TENANT_A, sharedAccount), Invoice::id))
                .containsExactlyInAnyOrderElementsOf(expected.subList(2, 5));
        assertThat(invoices.findOpenByAccount(TENANT_A, hiddenAccount)).isEmpty();
        assertThat(ids(
                        invoices.findOpenByAccounts(TENANT_A, List.of(territoryAccount, sharedAccount, hiddenAccount)),
                        Invoice::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(
                        invoices.findByIds(
                                TENANT_A,
                                Stream.concat(visible.stream(), hidden.stream())
                                        .map(Invoice::id)
                                        .toList()),
                        Invoice::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(invoices.findIssuedBetween(TENANT_A, from, DUE, Set.of(), null, 50), Invoice::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids(invoices.findDueBetween(TENANT_A, from, DUE, Set.of(), null, 50), Invoice::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(invoices.findDueBetween(TENANT_A, from, DUE, Set.of(), null, 2))
                .hasSize(2);
        assertThat(ids(invoices.findOverdueAfter(TENANT_A, DUE.plusDays(1), null, 50), Invoice::id))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(invoices.findOverdueAfter(TENANT_A, DUE.plusDays(1), null, 3))
                .hasSize(3);
        assertFullPages(page -> invoices.findOverdue(TENANT_A, DUE.plusDays(1), page), expected.size());
        assertThat(invoices.findByAccount(TENANT_A, hiddenAccount, PageRequest.first(20))
                        .totalElements())
                .isZero();
        assertThat(invoices.findByAccount(TENANT_A, sharedAccount, PageRequest.first(2))
                        .totalElements())
                .isEqualTo(3);

        PaymentRepository payments = storage.payments().visibleTo(visibility);
        List<Payment> paid = Stream.of(territoryAccount, sharedAccount, sharedAccount, hiddenAccount)
                .map(account -> {
                    Payment payment = BillingMother.aPayment(TENANT_A, ids, clock, account, "5.00");
                    payment.addExternalRef(ExternalRef.of("bank", payment.id().toString()));
                    return inTransaction(() -> storage.payments().save(payment));
                })
                .toList();
        assertThat(payments.findById(TENANT_A, paid.get(0).id())).isPresent();
        assertThat(payments.findById(TENANT_A, paid.get(3).id())).isEmpty();
        assertThat(payments.findByExternalRef(
                        TENANT_A, paid.get(0).externalRefs().get(0)))
                .isPresent();
        assertThat(payments.findByExternalRef(
                        TENANT_A, paid.get(3).externalRefs().get(0)))
                .isEmpty();
        assertThat(payments.findByAccount(TENANT_A, sharedAccount, PageRequest.first(1))
                        .totalElements())
                .isEqualTo(2);
        assertThat(payments.findByAccount(TENANT_A, hiddenAccount, PageRequest.first(20))
                        .items())
                .isEmpty();
        LocalDate today = LocalDate.now(clock);
        assertThat(ids(payments.findReceivedBetween(TENANT_A, today, today, null, 50), Payment::id))
                .containsExactlyInAnyOrderElementsOf(ids(paid.subList(0, 3), Payment::id));

        CreditNoteRepository notes = storage.creditNotes().visibleTo(visibility);
        CreditNote shown = saveCreditNote(visible.get(0));
        CreditNote concealed = saveCreditNote(hidden.get(0));
        assertThat(notes.findById(TENANT_A, shown.id())).isPresent();
        assertThat(notes.findById(TENANT_A, concealed.id())).isEmpty();
        assertThat(notes.findByExternalRef(TENANT_A, ExternalRef.of("erp", shown.number())))
                .isPresent();
        assertThat(notes.findByExternalRef(TENANT_A, ExternalRef.of("erp", concealed.number())))
                .isEmpty();
        assertThat(notes.findByInvoice(TENANT_A, visible.get(0).id())).hasSize(1);
        assertThat(notes.findByInvoice(TENANT_A, hidden.get(0).id())).isEmpty();
        assertThat(notes.findByNumber(TENANT_A, concealed.number())).isEmpty();
        assertThat(notes.findByAccount(TENANT_A, territoryAccount, PageRequest.first(20))
                        .totalElements())
                .isEqualTo(1);
        assertThat(notes.findByAccount(TENANT_A, hiddenAccount, PageRequest.first(20))
                        .totalElements())
                .isZero();

        Visibility accountsReadByAll = visibility.readingEvery(List.of(RecordType.ACCOUNT));
        assertThat(storage.invoices()
                        .visibleTo(accountsReadByAll)
                        .findById(TENANT_A, hidden.get(0).id()))
                .isPresent();
        assertThat(storage.payments()
                        .visibleTo(accountsReadByAll)
                        .findById(TENANT_A, paid.get(3).id()))
                .isPresent();
    }

    private CreditNote saveCreditNote(Invoice invoice) {
        CreditNote note = CreditNote.issue(
                TENANT_A,
                CreditNoteId.next(ids),
                "CN-" + ids.next(),
                invoice.account(),
                invoice.id(),
                Money.of("1.00", "EUR"),
                LocalDate.now(clock),
                "goodwill",
                clock);
        note.addExternalRef(ExternalRef.of("erp", note.number()));
        return inTransaction(() -> storage.creditNotes().save(note));
    }

    private Invoice saveInvoice(AccountId account) {
        Invoice invoice = BillingMother.anInvoice(TENANT_A, ids, clock, account, "INV-" + ids.next(), DUE, "10.00");
        invoice.addExternalRef(ExternalRef.of("erp", invoice.number()));
        return inTransaction(() -> storage.invoices().save(invoice));
    }
}
