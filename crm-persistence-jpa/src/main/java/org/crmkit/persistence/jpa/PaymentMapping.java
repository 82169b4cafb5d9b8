package org.crmkit.persistence.jpa;

import org.crmkit.core.billing.PaymentState;

/** Payments in {@code crm_payment}. Query columns: the account and the day received. No lookup keys. */
final class PaymentMapping implements AggregateMapping<PaymentState, PaymentRow> {

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
}
