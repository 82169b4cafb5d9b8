package org.crmkit.persistence.jpa;

import org.crmkit.core.lead.TeamRotationState;

/**
 * Team rotations in {@code crm_team_rotation}, one row per team under the team's id. Nothing is queried but the
 * key, so there are no query columns and no lookup keys.
 */
final class TeamRotationMapping implements AggregateMapping<TeamRotationState, TeamRotationRow> {

    @Override
    public String recordType() {
        return "TeamRotation";
    }

    @Override
    public Class<TeamRotationState> stateType() {
        return TeamRotationState.class;
    }

    @Override
    public Class<TeamRotationRow> rowType() {
        return TeamRotationRow.class;
    }

    @Override
    public TeamRotationRow newRow() {
        return new TeamRotationRow();
    }

    @Override
    public void writeColumns(TeamRotationState state, TeamRotationRow row) {
        // the key, the version and the document are all there is
    }
}
