package org.crmkit.persistence.jpa;

import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCaseState;

/**
 * crm-workflow's dunning cases in {@code crm_dunning_case}. Query columns: the account, the status, the group key
 * while the case is open (unique per tenant, so a group has at most one open case) and the creation time. No
 * lookup keys.
 */
final class DunningCaseMapping implements AggregateMapping<DunningCaseState, DunningCaseRow> {

    /** Oldest first, then id. */
    static final String OLDEST_FIRST = "r.createdAt, r.id";

    @Override
    public boolean inChangeFeed() {
        return false;
    }

    @Override
    public String recordType() {
        return "DunningCase";
    }

    @Override
    public Class<DunningCaseState> stateType() {
        return DunningCaseState.class;
    }

    @Override
    public Class<DunningCaseRow> rowType() {
        return DunningCaseRow.class;
    }

    @Override
    public DunningCaseRow newRow() {
        return new DunningCaseRow();
    }

    @Override
    public boolean hasLookupKeys() {
        return false;
    }

    @Override
    public void writeColumns(DunningCaseState state, DunningCaseRow row) {
        row.accountId = state.account().value();
        row.status = state.status().name();
        row.openGroupKey = state.status() == CaseStatus.OPEN ? state.groupKey() : null;
        row.createdAt = state.createdAt();
    }
}
