package org.crmkit.core.spi;

import java.util.Optional;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.lead.TeamRotation;

/**
 * Stores the round-robin turn of each team ({@link TeamRotation}, one per team, its id the team's id). Every method
 * takes the tenant and sees only that tenant's rotations; no argument may be null. Implementations are
 * thread-safe; writes join the caller's transaction.
 */
public interface TeamRotationRepository {

    /** The team's rotation; empty before the team's first round-robin assignment. */
    Optional<TeamRotation> findByTeam(TenantId tenant, TeamId team);

    /**
     * Stores the rotation if the stored version equals {@code rotation.version()} (0 for a team without one) and
     * returns the stored copy with the next version; {@link StaleVersionException} on a conflict, also when a
     * rotation of version 0 meets one stored meanwhile for the same team.
     */
    TeamRotation save(TeamRotation rotation);
}
