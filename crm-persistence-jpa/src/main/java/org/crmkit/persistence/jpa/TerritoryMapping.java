package org.crmkit.persistence.jpa;

import java.util.List;
import org.crmkit.core.access.TerritoryState;

/**
 * Territories in {@code crm_territory}. Query columns: the priority and the lower-cased name, for priority order.
 * Lookup keys: the members.
 */
final class TerritoryMapping implements AggregateMapping<TerritoryState, TerritoryRow> {

    static final String MEMBER = "territory.member";

    /** Priority ascending, then name ignoring case, then id. */
    static final String PRIORITY_ORDER = "r.priority, r.nameOrder, r.id";

    @Override
    public String recordType() {
        return "Territory";
    }

    @Override
    public Class<TerritoryState> stateType() {
        return TerritoryState.class;
    }

    @Override
    public Class<TerritoryRow> rowType() {
        return TerritoryRow.class;
    }

    @Override
    public TerritoryRow newRow() {
        return new TerritoryRow();
    }

    @Override
    public void writeColumns(TerritoryState state, TerritoryRow row) {
        row.priority = state.priority();
        row.nameOrder = AggregateMapping.lower(state.name());
    }

    @Override
    public List<LookupKey> lookupKeys(TerritoryState state) {
        return state.members().stream()
                .map(member -> LookupKey.of(MEMBER, member.value()))
                .toList();
    }
}
