package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TeamState;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.TeamRepository;

/** Teams in {@code crm_team} (see {@link TeamMapping}). */
final class JpaTeamRepository implements TeamRepository {

    private final StoredAggregates<Team, TeamState, TeamRow> teams;

    JpaTeamRepository(AggregateTable<TeamState, TeamRow> table) {
        this.teams = new StoredAggregates<>(table, Team::state, Team::restore, "team");
    }

    @Override
    public Optional<Team> findById(TenantId tenant, TeamId id) {
        return teams.findById(tenant, id);
    }

    @Override
    public Team save(Team team) {
        return teams.save(team);
    }

    @Override
    public List<Team> findByMember(TenantId tenant, UserId user) {
        return teams.list(
                tenant,
                RowQuery.withKey(
                                TeamMapping.MEMBER,
                                Require.notNull(user, "user").value())
                        .orderBy(TeamMapping.NAME_ORDER));
    }
}
