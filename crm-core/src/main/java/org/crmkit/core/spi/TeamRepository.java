package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Team;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** Stores teams. All arguments are required; queries see only the given tenant's teams. Thread-safe. */
public interface TeamRepository {

    Optional<Team> findById(TenantId tenant, TeamId id);

    /** Optimistic save as in {@link ContactRepository#save}. */
    Team save(Team team);

    /** The teams the user is a member or the lead of, by name ignoring case, then id. */
    List<Team> findByMember(TenantId tenant, UserId user);
}
