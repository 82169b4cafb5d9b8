package org.crmkit.persistence.jpa;

import java.util.Arrays;
import java.util.List;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.core.service.ServiceCaseState;

/**
 * Service cases in {@code crm_case}. Query columns: the account, the contact, the assignee, the status, the opening time, and
 * the service-level times (first response due and given, resolution due and reached) that decide a breach. No
 * lookup keys.
 */
final class CaseMapping implements AggregateMapping<ServiceCaseState, CaseRow> {

    /** Resolution due time, then id. */
    static final String RESOLUTION_DUE_ORDER = "r.resolutionDueAt, r.id";

    /** Newest first by opening time, then descending id. */
    static final String NEWEST_FIRST = "r.openedAt desc, r.id desc";

    /** The statuses of open cases, as stored. */
    static final List<String> OPEN = Arrays.stream(CaseStatus.values())
            .filter(CaseStatus::isOpen)
            .map(CaseStatus::name)
            .toList();

    @Override
    public String recordType() {
        return "ServiceCase";
    }

    @Override
    public Class<ServiceCaseState> stateType() {
        return ServiceCaseState.class;
    }

    @Override
    public Class<CaseRow> rowType() {
        return CaseRow.class;
    }

    @Override
    public CaseRow newRow() {
        return new CaseRow();
    }

    @Override
    public void writeColumns(ServiceCaseState state, CaseRow row) {
        row.accountId = AggregateMapping.uuid(state.account());
        row.contactId = AggregateMapping.uuid(state.contact());
        row.assigneeId = AggregateMapping.uuid(state.assignee());
        row.status = state.status().name();
        row.openedAt = state.openedAt();
        row.firstResponseDueAt = state.firstResponseDueAt();
        row.firstRespondedAt = state.firstRespondedAt();
        row.resolutionDueAt = state.resolutionDueAt();
        row.resolvedAt = state.resolvedAt();
    }
}
