package org.crmkit.persistence.jpa;

import java.util.Optional;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.lead.TeamRotation;
import org.crmkit.core.lead.TeamRotationState;
import org.crmkit.core.spi.TeamRotationRepository;

/** Team rotations in {@code crm_team_rotation} (see {@link TeamRotationMapping}). */
final class JpaTeamRotationRepository implements TeamRotationRepository {

    private final StoredAggregates<TeamRotation, TeamRotationState, TeamRotationRow> rotations;

    JpaTeamRotationRepository(AggregateTable<TeamRotationState, TeamRotationRow> table) {
        this.rotations = new StoredAggregates<>(table, TeamRotation::state, TeamRotation::restore, "rotation");
    }

    @Override
    public Optional<TeamRotation> findByTeam(TenantId tenant, TeamId team) {
        return rotations.findById(tenant, team);
    }

    /**
     * Two first rotations of one team written at the same time both find no row and insert; the second insert
     * meets the first one's key, which for this port is a stale copy like any other.
     */
    @Override
    public TeamRotation save(TeamRotation rotation) {
        try {
            return rotations.save(rotation);
        } catch (DuplicateRecordException e) {
            StaleVersionException stale =
                    new StaleVersionException("TeamRotation", rotation.id(), rotation.version(), -1);
            stale.initCause(e);
            throw stale;
        }
    }
}
