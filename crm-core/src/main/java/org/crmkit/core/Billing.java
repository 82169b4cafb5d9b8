package org.crmkit.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crmkit.core.billing.AccountBalance;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * Invoices, payments and credit notes of the calling tenant: issuing and voiding invoices, recording payments with
 * their allocations, credit notes, account balances and the overdue list. Every change runs in one transaction
 * together with its events: a payment whose allocations do not all fit stores nothing. Thread-safe.
 */
public final class Billing {

    private static final int BATCH = 500;
    /** The order of an account's invoices: due date, then number. */
    private static final Comparator<Invoice> DUE_ORDER =
            Comparator.comparing(Invoice::dueDate).thenComparing(Invoice::number);

    private final UseCases useCases;
    private final BillingDocuments documents;

    Billing(UseCases useCases) {
        this.useCases = useCases;
        this.documents = new BillingDocuments(useCases);
    }

    /** Creates a draft invoice; {@code DuplicateRecordException} when the number is taken. */
    public Invoice draftInvoice(NewInvoice invoice) {
        return useCases.write(() -> useCases.save(documents.draft(invoice), useCases.storage.invoices()::save));
    }

    /** Creates and issues an invoice in one step; {@code DuplicateRecordException} when the number is taken. */
    public Invoice issueInvoice(NewInvoice invoice) {
        return useCases.write(() -> {
            Invoice created = documents.draft(invoice);
            created.issue(useCases.clock);
            return useCases.save(created, useCases.storage.invoices()::save);
        });
    }

    /**
     * Records an invoice another system sent under its reference, issued at once, exactly once: the first call
     * creates and issues it as {@link #issueInvoice(NewInvoice)} does (CREATED); sending it again with the same
     * number, account, dates, currency and lines returns the stored invoice and writes nothing (UNCHANGED, no
     * event); with other content it is refused with an {@code ExternalRefConflictException} naming the reference,
     * the stored invoice and every difference. What happened to the invoice since (payments, a void) is the CRM's
     * and not compared. Concurrent calls with one new reference record one invoice (see
     * {@link Parties#upsertAccount}).
     */
    public Upserted<Invoice> recordInvoice(ExternalRef ref, NewInvoice invoice) {
        Require.notNull(ref, "externalRef");
        Require.notNull(invoice, "invoice");
        return useCases.upsert(
                () -> useCases.invoices().findByExternalRef(useCases.tenant(), ref),
                () -> {
                    Invoice created = documents.draft(invoice);
                    created.addExternalRef(ref);
                    created.issue(useCases.clock);
                    return created;
                },
                stored -> documents.requireSame(stored, invoice, ref),
                useCases.storage.invoices()::save);
    }

    /** Issues a draft invoice. */
    public Invoice issueInvoice(InvoiceId id) {
        return changeInvoice(id, invoice -> invoice.issue(useCases.clock));
    }

    /** Cancels an invoice on which nothing is settled. */
    public Invoice voidInvoice(InvoiceId id, String reason) {
        return changeInvoice(id, invoice -> invoice.voidInvoice(reason, useCases.clock));
    }

    /** Gives up the balance of an open invoice. */
    public Invoice writeOffInvoice(InvoiceId id, String reason) {
        return changeInvoice(id, invoice -> invoice.writeOff(reason, useCases.clock));
    }

    private Invoice changeInvoice(InvoiceId id, Consumer<Invoice> change) {
        Require.notNull(id, "invoiceId");
        return useCases.write(() -> {
            Invoice invoice = documents.loadInvoice(id, "invoiceId");
            change.accept(invoice);
            return useCases.save(invoice, useCases.storage.invoices()::save);
        });
    }

    /**
     * Records a payment and its allocations in one transaction: the payment is stored and every allocated invoice's
     * balance reduced together. An allocation to an unknown invoice, to another account's invoice, in another
     * currency, or beyond the invoice's balance or the payment's rest fails the whole call and stores nothing.
     */
    public Payment recordPayment(NewPayment payment) {
        Require.notNull(payment, "payment");
        return useCases.write(
                () -> useCases.save(documents.received(payment, List.of()), useCases.storage.payments()::save));
    }

    /**
     * Records a payment another system sent under its reference exactly once: the first call records it with its
     * allocations as {@link #recordPayment(NewPayment)} does (CREATED); sending it again with the same account,
     * amount, day, method, reference and allocations returns the stored payment and writes nothing (UNCHANGED, no
     * event); with other content it is refused with an {@code ExternalRefConflictException} naming the reference,
     * the stored payment and every difference. Allocations made later in the CRM are not compared. Concurrent
     * calls with one new reference record one payment (see {@link Parties#upsertAccount}).
     */
    public Upserted<Payment> recordPayment(ExternalRef ref, NewPayment payment) {
        Require.notNull(ref, "externalRef");
        Require.notNull(payment, "payment");
        return useCases.upsert(
                () -> useCases.payments().findByExternalRef(useCases.tenant(), ref),
                () -> documents.received(payment, List.of(ref)),
                stored -> documents.requireSame(stored, payment, ref),
                useCases.storage.payments()::save);
    }

    /** Allocates part of a payment's unallocated rest to an invoice of the same account. */
    public Payment allocatePayment(PaymentId paymentId, InvoiceId invoiceId, Money amount) {
        Require.notNull(paymentId, "paymentId");
        Require.notNull(invoiceId, "invoiceId");
        return useCases.write(() -> {
            Payment payment =
                    Reads.found(useCases.payments().findById(useCases.tenant(), paymentId), "Payment", paymentId);
            Invoice invoice = documents.loadInvoice(invoiceId, "invoiceId");
            BillingDocuments.requireSameAccount(invoice, payment.account(), "invoiceId");
            invoice.applyPayment(payment.id(), amount, useCases.clock);
            payment.allocate(invoice.id(), amount, useCases.clock);
            useCases.save(invoice, useCases.storage.invoices()::save);
            return useCases.save(payment, useCases.storage.payments()::save);
        });
    }

    /**
     * Issues a credit note. One issued against an invoice is applied to that invoice at once, for its whole amount
     * (refused when that is more than the invoice's balance); one on the account stays unapplied until
     * {@link #applyCreditNote}.
     */
    public CreditNote issueCreditNote(NewCreditNote creditNote) {
        Require.notNull(creditNote, "creditNote");
        return useCases.write(() -> useCases.save(documents.issued(creditNote), useCases.storage.creditNotes()::save));
    }

    /**
     * Records a credit note another system sent under its reference exactly once: the first call issues it as
     * {@link #issueCreditNote(NewCreditNote)} does, applied to its invoice when it names one (CREATED); sending it
     * again with the same number, account, invoice, amount, issue date and reason returns the stored credit note and
     * writes nothing (UNCHANGED, no event, applied once); with other content it is refused with an
     * {@code ExternalRefConflictException} naming the reference, the stored credit note and every difference.
     * Applications made later in the CRM are not compared. Concurrent calls with one new reference record one.
     */
    public Upserted<CreditNote> recordCreditNote(ExternalRef ref, NewCreditNote creditNote) {
        Require.notNull(ref, "externalRef");
        Require.notNull(creditNote, "creditNote");
        return useCases.upsert(
                () -> useCases.creditNotes().findByExternalRef(useCases.tenant(), ref),
                () -> {
                    CreditNote created = documents.issued(creditNote);
                    created.addExternalRef(ref);
                    return created;
                },
                stored -> documents.requireSame(stored, creditNote, ref),
                useCases.storage.creditNotes()::save);
    }

    /** Applies part of a credit note's unapplied rest to an invoice of the same account. */
    public CreditNote applyCreditNote(CreditNoteId creditNoteId, InvoiceId invoiceId, Money amount) {
        Require.notNull(creditNoteId, "creditNoteId");
        Require.notNull(invoiceId, "invoiceId");
        return useCases.write(() -> {
            CreditNote note = Reads.found(
                    useCases.creditNotes().findById(useCases.tenant(), creditNoteId), "CreditNote", creditNoteId);
            Invoice invoice = documents.loadInvoice(invoiceId, "invoiceId");
            BillingDocuments.requireSameAccount(invoice, note.account(), "invoiceId");
            documents.settleWithCredit(note, invoice, amount);
            return useCases.save(note, useCases.storage.creditNotes()::save);
        });
    }

    public Optional<Invoice> invoice(InvoiceId id) {
        return useCases.invoices().findById(useCases.tenant(), Require.notNull(id, "invoiceId"));
    }

    public Optional<Invoice> invoiceByNumber(String number) {
        return useCases.invoices().findByNumber(useCases.tenant(), Require.notBlank(number, "number"));
    }

    /** The account's invoices by due date, then number. */
    public Page<Invoice> invoicesOf(AccountId account, PageRequest page) {
        return useCases.invoices()
                .findByAccount(useCases.tenant(), Require.notNull(account, "account"), Require.notNull(page, "page"));
    }

    /** The account's open invoices by due date, then number. */
    public List<Invoice> openInvoicesOf(AccountId account) {
        return useCases.invoices().findOpenByAccount(useCases.tenant(), Require.notNull(account, "account"));
    }

    /**
     * The open invoices of each of the accounts, by due date, then number, read together (one statement per hundred
     * accounts on a database); an account without open invoices is not in the map.
     */
    public Map<AccountId, List<Invoice>> openInvoicesOf(Collection<AccountId> accounts) {
        Require.noNulls(accounts, "accounts");
        Map<AccountId, List<Invoice>> byAccount = new LinkedHashMap<>();
        for (Invoice invoice : useCases.invoices().findOpenByAccounts(useCases.tenant(), accounts)) {
            byAccount
                    .computeIfAbsent(invoice.account(), account -> new ArrayList<>())
                    .add(invoice);
        }
        byAccount.replaceAll(
                (account, invoices) -> invoices.stream().sorted(DUE_ORDER).toList());
        return byAccount;
    }

    /** The invoices among the ids, read together; an id of no invoice is not in the map. */
    public Map<InvoiceId, Invoice> invoices(Collection<InvoiceId> ids) {
        Require.noNulls(ids, "invoiceIds");
        Map<InvoiceId, Invoice> byId = new LinkedHashMap<>();
        useCases.invoices().findByIds(useCases.tenant(), ids).forEach(invoice -> byId.put(invoice.id(), invoice));
        return byId;
    }

    /**
     * Up to {@code limit} open invoices due before {@code asOf} that come after {@code after} in the order of
     * {@link #overdueInvoices(LocalDate, PageRequest)} (null: from the first): walks a long list a batch at a time
     * without re-reading the batches before.
     */
    public List<Invoice> overdueInvoicesAfter(LocalDate asOf, Invoice after, int limit) {
        return useCases.invoices()
                .findOverdueAfter(
                        useCases.tenant(), Require.notNull(asOf, "asOf"), after, Require.positive(limit, "limit"));
    }

    /** Open invoices due before {@code asOf}, oldest due date first. */
    public Page<Invoice> overdueInvoices(LocalDate asOf, PageRequest page) {
        return useCases.invoices()
                .findOverdue(useCases.tenant(), Require.notNull(asOf, "asOf"), Require.notNull(page, "page"));
    }

    /**
     * Up to {@code limit} (at most {@value PageRequest#MAX_SIZE}) invoices of every account issued from {@code from}
     * to {@code to} (both inclusive) in any of the {@code statuses} (empty: any status), by issue date, then
     * number, after {@code after} (null: from the first). Walk a period a batch at a time, handing the last invoice
     * of a batch to the next call, e.g. the paid invoices of a year for analytics:
     *
     * <pre>{@code
     * List<Invoice> batch = billing.invoicesIssuedBetween(from, to, Set.of(InvoiceStatus.PAID), null, 500);
     * while (!batch.isEmpty()) {
     *     consume(batch);
     *     batch = billing.invoicesIssuedBetween(from, to, Set.of(InvoiceStatus.PAID), batch.get(batch.size() - 1), 500);
     * }
     * }</pre>
     */
    public List<Invoice> invoicesIssuedBetween(
            LocalDate from, LocalDate to, Set<InvoiceStatus> statuses, Invoice after, int limit) {
        requireRange(from, to, limit);
        return useCases.invoices()
                .findIssuedBetween(
                        useCases.tenant(), from, to, Set.copyOf(Require.noNulls(statuses, "statuses")), after, limit);
    }

    /**
     * Like {@link #invoicesIssuedBetween}, by due date: invoices of every account due from {@code from} to
     * {@code to} (both inclusive) in any of the {@code statuses} (empty: any), by due date, then number, after
     * {@code after} (null: from the first), at most {@code limit}.
     */
    public List<Invoice> invoicesDueBetween(
            LocalDate from, LocalDate to, Set<InvoiceStatus> statuses, Invoice after, int limit) {
        requireRange(from, to, limit);
        return useCases.invoices()
                .findDueBetween(
                        useCases.tenant(), from, to, Set.copyOf(Require.noNulls(statuses, "statuses")), after, limit);
    }

    /**
     * Up to {@code limit} (at most {@value PageRequest#MAX_SIZE}) payments of every account received from
     * {@code from} to {@code to} (both inclusive), by the date received, then id, after {@code after} (null: from
     * the first); walk a period as {@link #invoicesIssuedBetween} shows.
     */
    public List<Payment> paymentsReceivedBetween(LocalDate from, LocalDate to, Payment after, int limit) {
        requireRange(from, to, limit);
        return useCases.payments().findReceivedBetween(useCases.tenant(), from, to, after, limit);
    }

    private static void requireRange(LocalDate from, LocalDate to, int limit) {
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        Require.that(!to.isBefore(from), "to", "must not be before from (" + from + "), was " + to);
        Require.positive(limit, "limit");
        Require.that(
                limit <= PageRequest.MAX_SIZE, "limit", "must be at most " + PageRequest.MAX_SIZE + ", was " + limit);
    }

    public Optional<Payment> payment(PaymentId id) {
        return useCases.payments().findById(useCases.tenant(), Require.notNull(id, "paymentId"));
    }

    /** The account's payments by date received. */
    public Page<Payment> paymentsOf(AccountId account, PageRequest page) {
        return useCases.payments()
                .findByAccount(useCases.tenant(), Require.notNull(account, "account"), Require.notNull(page, "page"));
    }

    /** The invoice recorded under another system's reference, found by one indexed lookup. */
    public Optional<Invoice> invoiceByExternalRef(ExternalRef ref) {
        return useCases.invoices().findByExternalRef(useCases.tenant(), Require.notNull(ref, "externalRef"));
    }

    /** The payment recorded under another system's reference, found by one indexed lookup. */
    public Optional<Payment> paymentByExternalRef(ExternalRef ref) {
        return useCases.payments().findByExternalRef(useCases.tenant(), Require.notNull(ref, "externalRef"));
    }

    /** The credit note recorded under another system's reference, found by one indexed lookup. */
    public Optional<CreditNote> creditNoteByExternalRef(ExternalRef ref) {
        return useCases.creditNotes().findByExternalRef(useCases.tenant(), Require.notNull(ref, "externalRef"));
    }

    public Optional<CreditNote> creditNote(CreditNoteId id) {
        return useCases.creditNotes().findById(useCases.tenant(), Require.notNull(id, "creditNoteId"));
    }

    /** The account's credit notes by issue date. */
    public Page<CreditNote> creditNotesOf(AccountId account, PageRequest page) {
        return useCases.creditNotes()
                .findByAccount(useCases.tenant(), Require.notNull(account, "account"), Require.notNull(page, "page"));
    }

    /**
     * What the account owes in {@code currency}: open invoices' balances, less unallocated payments and unapplied
     * credit notes in that currency. Read in one transaction, so the three sums are consistent.
     */
    public AccountBalance balanceOf(AccountId account, Currency currency) {
        Require.notNull(account, "account");
        Money zero = Money.zero(Require.notNull(currency, "currency"));
        TenantId tenant = useCases.tenant();
        return useCases.storage.transactions().inTransaction(() -> {
            Money open = useCases.invoices().findOpenByAccount(tenant, account).stream()
                    .map(Invoice::balanceDue)
                    .filter(m -> m.currency().equals(currency))
                    .reduce(zero, Money::plus);
            Money unallocated = sumAll(
                    page -> useCases.payments().findByAccount(tenant, account, page), Payment::unallocated, zero);
            Money unapplied = sumAll(
                    page -> useCases.creditNotes().findByAccount(tenant, account, page), CreditNote::unapplied, zero);
            return new AccountBalance(account, open, unallocated, unapplied);
        });
    }

    private static <T> Money sumAll(Function<PageRequest, Page<T>> query, Function<T, Money> amount, Money zero) {
        Money sum = zero;
        PageRequest request = PageRequest.first(BATCH);
        while (true) {
            Page<T> page = query.apply(request);
            for (T item : page.items()) {
                Money value = amount.apply(item);
                if (value.currency().equals(zero.currency())) {
                    sum = sum.plus(value);
                }
            }
            if (!page.hasNext()) {
                return sum;
            }
            request = request.next();
        }
    }
}
