package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.sales.OpportunityState;

/**
 * Opportunities in {@code crm_opportunity}. Query columns: the owner, account, pipeline and current stage, the
 * status, the expected close date, the same date for ordering ({@link #NO_CLOSE_DATE} when there is none, so
 * that such deals come last), the creation time, and what a forecast sums: the amount (null without one), its
 * currency, the probability override and the close time. Lookup keys: its external references (unique).
 */
final class OpportunityMapping implements AggregateMapping<OpportunityState, OpportunityRow> {

    /** Names the lookup keys of its external references ({@code opportunity.externalRef}). */
    static final String EXTERNAL_REF_RECORD = "opportunity";

    /** Expected close date (deals without one last), then id. */
    static final String CLOSE_ORDER = "r.closeOrder, r.id";

    /** Creation time, then id. */
    static final String CREATION_ORDER = "r.createdAt, r.id";

    /** Where a deal without an expected close date sorts: after every real date, and storable by every database. */
    static final LocalDate NO_CLOSE_DATE = LocalDate.of(9999, 12, 31);

    /** The first and last day PostgreSQL's {@code date} holds (4713 BC and 5874897 AD); H2 holds more. */
    private static final LocalDate FIRST_STORABLE_DAY = LocalDate.of(-4712, 1, 1);

    private static final LocalDate LAST_STORABLE_DAY = LocalDate.of(5_874_897, 12, 31);

    /** The day as a query bound the database takes: days beyond what a column can hold become its limits. */
    static LocalDate bound(LocalDate day) {
        return day.isBefore(FIRST_STORABLE_DAY)
                ? FIRST_STORABLE_DAY
                : day.isAfter(LAST_STORABLE_DAY) ? LAST_STORABLE_DAY : day;
    }

    @Override
    public String recordType() {
        return "Opportunity";
    }

    @Override
    public Class<OpportunityState> stateType() {
        return OpportunityState.class;
    }

    @Override
    public Class<OpportunityRow> rowType() {
        return OpportunityRow.class;
    }

    @Override
    public OpportunityRow newRow() {
        return new OpportunityRow();
    }

    @Override
    public void writeColumns(OpportunityState state, OpportunityRow row) {
        row.ownerId = AggregateMapping.uuid(state.owner());
        row.accountId = AggregateMapping.uuid(state.account());
        row.pipelineId = AggregateMapping.uuid(state.pipeline());
        row.stageId = AggregateMapping.uuid(state.stage());
        row.status = state.status().name();
        row.expectedCloseDate = state.expectedCloseDate();
        row.closeOrder = state.expectedCloseDate() == null ? NO_CLOSE_DATE : state.expectedCloseDate();
        row.createdAt = state.createdAt();
        row.amount = state.amount() == null ? null : state.amount().amount();
        row.currency = state.currency().getCurrencyCode();
        row.probabilityOverride = state.probabilityOverride();
        row.closedAt = state.closedAt();
    }

    /** Its references in other systems (see {@link LookupKey#externalRefs}). */
    @Override
    public List<LookupKey> lookupKeys(OpportunityState state) {
        return LookupKey.externalRefs(EXTERNAL_REF_RECORD, state.externalRefs());
    }
}
