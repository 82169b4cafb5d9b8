package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.time.YearMonth;
import org.crmkit.core.sales.QuotaState;

/**
 * Quotas in {@code crm_quota}. Query columns: the holder (a user or a team, the other column null) and the first and
 * last month of the period, each as its first day. No lookup keys.
 */
final class QuotaMapping implements AggregateMapping<QuotaState, QuotaRow> {

    /** First month, then last month, then id. */
    static final String PERIOD_ORDER = "r.firstMonth, r.lastMonth, r.id";

    @Override
    public String recordType() {
        return "Quota";
    }

    @Override
    public Class<QuotaState> stateType() {
        return QuotaState.class;
    }

    @Override
    public Class<QuotaRow> rowType() {
        return QuotaRow.class;
    }

    @Override
    public QuotaRow newRow() {
        return new QuotaRow();
    }

    @Override
    public void writeColumns(QuotaState state, QuotaRow row) {
        row.holderUserId = AggregateMapping.uuid(state.holder().user());
        row.holderTeamId = AggregateMapping.uuid(state.holder().team());
        row.firstMonth = month(state.period().first());
        row.lastMonth = month(state.period().last());
    }

    static LocalDate month(YearMonth month) {
        return month.atDay(1);
    }
}
