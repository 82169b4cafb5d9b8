package org.crmkit.workflow.dunning;

import java.util.List;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceSettlement;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.billing.SettlementKind;

/** What happened in a dunning case; the entries of its audit history. */
public enum CaseEventKind {
    OPENED,
    INVOICE_ADDED,
    LEVEL_REACHED,
    NOTICE_DELIVERED,
    NOTICE_UNDELIVERABLE,
    DELIVERY_FAILED,
    CHANNEL_FALLBACK,
    CALL_QUEUED,
    HANDED_TO_LAWYER,
    CREDIT_HOLD_PLACED,
    CREDIT_HOLD_RELEASED,
    PARTIAL_PAYMENT,
    INVOICE_PAID,
    INVOICE_CREDITED,
    INVOICE_WRITTEN_OFF,
    INVOICE_VOIDED,
    DISPUTED,
    DISPUTE_RESOLVED,
    PROMISE_TO_PAY,
    PROMISE_BROKEN,
    DE_ESCALATED,
    ACTIONS_CANCELLED,
    CLOSED;

    /** Why an invoice left its case: paid, credited, written off or voided (null: gone from the account). */
    static CaseEventKind leaving(Invoice invoice) {
        if (invoice == null || invoice.status() == InvoiceStatus.VOID) {
            return INVOICE_VOIDED;
        }
        if (invoice.status() == InvoiceStatus.WRITTEN_OFF) {
            return INVOICE_WRITTEN_OFF;
        }
        List<InvoiceSettlement> settlements = invoice.settlements();
        boolean lastByCredit = !settlements.isEmpty()
                && settlements.get(settlements.size() - 1).kind() == SettlementKind.CREDIT_NOTE;
        return lastByCredit ? INVOICE_CREDITED : INVOICE_PAID;
    }
}
