package org.crmkit.core.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * An invoice as the CRM sees it (usually fed from the host's ERP): what an account owes, when, and how much of it
 * is settled. Dunning reads {@link #balanceDue()} and {@link #daysOverdue(LocalDate)}; RFM and lifetime value read
 * the issued totals.
 *
 * <p>Amounts: every line is in the invoice's currency; a line's net is quantity × unit price rounded to the minor
 * unit; the tax is computed per tax rate on the sum of the nets of that rate and rounded to the minor unit (the
 * usual rule for VAT invoices); {@link #total()} is net plus tax. {@link #balanceDue()} is the total minus every
 * payment allocation and credit note applied, minus a written-off rest; a voided invoice owes nothing.
 *
 * <p>Life: created as a {@link InvoiceStatus#DRAFT}, {@link #issue issued}, then settled in parts until
 * {@link InvoiceStatus#PAID}. An invoice with nothing settled may be {@link #voidInvoice voided}; an open one may be
 * {@link #writeOff written off}. Not thread-safe.
 */
public final class Invoice extends AggregateRoot<InvoiceId> {

    private final String number;
    private final AccountId account;
    private final LocalDate issueDate;
    private final LocalDate dueDate;
    private final Currency currency;
    private final List<InvoiceLine> lines;
    private final List<InvoiceSettlement> settlements;
    private final Instant createdAt;
    private InvoiceStatus status;
    private Money writtenOff;
    private String statusReason;
    private Instant issuedAt;
    private List<ExternalRef> externalRefs;

    private Invoice(InvoiceState s) {
        super(s.tenant(), s.id(), s.version());
        this.number = s.number();
        this.account = s.account();
        this.issueDate = s.issueDate();
        this.dueDate = s.dueDate();
        this.currency = s.currency();
        this.lines = List.copyOf(s.lines());
        this.settlements = new ArrayList<>(s.settlements());
        this.createdAt = s.createdAt();
        this.status = s.status();
        this.writtenOff = s.writtenOff();
        this.statusReason = s.statusReason();
        this.issuedAt = s.issuedAt();
        this.externalRefs = s.externalRefs();
    }

    /**
     * A new draft invoice. {@code number} is unique per tenant (the repository refuses a duplicate), the due date
     * may not lie before the issue date, there is at least one line and every line is in {@code currency} (a line
     * in another currency is refused with a {@link CurrencyMismatchException} naming {@code lines[i].unitPrice}).
     */
    public static Invoice draft(
            TenantId tenant,
            InvoiceId id,
            String number,
            AccountId account,
            LocalDate issueDate,
            LocalDate dueDate,
            Currency currency,
            List<InvoiceLine> lines,
            Clock clock) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        String checkedNumber = checkNumber(number);
        Require.notNull(account, "account");
        Require.notNull(issueDate, "issueDate");
        Require.notNull(dueDate, "dueDate");
        Require.that(
                !dueDate.isBefore(issueDate),
                "dueDate",
                "must not be before the issue date " + issueDate + ", was " + dueDate);
        Money.zero(Require.notNull(currency, "currency"));
        List<InvoiceLine> checkedLines = Require.noNulls(lines, "lines");
        Require.that(!checkedLines.isEmpty(), "lines", "must contain at least one line");
        for (int i = 0; i < checkedLines.size(); i++) {
            Currency lineCurrency = checkedLines.get(i).unitPrice().currency();
            if (!lineCurrency.equals(currency)) {
                throw new CurrencyMismatchException("lines[" + i + "].unitPrice", currency, lineCurrency);
            }
        }
        Require.notNull(clock, "clock");
        return new Invoice(new InvoiceState(
                tenant,
                id,
                0,
                checkedNumber,
                account,
                issueDate,
                dueDate,
                currency,
                checkedLines,
                InvoiceStatus.DRAFT,
                List.of(),
                null,
                null,
                clock.instant(),
                null,
                List.of()));
    }

    /** Restores an invoice exactly as it was stored. */
    public static Invoice restore(InvoiceState state) {
        return new Invoice(Require.notNull(state, "state"));
    }

    /** The complete state, for storage. */
    public InvoiceState state() {
        return new InvoiceState(
                tenant(),
                id(),
                version(),
                number,
                account,
                issueDate,
                dueDate,
                currency,
                lines,
                status,
                List.copyOf(settlements),
                writtenOff,
                statusReason,
                createdAt,
                issuedAt,
                externalRefs);
    }

    static String checkNumber(String number) {
        return Require.maxLength(Require.notBlank(number, "number"), 64, "number");
    }

    /** Issues a draft: from now on it is owed. Records {@link InvoiceIssued}. */
    public void issue(Clock clock) {
        requireStatus(InvoiceStatus.ISSUED, InvoiceStatus.DRAFT);
        status = InvoiceStatus.ISSUED;
        issuedAt = clock.instant();
        record(new InvoiceIssued(tenant(), id().value(), issuedAt, number, account, total(), issueDate, dueDate));
    }

    /**
     * Settles {@code amount} of this open invoice with a payment. Refuses an amount that is not positive, not in the
     * invoice's currency or more than the balance due (field {@code amount}). Records {@link InvoicePaid} when the
     * balance reaches zero.
     */
    public void applyPayment(PaymentId payment, Money amount, Clock clock) {
        Require.notNull(payment, "payment");
        settle(InvoiceSettlement.payment(payment, checkSettlementAmount(amount), clock.instant()));
    }

    /** Settles {@code amount} with a credit note; the same rules as {@link #applyPayment}. */
    public void applyCreditNote(CreditNoteId creditNote, Money amount, Clock clock) {
        Require.notNull(creditNote, "creditNote");
        settle(InvoiceSettlement.creditNote(creditNote, checkSettlementAmount(amount), clock.instant()));
    }

    private Money checkSettlementAmount(Money amount) {
        Require.notNull(amount, "amount");
        if (!amount.currency().equals(currency)) {
            throw new CurrencyMismatchException("amount", currency, amount.currency());
        }
        Require.that(amount.isPositive(), "amount", "must be positive, was " + amount);
        Require.that(amount.isInMinorUnits(), "amount", "must be in the minor unit of " + currency + ", was " + amount);
        return amount;
    }

    private void settle(InvoiceSettlement settlement) {
        if (!status.isOpen()) {
            throw new IllegalTransitionException("Invoice " + number + " is " + status + " and cannot be settled");
        }
        Money balance = balanceDue();
        if (settlement.amount().isGreaterThan(balance)) {
            throw InvalidValueException.invalid(
                    "amount", settlement.amount() + " exceeds the balance due " + balance + " of invoice " + number);
        }
        settlements.add(settlement);
        if (balanceDue().isZero()) {
            status = InvoiceStatus.PAID;
            record(new InvoicePaid(tenant(), id().value(), settlement.settledAt(), number, account, total()));
        } else {
            status = InvoiceStatus.PARTIALLY_PAID;
        }
    }

    /**
     * Cancels a draft or issued invoice on which nothing was settled; it owes nothing afterwards. Records
     * {@link InvoiceVoided} (a draft is voided silently: it was never owed).
     */
    public void voidInvoice(String reason, Clock clock) {
        String checkedReason = Require.maxLength(Require.notBlank(reason, "reason"), 500, "reason");
        requireStatus(InvoiceStatus.VOID, InvoiceStatus.DRAFT, InvoiceStatus.ISSUED);
        boolean wasIssued = status == InvoiceStatus.ISSUED;
        status = InvoiceStatus.VOID;
        statusReason = checkedReason;
        if (wasIssued) {
            record(new InvoiceVoided(tenant(), id().value(), clock.instant(), number, account, checkedReason));
        }
    }

    /** Gives up the balance due of an open invoice as uncollectable. Records {@link InvoiceWrittenOff}. */
    public void writeOff(String reason, Clock clock) {
        String checkedReason = Require.maxLength(Require.notBlank(reason, "reason"), 500, "reason");
        requireStatus(InvoiceStatus.WRITTEN_OFF, InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID);
        Money rest = balanceDue();
        writtenOff = rest;
        status = InvoiceStatus.WRITTEN_OFF;
        statusReason = checkedReason;
        record(new InvoiceWrittenOff(tenant(), id().value(), clock.instant(), number, account, rest, checkedReason));
    }

    private void requireStatus(InvoiceStatus target, InvoiceStatus... allowed) {
        for (InvoiceStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalTransitionException("Invoice " + number, status, target);
    }

    /** Sum of the lines' nets. */
    public Money net() {
        Money sum = Money.zero(currency);
        for (InvoiceLine line : lines) {
            sum = sum.plus(line.net());
        }
        return sum;
    }

    /** Tax per rate, each rounded half-even to the minor unit, by rate in ascending order. */
    public Map<BigDecimal, Money> taxByRate() {
        Map<BigDecimal, Money> netByRate = new TreeMap<>();
        for (InvoiceLine line : lines) {
            netByRate.merge(line.taxRatePercent().stripTrailingZeros(), line.net(), Money::plus);
        }
        Map<BigDecimal, Money> tax = new TreeMap<>();
        netByRate.forEach(
                (rate, net) -> tax.put(rate, net.times(rate.movePointLeft(2)).rounded(RoundingMode.HALF_EVEN)));
        return Map.copyOf(tax);
    }

    /** Sum of the tax of every rate. */
    public Money tax() {
        return taxByRate().values().stream().reduce(Money.zero(currency), Money::plus);
    }

    /** Net plus tax, in the minor unit. */
    public Money total() {
        return net().plus(tax());
    }

    /** Sum of the payment allocations. */
    public Money paid() {
        return settled(SettlementKind.PAYMENT);
    }

    /** Sum of the credit notes applied. */
    public Money credited() {
        return settled(SettlementKind.CREDIT_NOTE);
    }

    private Money settled(SettlementKind kind) {
        return settlements.stream()
                .filter(s -> s.kind() == kind)
                .map(InvoiceSettlement::amount)
                .reduce(Money.zero(currency), Money::plus);
    }

    /** What is still owed: total − payments − credit notes − a written-off rest; zero when voided. */
    public Money balanceDue() {
        if (status == InvoiceStatus.VOID) {
            return Money.zero(currency);
        }
        Money balance = total().minus(paid()).minus(credited());
        return writtenOff == null ? balance : balance.minus(writtenOff);
    }

    /** Days past the due date as of {@code asOf} for an open invoice; 0 when not yet due or not open. */
    public long daysOverdue(LocalDate asOf) {
        Require.notNull(asOf, "asOf");
        return isOverdue(asOf) ? ChronoUnit.DAYS.between(dueDate, asOf) : 0;
    }

    /** Whether the invoice is open and {@code asOf} lies after its due date. */
    public boolean isOverdue(LocalDate asOf) {
        Require.notNull(asOf, "asOf");
        return status.isOpen() && asOf.isAfter(dueDate);
    }

    public String number() {
        return number;
    }

    public AccountId account() {
        return account;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public Currency currency() {
        return currency;
    }

    public List<InvoiceLine> lines() {
        return lines;
    }

    /** Every settlement, oldest first. */
    public List<InvoiceSettlement> settlements() {
        return List.copyOf(settlements);
    }

    public InvoiceStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** The reason given for a void or write-off; null otherwise. */
    public String statusReason() {
        return statusReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the invoice was issued; null for a draft. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /**
     * Marks the invoice, before it is first stored, as the one another system knows by the reference (see
     * {@code Billing.recordInvoice}). A stored invoice's references are fixed: refused with an
     * {@link IllegalTransitionException}.
     */
    public void addExternalRef(ExternalRef ref) {
        Require.notNull(ref, "externalRef");
        if (version() != 0) {
            throw new IllegalTransitionException("Invoice " + id() + " is stored; its external references are fixed");
        }
        externalRefs = ExternalRef.adding(externalRefs, ref);
    }

    /** The references of other systems the invoice was recorded with. */
    public List<ExternalRef> externalRefs() {
        return externalRefs;
    }
}
