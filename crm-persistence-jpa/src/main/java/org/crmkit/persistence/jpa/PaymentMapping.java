package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.billing.PaymentState;

/** Payments in {@code crm_payment}. Query columns: the account and the day received. Lookup keys: its external references (unique). */
final class PaymentMapping implements AggregateMapping<PaymentState, PaymentRow> {

    /** Names the lookup keys of its external references ({@code payment.externalRef}). */
    static final String EXTERNAL_REF_RECORD = "payment";

    /** Day received, then id. */
    static final String RECEIVED_ORDER = "r.receivedOn, r.id";

    @Override
    public String recordType() {
        return "Payment";
    }

    @Override
    public Class<PaymentState> stateType() {
        return PaymentState.class;
    }

    @Override
    public Class<PaymentRow> rowType() {
        return PaymentRow.class;
    }

    @Override
    public PaymentRow newRow() {
        return new PaymentRow();
    }

    @Override
    public void writeColumns(PaymentState state, PaymentRow row) {
        row.accountId = state.account().value();
        row.receivedOn = state.receivedOn();
    }

    /** Its references in other systems (see {@link LookupKey#externalRefs}), written when it is first stored. */
    @Override
    public List<LookupKey> lookupKeys(PaymentState state) {
        return LookupKey.externalRefs(EXTERNAL_REF_RECORD, state.externalRefs());
    }
}
