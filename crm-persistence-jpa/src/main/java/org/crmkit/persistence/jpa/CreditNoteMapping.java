package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.billing.CreditNoteState;

/**
 * Credit notes in {@code crm_credit_note}. Query columns: the number (unique per tenant), the account, the invoice
 * it was issued against (if any) and the issue date. Lookup keys: its external references (unique).
 */
final class CreditNoteMapping implements AggregateMapping<CreditNoteState, CreditNoteRow> {

    /** Names the lookup keys of its external references ({@code creditNote.externalRef}). */
    static final String EXTERNAL_REF_RECORD = "creditNote";

    /** Issue date, then number. */
    static final String ISSUE_ORDER = "r.issueDate, r.number";

    @Override
    public String recordType() {
        return "CreditNote";
    }

    @Override
    public Class<CreditNoteState> stateType() {
        return CreditNoteState.class;
    }

    @Override
    public Class<CreditNoteRow> rowType() {
        return CreditNoteRow.class;
    }

    @Override
    public CreditNoteRow newRow() {
        return new CreditNoteRow();
    }

    @Override
    public void writeColumns(CreditNoteState state, CreditNoteRow row) {
        row.number = state.number();
        row.accountId = state.account().value();
        row.invoiceId = AggregateMapping.uuid(state.invoice());
        row.issueDate = state.issueDate();
    }

    /** Its references in other systems (see {@link LookupKey#externalRefs}), written when it is first stored. */
    @Override
    public List<LookupKey> lookupKeys(CreditNoteState state) {
        return LookupKey.externalRefs(EXTERNAL_REF_RECORD, state.externalRefs());
    }
}
