package org.crmkit.analytics.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.crmkit.analytics.AnalyticsException;
import org.crmkit.analytics.PurchaseRecord;
import org.crmkit.core.Billing;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * Purchase records from crm-core billing, for the calculators (which do not know crm-core): from invoices or
 * payments the host hands over, or read straight from {@link Billing} for a period across all accounts. The customer
 * of a record is the account's id ({@code AccountId.value().toString()}). Use one source, paid invoices or payments,
 * not both: a paid invoice and the payment that paid it are the same purchase.
 *
 * <p>The records come sorted by date (then customer, then the order given), as the summarizer needs them. All
 * invoices or payments must be in one currency: a second currency is refused with an {@link AnalyticsException}
 * naming {@code currency} and the document, as analytics never adds amounts in different currencies. Stateless.
 */
public final class BillingPurchases {

    /** Invoices or payments read from billing at a time. */
    private static final int BATCH = 500;

    private static final Comparator<PurchaseRecord> BY_DATE_THEN_CUSTOMER =
            Comparator.comparing(PurchaseRecord::date).thenComparing(PurchaseRecord::customerId);

    private BillingPurchases() {}

    /**
     * One purchase per {@link InvoiceStatus#PAID paid} invoice, on its issue date, worth the invoice's revenue: its
     * net amount (tax is not revenue) times the share of its total that was paid with money rather than settled by
     * credit notes, rounded half-even to the currency's minor unit. So an invoice of 100 net + 19 tax paid in full
     * is a purchase of 100, and one whose 119 were half credited is a purchase of 50. Invoices in any other status
     * (draft, open, partly paid, void, written off) are not purchases (yet) and are left out.
     */
    public static List<PurchaseRecord> fromPaidInvoices(Iterable<Invoice> invoices) {
        Require.notNull(invoices, "invoices");
        Purchases purchases = new Purchases();
        invoices.forEach(purchases::addPaidInvoice);
        return purchases.sorted();
    }

    /**
     * One purchase per line of each {@link InvoiceStatus#PAID paid} invoice, on the invoice's issue date, with the
     * line's product ({@link org.crmkit.core.billing.InvoiceLine#productCode()}, null where the line names none) and
     * cost of goods (quantity × unit cost, null where unknown): what customer x product profitability (the margin
     * matrix of {@link org.crmkit.analytics.Profitability}) reads. The lines share the invoice's revenue as
     * {@link #fromPaidInvoices(Iterable)} counts it, each in proportion to its net amount rounded half-even to the
     * minor unit, the largest line taking what rounding left, so that the lines of an invoice add up to its purchase
     * exactly. A credit note lowers the revenue of the lines, not the cost of the goods delivered.
     */
    public static List<PurchaseRecord> linesOfPaidInvoices(Iterable<Invoice> invoices) {
        Require.notNull(invoices, "invoices");
        Purchases purchases = new Purchases();
        invoices.forEach(purchases::addPaidInvoiceLines);
        return purchases.sorted();
    }

    /**
     * {@link #linesOfPaidInvoices(Iterable)} of every account's invoices issued from {@code from} to {@code to} (both
     * inclusive) and paid, read from billing a batch at a time as {@link #fromPaidInvoices(Billing, LocalDate,
     * LocalDate)} reads them.
     */
    public static List<PurchaseRecord> linesOfPaidInvoices(Billing billing, LocalDate from, LocalDate to) {
        return paidInvoiceLines(billing, from, to).sorted();
    }

    /** The purchases of {@link #linesOfPaidInvoices(Billing, LocalDate, LocalDate)} with their currency. */
    static Purchases paidInvoiceLines(Billing billing, LocalDate from, LocalDate to) {
        return paidInvoices(billing, from, to, Purchases::addPaidInvoiceLines);
    }

    /** Hands every paid invoice issued in the period to {@code add}, a batch at a time, and returns the purchases. */
    private static Purchases paidInvoices(
            Billing billing, LocalDate from, LocalDate to, BiConsumer<Purchases, Invoice> add) {
        Require.notNull(billing, "billing");
        Set<InvoiceStatus> paid = Set.of(InvoiceStatus.PAID);
        Purchases purchases = new Purchases();
        BillingPurchases.<Invoice>inBatches(
                after -> billing.invoicesIssuedBetween(from, to, paid, after, BATCH),
                invoice -> add.accept(purchases, invoice));
        return purchases;
    }

    /**
     * One purchase per payment, on the day it was received, worth the amount received: for hosts that record what
     * customers pay without issuing invoices in the CRM (shops, cash sales). Amounts include whatever tax the
     * customer paid.
     */
    public static List<PurchaseRecord> fromPayments(Iterable<Payment> payments) {
        Require.notNull(payments, "payments");
        Purchases purchases = new Purchases();
        payments.forEach(purchases::addPayment);
        return purchases.sorted();
    }

    /**
     * {@link #fromPaidInvoices(Iterable)} of every account's invoices issued from {@code from} to {@code to} (both
     * inclusive) and paid, read from billing across accounts a batch at a time ({@link
     * Billing#invoicesIssuedBetween}), so that only the purchase records are held, not the invoices.
     */
    public static List<PurchaseRecord> fromPaidInvoices(Billing billing, LocalDate from, LocalDate to) {
        return paidInvoices(billing, from, to, Purchases::addPaidInvoice).sorted();
    }

    /**
     * {@link #fromPayments(Iterable)} of every account's payments received from {@code from} to {@code to} (both
     * inclusive), read from billing across accounts a batch at a time ({@link Billing#paymentsReceivedBetween}).
     */
    public static List<PurchaseRecord> fromPayments(Billing billing, LocalDate from, LocalDate to) {
        Require.notNull(billing, "billing");
        Purchases purchases = new Purchases();
        inBatches(after -> billing.paymentsReceivedBetween(from, to, after, BATCH), purchases::addPayment);
        return purchases.sorted();
    }

    /**
     * Hands every item of a keyset query to {@code each}, a batch at a time: the next batch is the one after the last
     * item of the batch before (null: the first); a batch shorter than {@link #BATCH} is the last.
     */
    private static <T> void inBatches(Function<T, List<T>> batchAfter, Consumer<T> each) {
        List<T> batch = batchAfter.apply(null);
        batch.forEach(each);
        while (batch.size() == BATCH) {
            batch = batchAfter.apply(batch.get(batch.size() - 1));
            batch.forEach(each);
        }
    }

    /** The purchase records of one source, all in its first document's currency. */
    static final class Purchases {

        private final List<PurchaseRecord> records = new ArrayList<>();
        private Currency currency;

        /** A paid invoice is a purchase of its revenue; an invoice in another status is none. */
        void addPaidInvoice(Invoice invoice) {
            if (invoice.status() != InvoiceStatus.PAID) {
                return;
            }
            currency = sameCurrency(currency, invoice.currency(), "invoice " + invoice.number());
            records.add(
                    PurchaseRecord.of(customerOf(invoice), invoice.issueDate(), paidShareOf(invoice, invoice.net())));
        }

        /** A paid invoice is a purchase per line, the lines sharing the invoice's revenue; other invoices are none. */
        void addPaidInvoiceLines(Invoice invoice) {
            if (invoice.status() != InvoiceStatus.PAID) {
                return;
            }
            currency = sameCurrency(currency, invoice.currency(), "invoice " + invoice.number());
            List<InvoiceLine> lines = invoice.lines();
            BigDecimal[] revenues = new BigDecimal[lines.size()];
            BigDecimal left = paidShareOf(invoice, invoice.net());
            int largest = 0;
            for (int i = 0; i < lines.size(); i++) {
                revenues[i] = paidShareOf(invoice, lines.get(i).net());
                left = left.subtract(revenues[i]);
                if (revenues[i].compareTo(revenues[largest]) > 0) {
                    largest = i;
                }
            }
            // what rounding left (a few minor units at most) goes to the largest line, which cannot go negative by it
            revenues[largest] = revenues[largest].add(left);
            for (int i = 0; i < lines.size(); i++) {
                InvoiceLine line = lines.get(i);
                records.add(PurchaseRecord.of(
                        customerOf(invoice),
                        invoice.issueDate(),
                        revenues[i],
                        line.cost().map(Money::amount).orElse(null),
                        line.productCode()));
            }
        }

        /**
         * The invoice's revenue in {@code net}: net times the share of the invoice's total paid with money rather
         * than settled by credit notes, rounded half-even to the minor unit.
         */
        private BigDecimal paidShareOf(Invoice invoice, Money net) {
            BigDecimal total = invoice.total().amount();
            return total.signum() == 0
                    ? BigDecimal.ZERO
                    : net.amount()
                            .multiply(invoice.paid().amount())
                            .divide(total, currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
        }

        private static String customerOf(Invoice invoice) {
            return invoice.account().value().toString();
        }

        void addPayment(Payment payment) {
            currency = sameCurrency(currency, payment.amount().currency(), "payment " + payment.id());
            records.add(PurchaseRecord.of(
                    payment.account().value().toString(),
                    payment.receivedOn(),
                    payment.amount().amount()));
        }

        /** The currency of every record; null when there is none. */
        Currency currency() {
            return currency;
        }

        List<PurchaseRecord> sorted() {
            records.sort(BY_DATE_THEN_CUSTOMER);
            return records;
        }
    }

    static Currency sameCurrency(Currency first, Currency next, String document) {
        if (first != null && !first.equals(next)) {
            throw AnalyticsException.of(
                    AnalyticsException.Reason.INVALID_ARGUMENT,
                    "currency",
                    document + " is in "
                            + next.getCurrencyCode() + " but the ones before it are in " + first.getCurrencyCode()
                            + "; analyse one currency at a time");
        }
        return next;
    }
}
