package org.crmkit.core.billing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateRoot;
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
 * Money received from an account. A payment may be split over several invoices ({@link #allocate}); the
 * allocations never add up to more than the payment's amount, and what is left is visible as
 * {@link #unallocated()} (a prepayment or an overpayment that may be allocated later). That an allocation is not
 * more than the invoice's balance is the invoice's rule ({@link Invoice#applyPayment}); the {@code Billing} service
 * changes both in one transaction. Not thread-safe.
 */
public final class Payment extends AggregateRoot<PaymentId> {

    private final AccountId account;
    private final Money amount;
    private final LocalDate receivedOn;
    private final PaymentMethod method;
    private final String reference;
    private final List<PaymentAllocation> allocations;
    private final Instant recordedAt;
    private List<ExternalRef> externalRefs;

    private Payment(PaymentState s) {
        super(s.tenant(), s.id(), s.version());
        this.account = s.account();
        this.amount = s.amount();
        this.receivedOn = s.receivedOn();
        this.method = s.method();
        this.reference = s.reference();
        this.allocations = new ArrayList<>(s.allocations());
        this.recordedAt = s.recordedAt();
        this.externalRefs = s.externalRefs();
    }

    /**
     * A payment of {@code amount} (positive, in the currency's minor unit) received on {@code receivedOn};
     * {@code reference} (the bank's or the host's reference) is optional. Records {@link PaymentReceived}.
     */
    public static Payment receive(
            TenantId tenant,
            PaymentId id,
            AccountId account,
            Money amount,
            LocalDate receivedOn,
            PaymentMethod method,
            String reference,
            Clock clock) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(account, "account");
        Require.notNull(amount, "amount");
        Require.that(amount.isPositive(), "amount", "must be positive, was " + amount);
        Require.that(amount.isInMinorUnits(), "amount", "must be in the minor unit of its currency, was " + amount);
        Require.notNull(receivedOn, "receivedOn");
        Require.notNull(method, "method");
        String checkedReference = Require.maxLength(Require.optional(reference), 200, "reference");
        Payment payment = new Payment(new PaymentState(
                tenant,
                id,
                0,
                account,
                amount,
                receivedOn,
                method,
                checkedReference,
                List.of(),
                clock.instant(),
                List.of()));
        payment.record(new PaymentReceived(
                tenant, id.value(), payment.recordedAt, account, amount, receivedOn, method, checkedReference));
        return payment;
    }

    /** Restores a payment exactly as it was stored. */
    public static Payment restore(PaymentState state) {
        return new Payment(Require.notNull(state, "state"));
    }

    /** The complete state, for storage. */
    public PaymentState state() {
        return new PaymentState(
                tenant(),
                id(),
                version(),
                account,
                amount,
                receivedOn,
                method,
                reference,
                List.copyOf(allocations),
                recordedAt,
                externalRefs);
    }

    /**
     * Allocates {@code part} of this payment to an invoice. Refuses (field {@code amount}) a part that is not
     * positive, not in the payment's currency or more than {@link #unallocated()}. Records {@link PaymentAllocated}.
     */
    public void allocate(InvoiceId invoice, Money part, Clock clock) {
        Require.notNull(invoice, "invoice");
        Require.notNull(part, "amount");
        if (!part.currency().equals(amount.currency())) {
            throw new CurrencyMismatchException("amount", amount.currency(), part.currency());
        }
        Require.that(part.isPositive(), "amount", "must be positive, was " + part);
        Money rest = unallocated();
        if (part.isGreaterThan(rest)) {
            throw InvalidValueException.invalid(
                    "amount", part + " exceeds the unallocated " + rest + " of the payment");
        }
        Instant at = clock.instant();
        allocations.add(new PaymentAllocation(invoice, part, at));
        record(new PaymentAllocated(tenant(), id().value(), at, account, invoice, part, unallocated()));
    }

    /** Sum of all allocations. */
    public Money allocated() {
        return allocations.stream().map(PaymentAllocation::amount).reduce(Money.zero(amount.currency()), Money::plus);
    }

    /** The amount not yet allocated to any invoice. */
    public Money unallocated() {
        return amount.minus(allocated());
    }

    public AccountId account() {
        return account;
    }

    public Money amount() {
        return amount;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public PaymentMethod method() {
        return method;
    }

    /** The payment's reference, or null. */
    public String reference() {
        return reference;
    }

    /** Allocations, oldest first. */
    public List<PaymentAllocation> allocations() {
        return List.copyOf(allocations);
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    /**
     * Marks the payment, before it is first stored, as the one another system knows by the reference (see
     * {@code Billing.recordPayment}). A stored payment's references are fixed: refused with an
     * {@link IllegalTransitionException}.
     */
    public void addExternalRef(ExternalRef ref) {
        Require.notNull(ref, "externalRef");
        if (version() != 0) {
            throw new IllegalTransitionException("Payment " + id() + " is stored; its external references are fixed");
        }
        externalRefs = ExternalRef.adding(externalRefs, ref);
    }

    /** The references of other systems the payment was recorded with. */
    public List<ExternalRef> externalRefs() {
        return externalRefs;
    }
}
