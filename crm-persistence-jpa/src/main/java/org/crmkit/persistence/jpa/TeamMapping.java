package org.crmkit.persistence.jpa;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.access.TeamState;

/**
 * Teams in {@code crm_team}. Query column: the lower-cased name for name order. Lookup keys: the members and
 * the lead.
 */
final class TeamMapping implements AggregateMapping<TeamState, TeamRow> {

    static final String MEMBER = "team.member";

    /** Name ignoring case, then id. */
    static final String NAME_ORDER = "r.nameOrder, r.id";

    @Override
    public String recordType() {
        return "Team";
    }

    @Override
    public Class<TeamState> stateType() {
        return TeamState.class;
    }

    @Override
    public Class<TeamRow> rowType() {
        return TeamRow.class;
    }

    @Override
    public TeamRow newRow() {
        return new TeamRow();
    }

    @Override
    public void writeColumns(TeamState state, TeamRow row) {
        row.nameOrder = AggregateMapping.lower(state.name());
    }

    @Override
    public List<LookupKey> lookupKeys(TeamState state) {
        List<LookupKey> keys = new ArrayList<>();
        state.members().forEach(member -> keys.add(LookupKey.of(MEMBER, member.value())));
        if (state.lead() != null) {
            keys.add(LookupKey.of(MEMBER, state.lead().value()));
        }
        return keys;
    }
}
