package org.crmkit.core.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * A credit note: an amount the seller owes back to an account, which reduces what the account owes.
 *
 * <p>It is an aggregate of its own rather than a negative invoice or a line on one: it has its own number and date
 * and may be issued against one invoice (then it may only be applied to that invoice) or against the account as a
 * whole (then it may be applied to any of the account's invoices in parts, like a payment). An issued invoice thus
 * never changes its lines, and the credit note's unapplied rest stays visible as {@link #unapplied()}. Whether an
 * application fits the invoice's balance is the invoice's rule ({@link Invoice#applyCreditNote}); the
 * {@code Billing} service changes both in one transaction. Not thread-safe.
 */
public final class CreditNote extends AggregateRoot<CreditNoteId> {

    private final String number;
    private final AccountId account;
    private final InvoiceId invoice;
    private final Money amount;
    private final LocalDate issueDate;
    private final String reason;
    private final List<CreditApplication> applications;
    private final Instant createdAt;
    private List<ExternalRef> externalRefs;

    private CreditNote(CreditNoteState s) {
        super(s.tenant(), s.id(), s.version());
        this.number = s.number();
        this.account = s.account();
        this.invoice = s.invoice();
        this.amount = s.amount();
        this.issueDate = s.issueDate();
        this.reason = s.reason();
        this.applications = new ArrayList<>(s.applications());
        this.createdAt = s.createdAt();
        this.externalRefs = s.externalRefs();
    }

    /**
     * A credit note of {@code amount} (positive, in the minor unit) with a number unique per tenant, against
     * {@code invoice} or, when that is null, against the account. Records {@link CreditNoteIssued}.
     */
    public static CreditNote issue(
            TenantId tenant,
            CreditNoteId id,
            String number,
            AccountId account,
            InvoiceId invoice,
            Money amount,
            LocalDate issueDate,
            String reason,
            Clock clock) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        String checkedNumber = Invoice.checkNumber(number);
        Require.notNull(account, "account");
        Require.notNull(amount, "amount");
        Require.that(amount.isPositive(), "amount", "must be positive, was " + amount);
        Require.that(amount.isInMinorUnits(), "amount", "must be in the minor unit of its currency, was " + amount);
        Require.notNull(issueDate, "issueDate");
        String checkedReason = Require.maxLength(Require.notBlank(reason, "reason"), 500, "reason");
        CreditNote note = new CreditNote(new CreditNoteState(
                tenant,
                id,
                0,
                checkedNumber,
                account,
                invoice,
                amount,
                issueDate,
                checkedReason,
                List.of(),
                clock.instant(),
                List.of()));
        note.record(new CreditNoteIssued(
                tenant, id.value(), note.createdAt, checkedNumber, account, invoice, amount, checkedReason));
        return note;
    }

    /** Restores a credit note exactly as it was stored. */
    public static CreditNote restore(CreditNoteState state) {
        return new CreditNote(Require.notNull(state, "state"));
    }

    /** The complete state, for storage. */
    public CreditNoteState state() {
        return new CreditNoteState(
                tenant(),
                id(),
                version(),
                number,
                account,
                invoice,
                amount,
                issueDate,
                reason,
                List.copyOf(applications),
                createdAt,
                externalRefs);
    }

    /**
     * Applies {@code part} of this credit note to an invoice. Refuses an invoice other than the one the note was
     * issued against (field {@code invoice}) and a part that is not positive, in another currency or more than
     * {@link #unapplied()} (field {@code amount}). Records {@link CreditNoteApplied}.
     */
    public void applyTo(InvoiceId target, Money part, Clock clock) {
        Require.notNull(target, "invoice");
        Require.that(
                invoice == null || invoice.equals(target),
                "invoice",
                "credit note " + number + " was issued against invoice " + invoice + " and cannot settle " + target);
        Require.notNull(part, "amount");
        if (!part.currency().equals(amount.currency())) {
            throw new CurrencyMismatchException("amount", amount.currency(), part.currency());
        }
        Require.that(part.isPositive(), "amount", "must be positive, was " + part);
        Money rest = unapplied();
        if (part.isGreaterThan(rest)) {
            throw InvalidValueException.invalid(
                    "amount", part + " exceeds the unapplied " + rest + " of credit note " + number);
        }
        Instant at = clock.instant();
        applications.add(new CreditApplication(target, part, at));
        record(new CreditNoteApplied(tenant(), id().value(), at, number, target, part, unapplied()));
    }

    /** The amount not yet applied to an invoice. */
    public Money unapplied() {
        return applications.stream().map(CreditApplication::amount).reduce(amount, Money::minus);
    }

    public String number() {
        return number;
    }

    public AccountId account() {
        return account;
    }

    /** The invoice this credit note was issued against, or null for one on the account. */
    public InvoiceId invoice() {
        return invoice;
    }

    public Money amount() {
        return amount;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public String reason() {
        return reason;
    }

    /** Applications, oldest first. */
    public List<CreditApplication> applications() {
        return List.copyOf(applications);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Marks the credit note, before it is first stored, as the one another system knows by the reference (see
     * {@code Billing.recordCreditNote}). A stored credit note's references are fixed: refused with an
     * {@link IllegalTransitionException}.
     */
    public void addExternalRef(ExternalRef ref) {
        Require.notNull(ref, "externalRef");
        if (version() != 0) {
            throw new IllegalTransitionException(
                    "CreditNote " + id() + " is stored; its external references are fixed");
        }
        externalRefs = ExternalRef.adding(externalRefs, ref);
    }

    /** The references of other systems the credit note was recorded with. */
    public List<ExternalRef> externalRefs() {
        return externalRefs;
    }
}
