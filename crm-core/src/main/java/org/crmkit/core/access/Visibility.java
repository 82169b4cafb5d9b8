package org.crmkit.core.access;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * Who sees which record, as a pure function of the viewer, the viewer's teams and territories: an inactive user
 * sees nothing; an admin sees everything; otherwise a user sees a record when it owns it, leads a team the owner is
 * a member of, shares a team with the owner, or is a member of the record's territory. Immutable and thread-safe.
 */
public final class Visibility {

    private final User viewer;
    private final List<Team> teams;
    private final Set<TerritoryId> territories;

    private Visibility(User viewer, List<Team> teams, Set<TerritoryId> territories) {
        this.viewer = viewer;
        this.teams = teams;
        this.territories = territories;
    }

    /**
     * The visibility of {@code viewer}, given the teams and territories that include it; teams and territories
     * the viewer is not part of are ignored.
     */
    public static Visibility of(User viewer, Collection<Team> teams, Collection<Territory> territories) {
        Require.notNull(viewer, "viewer");
        UserId id = viewer.id();
        List<Team> own = Require.noNulls(teams, "teams").stream()
                .filter(team -> team.includes(id))
                .toList();
        Set<TerritoryId> worked = Require.noNulls(territories, "territories").stream()
                .filter(territory -> territory.hasMember(id))
                .map(Territory::id)
                .collect(Collectors.toUnmodifiableSet());
        return new Visibility(viewer, own, worked);
    }

    /** The strongest reason the viewer may see a record with this owner and territory (null: none), if any. */
    public Optional<VisibilityReason> reason(UserId owner, TerritoryId territory) {
        Require.notNull(owner, "owner");
        UserId id = viewer.id();
        if (!viewer.isActive()) {
            return Optional.empty();
        }
        if (viewer.hasRole(Role.ADMIN)) {
            return Optional.of(VisibilityReason.ADMIN);
        }
        if (owner.equals(id)) {
            return Optional.of(VisibilityReason.OWNER);
        }
        if (teams.stream().anyMatch(team -> team.isLedBy(id) && team.hasMember(owner))) {
            return Optional.of(VisibilityReason.TEAM_LEAD);
        }
        if (teams.stream().anyMatch(team -> team.hasMember(id) && team.hasMember(owner))) {
            return Optional.of(VisibilityReason.TEAM_MEMBER);
        }
        if (territory != null && territories.contains(territory)) {
            return Optional.of(VisibilityReason.TERRITORY_MEMBER);
        }
        return Optional.empty();
    }

    public boolean canSee(UserId owner, TerritoryId territory) {
        return reason(owner, territory).isPresent();
    }

    public UserId viewer() {
        return viewer.id();
    }
}
