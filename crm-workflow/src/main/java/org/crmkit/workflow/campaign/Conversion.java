package org.crmkit.workflow.campaign;

import java.time.Instant;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityStatus;

/**
 * Revenue that campaigns may be credited with: a won opportunity or a paid invoice, the contact it came from, when
 * it happened, its revenue and its margin (revenue minus the cost of what was sold, which the host knows; crmkit keeps
 * no cost of goods), both in one currency.
 */
public record Conversion(RecordRef source, ContactId contact, Instant at, Money revenue, Money margin) {

    public Conversion {
        Require.notNull(source, "source");
        Require.that(
                source.type() == RecordType.OPPORTUNITY || source.type() == RecordType.INVOICE,
                "source",
                "must be an opportunity or an invoice, was a " + source.type());
        Require.notNull(contact, "contact");
        Require.notNull(at, "at");
        Require.notNull(revenue, "revenue");
        Require.notNull(margin, "margin");
        if (!revenue.currency().equals(margin.currency())) {
            throw new CurrencyMismatchException(revenue.currency(), margin.currency());
        }
    }

    /**
     * A won opportunity: its primary contact, its closing time and its amount as revenue. An opportunity that is not
     * won or has no primary contact is refused (field {@code deal}).
     */
    public static Conversion wonDeal(Opportunity deal, Money margin) {
        Require.notNull(deal, "deal");
        Require.that(deal.status() == OpportunityStatus.WON, "deal", "must be won, is " + deal.status());
        Require.that(deal.primaryContact() != null, "deal", "must have a primary contact to attribute it");
        return new Conversion(
                RecordRef.opportunity(deal.id()), deal.primaryContact(), deal.closedAt(), deal.amount(), margin);
    }

    /**
     * A paid invoice: the contact the host credits it to, when it was paid, and its net amount (without tax) as
     * revenue. An invoice that is not PAID is refused (field {@code invoice}).
     */
    public static Conversion paidInvoice(Invoice invoice, ContactId contact, Instant paidAt, Money margin) {
        Require.notNull(invoice, "invoice");
        Require.that(invoice.status() == InvoiceStatus.PAID, "invoice", "must be paid, is " + invoice.status());
        return new Conversion(RecordRef.invoice(invoice.id()), contact, paidAt, invoice.net(), margin);
    }
}
