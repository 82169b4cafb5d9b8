package org.crmkit.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;

/**
 * The documents {@link Billing}'s changes store, built and checked inside the change's transaction: new drafts,
 * payments with their allocations applied, credit notes with their application; the invoices they settle saved, the
 * new document itself left to the caller. And the comparison of a document another system sends again under its
 * reference with the stored one.
 */
final class BillingDocuments {

    private final UseCases useCases;

    BillingDocuments(UseCases useCases) {
        this.useCases = useCases;
    }

    /**
     * A new draft of an existing account with a number not taken (the storage refuses a number taken concurrently
     * too, without naming the field).
     */
    Invoice draft(NewInvoice invoice) {
        Require.notNull(invoice, "invoice");
        useCases.references.account(invoice.account(), "account");
        Invoice draft = draftOf(invoice, InvoiceId.next(useCases.ids));
        requireNumberFree(
                useCases.invoices().findByNumber(useCases.tenant(), draft.number()), "Invoice number", draft.number());
        return draft;
    }

    /** No changed field when the invoice sent again is the stored one; otherwise the conflict. */
    List<String> requireSame(Invoice stored, NewInvoice invoice, ExternalRef ref) {
        Invoice given = draftOf(invoice, stored.id());
        return new SameContent()
                .field("number", stored.number(), given.number())
                .field("account", stored.account(), given.account())
                .field("issueDate", stored.issueDate(), given.issueDate())
                .field("dueDate", stored.dueDate(), given.dueDate())
                .field("currency", stored.currency(), given.currency())
                .field("lines", stored.lines(), given.lines())
                .orRefuse("Invoice", ref, stored.id());
    }

    /** A new payment with the references, its allocations applied to the invoices, which are saved. */
    Payment received(NewPayment payment, List<ExternalRef> refs) {
        useCases.references.account(payment.account(), "account");
        Payment received = paymentOf(payment, PaymentId.next(useCases.ids));
        refs.forEach(received::addExternalRef);
        Map<InvoiceId, Invoice> touched = new LinkedHashMap<>();
        for (int i = 0; i < payment.allocations().size(); i++) {
            NewPayment.Allocation allocation = payment.allocations().get(i);
            String field = "allocations[" + i + "].invoice";
            Invoice invoice = touched.computeIfAbsent(allocation.invoice(), id -> loadInvoice(id, field));
            requireSameAccount(invoice, received.account(), field);
            invoice.applyPayment(received.id(), allocation.amount(), useCases.clock);
            received.allocate(invoice.id(), allocation.amount(), useCases.clock);
        }
        touched.values().forEach(invoice -> useCases.save(invoice, useCases.storage.invoices()::save));
        return received;
    }

    /**
     * No changed field when the payment sent again is the stored one (allocations made later in the CRM are not
     * compared); otherwise the conflict.
     */
    List<String> requireSame(Payment stored, NewPayment payment, ExternalRef ref) {
        Payment given = paymentOf(payment, stored.id());
        List<String> storedAllocations = stored.allocations().stream()
                .limit(payment.allocations().size())
                .map(allocation -> allocation.invoice() + " " + allocation.amount())
                .toList();
        List<String> givenAllocations = payment.allocations().stream()
                .map(allocation -> allocation.invoice() + " " + allocation.amount())
                .toList();
        return new SameContent()
                .field("account", stored.account(), given.account())
                .field("amount", stored.amount(), given.amount())
                .field("receivedOn", stored.receivedOn(), given.receivedOn())
                .field("method", stored.method(), given.method())
                .field("reference", stored.reference(), given.reference())
                .field("allocations", storedAllocations, givenAllocations)
                .orRefuse("Payment", ref, stored.id());
    }

    /** A new credit note with a free number, applied to its invoice (which is saved) when it names one. */
    CreditNote issued(NewCreditNote creditNote) {
        useCases.references.account(creditNote.account(), "account");
        CreditNote note = creditNoteOf(creditNote, CreditNoteId.next(useCases.ids));
        requireNumberFree(
                useCases.creditNotes().findByNumber(useCases.tenant(), note.number()),
                "Credit note number",
                note.number());
        if (note.invoice() != null) {
            Invoice invoice = loadInvoice(note.invoice(), "invoice");
            requireSameAccount(invoice, note.account(), "invoice");
            settleWithCredit(note, invoice, note.amount());
        }
        return note;
    }

    /**
     * No changed field when the credit note sent again is the stored one (applications made later in the CRM are
     * not compared); otherwise the conflict.
     */
    List<String> requireSame(CreditNote stored, NewCreditNote creditNote, ExternalRef ref) {
        CreditNote given = creditNoteOf(creditNote, stored.id());
        return new SameContent()
                .field("number", stored.number(), given.number())
                .field("account", stored.account(), given.account())
                .field("invoice", stored.invoice(), given.invoice())
                .field("amount", stored.amount(), given.amount())
                .field("issueDate", stored.issueDate(), given.issueDate())
                .field("reason", stored.reason(), given.reason())
                .orRefuse("CreditNote", ref, stored.id());
    }

    /** Applies the amount of the credit note to the invoice, which is saved. */
    void settleWithCredit(CreditNote note, Invoice invoice, Money amount) {
        note.applyTo(invoice.id(), amount, useCases.clock);
        invoice.applyCreditNote(note.id(), amount, useCases.clock);
        useCases.save(invoice, useCases.storage.invoices()::save);
    }

    /** The tenant's invoice, or a {@code RecordNotFoundException} naming the field the id came from. */
    Invoice loadInvoice(InvoiceId id, String field) {
        return useCases.invoices()
                .findById(useCases.tenant(), id)
                .orElseThrow(() -> new RecordNotFoundException("Invoice", id, field));
    }

    static void requireSameAccount(Invoice invoice, AccountId account, String field) {
        if (!invoice.account().equals(account)) {
            throw InvalidValueException.invalid(
                    field,
                    "invoice " + invoice.number() + " belongs to account " + invoice.account() + ", not to " + account);
        }
    }

    /** Refuses a document number that a stored invoice or credit note of the tenant already has. */
    private static void requireNumberFree(Optional<?> holder, String what, String number) {
        if (holder.isPresent()) {
            throw new DuplicateRecordException(what, number, "number");
        }
    }

    /** The draft the request describes, under the id: a new one, or the one to compare a resent invoice with. */
    private Invoice draftOf(NewInvoice invoice, InvoiceId id) {
        return Invoice.draft(
                useCases.tenant(),
                id,
                invoice.number(),
                invoice.account(),
                invoice.issueDate(),
                invoice.dueDate(),
                invoice.currency(),
                invoice.lines(),
                useCases.clock);
    }

    /** The payment the request describes, without allocations, under the id. */
    private Payment paymentOf(NewPayment payment, PaymentId id) {
        return Payment.receive(
                useCases.tenant(),
                id,
                payment.account(),
                payment.amount(),
                payment.receivedOn(),
                payment.method(),
                payment.reference(),
                useCases.clock);
    }

    /** The credit note the request describes, unapplied, under the id. */
    private CreditNote creditNoteOf(NewCreditNote creditNote, CreditNoteId id) {
        return CreditNote.issue(
                useCases.tenant(),
                id,
                creditNote.number(),
                creditNote.account(),
                creditNote.invoice(),
                creditNote.amount(),
                creditNote.issueDate(),
                creditNote.reason(),
                useCases.clock);
    }
}
