package org.crmkit.persistence.jpa;

import org.crmkit.core.lead.LeadState;

/**
 * Leads in {@code crm_lead}. Query columns: the email (normalised) and the phone (E.164), either null, the owner,
 * the status and the capture time. No lookup keys: a lead has at most one email and one phone.
 */
final class LeadMapping implements AggregateMapping<LeadState, LeadRow> {

    /** Capture time, then id. */
    static final String CAPTURE_ORDER = "r.capturedAt, r.id";

    @Override
    public String recordType() {
        return "Lead";
    }

    @Override
    public Class<LeadState> stateType() {
        return LeadState.class;
    }

    @Override
    public Class<LeadRow> rowType() {
        return LeadRow.class;
    }

    @Override
    public LeadRow newRow() {
        return new LeadRow();
    }

    @Override
    public void writeColumns(LeadState state, LeadRow row) {
        row.emailKey = state.details().email() == null ? null : state.details().email().normalized();
        row.phoneKey = state.details().phone() == null ? null : state.details().phone().e164();
        row.ownerId = AggregateMapping.uuid(state.owner());
        row.status = state.status().name();
        row.capturedAt = state.capturedAt();
    }
}
