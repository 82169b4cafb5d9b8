package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.lead.LeadState;
import org.crmkit.core.party.Account;

/**
 * Leads in {@code crm_lead}. Query columns: the email (normalised) and the phone (E.164), either null, the owner,
 * the status and the capture time. Lookup key: the company name in {@link Account#normalizeName normal form}, when
 * the lead has one (a key rather than a column, so that the lookup came without a change to {@code crm_lead}).
 */
final class LeadMapping implements AggregateMapping<LeadState, LeadRow> {

    static final String COMPANY_NAME = "lead.company";

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
        row.emailKey =
                state.details().email() == null ? null : state.details().email().normalized();
        row.phoneKey =
                state.details().phone() == null ? null : state.details().phone().e164();
        row.ownerId = AggregateMapping.uuid(state.owner());
        row.status = state.status().name();
        row.capturedAt = state.capturedAt();
    }

    @Override
    public List<LookupKey> lookupKeys(LeadState state) {
        String companyName = state.details().companyName();
        return companyName == null
                ? List.of()
                : List.of(LookupKey.of(COMPANY_NAME, Account.normalizeName(companyName)));
    }
}
