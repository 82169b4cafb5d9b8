package org.crmkit.persistence.jpa;

import java.util.Arrays;
import java.util.List;
import org.crmkit.core.billing.InvoiceState;
import org.crmkit.core.billing.InvoiceStatus;

/**
 * Invoices in {@code crm_invoice}. Query columns: the number (unique per tenant), the account, the status, the
 * issue date and the due date. Lookup keys: its external references (unique).
 */
final class InvoiceMapping implements AggregateMapping<InvoiceState, InvoiceRow> {

    /** Names the lookup keys of its external references ({@code invoice.externalRef}). */
    static final String EXTERNAL_REF_RECORD = "invoice";

    /** Due date, then number. */
    static final String DUE_ORDER = "r.dueDate, r.number";

    /** Issue date, then number. */
    static final String ISSUE_ORDER = "r.issueDate, r.number";

    /** The statuses of open invoices (issued or partially paid), as stored. */
    static final List<String> OPEN = Arrays.stream(InvoiceStatus.values())
            .filter(InvoiceStatus::isOpen)
            .map(InvoiceStatus::name)
            .toList();

    @Override
    public String recordType() {
        return "Invoice";
    }

    @Override
    public Class<InvoiceState> stateType() {
        return InvoiceState.class;
    }

    @Override
    public Class<InvoiceRow> rowType() {
        return InvoiceRow.class;
    }

    @Override
    public InvoiceRow newRow() {
        return new InvoiceRow();
    }

    @Override
    public void writeColumns(InvoiceState state, InvoiceRow row) {
        row.number = state.number();
        row.accountId = state.account().value();
        row.status = state.status().name();
        row.issueDate = state.issueDate();
        row.dueDate = state.dueDate();
    }

    /** Its references in other systems (see {@link LookupKey#externalRefs}), written when it is first stored. */
    @Override
    public List<LookupKey> lookupKeys(InvoiceState state) {
        return LookupKey.externalRefs(EXTERNAL_REF_RECORD, state.externalRefs());
    }
}
