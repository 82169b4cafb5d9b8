package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCaseState;

/**
 * crm-workflow's dunning cases in {@code crm_dunning_case}. Query columns: the account, the status, the group key
 * while the case is open (unique per tenant, so a group has at most one open case), the creation time, the day of
 * the next step and the number of history entries kept as rows. The document holds the state without its history,
 * which {@link DunningCaseRows} keeps in {@code crm_dunning_case_event} (a document stored before schema 27 still
 * holds the entries up to then). No lookup keys.
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
        row.nextStepOn = nextStepOn(state);
        row.historyRows = state.history().size();
    }

    @Override
    public DunningCaseState document(DunningCaseState state) {
        return state.withHistory(List.of());
    }

    /**
     * The case's next step; for an open case with an item it never reconciled (stored before schema 27, with no
     * invoice version), the day it opened, so that the next run evaluates it whatever saved it meanwhile.
     */
    private static LocalDate nextStepOn(DunningCaseState state) {
        if (state.status() == CaseStatus.OPEN
                && state.items().stream().anyMatch(item -> item.invoiceVersion() == null)) {
            return state.openedOn();
        }
        return state.nextStepOn();
    }
}
