package org.crmkit.core.inmemory;

import java.util.Optional;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.lead.TeamRotation;
import org.crmkit.core.lead.TeamRotationState;
import org.crmkit.core.spi.TeamRotationRepository;

/** Team rotations in memory, by team id. */
final class InMemoryTeamRotationRepository implements TeamRotationRepository {

    private final VersionedStore<TeamRotationState> store;

    InMemoryTeamRotationRepository(InMemoryTransactions transactions) {
        store = new VersionedStore<>("TeamRotation", transactions);
    }

    @Override
    public Optional<TeamRotation> findByTeam(TenantId tenant, TeamId team) {
        return store.find(Require.notNull(tenant, "tenant"), Require.notNull(team, "team"))
                .map(TeamRotation::restore);
    }

    @Override
    public TeamRotation save(TeamRotation rotation) {
        return TeamRotation.restore(
                store.save(Require.notNull(rotation, "rotation").state()));
    }
}
