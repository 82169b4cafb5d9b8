package org.crmkit.core.access;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * Who sees which record, as a pure function of the viewer, the teams and the territories: an inactive user sees
 * nothing; an admin sees everything; otherwise a user sees a record when it owns it, leads a team the owner is a
 * member of, is above the owner in the manager hierarchy (leads a team whose member leads a team the owner is in,
 * and so on down), shares a team with the owner, is a member of the record's territory, or the record is shared
 * with the user or one of its teams ({@link RecordShare}).
 *
 * <p>Storage adapters read it as a filter of their queries: a record is visible when its owner is among {@link
 * #owners()}, its territory among {@link #territories()}, or it is shared with one of {@link #grantees()}; all
 * records when {@link #seesEverything()}. The records that hang off others (activities, tasks, cases, invoices,
 * payments, credit notes) are visible with those others, and every record of a type in {@link #readsEvery} is
 * visible: {@link #readingEvery} names the types whose organisation-wide default lets everyone read. Sales figures
 * (quotas, forecast snapshots) follow the manager hierarchy only: see {@link #readsFiguresOf} and {@link
 * #setsQuotaOf}. Immutable and thread-safe.
 */
public final class Visibility {

    private final User viewer;
    private final List<Team> teams;
    private final Set<UserId> below;
    private final Set<UserId> owners;
    private final Set<TerritoryId> territories;
    private final Set<UUID> grantees;
    private final Set<RecordType> readByEveryone;
    private final Set<UserId> figureUsers;
    private final Set<TeamId> figureTeams;
    private final Set<TeamId> managedTeams;

    private Visibility(User viewer, List<Team> teams, Set<UserId> below, Set<TerritoryId> territories) {
        this.readByEveryone = Set.of();
        this.viewer = viewer;
        this.teams = teams;
        this.below = below;
        this.territories = viewer.isActive() ? territories : Set.of();
        Set<UserId> visibleOwners = new LinkedHashSet<>();
        Set<UUID> shareGrantees = new LinkedHashSet<>();
        if (viewer.isActive()) {
            visibleOwners.add(viewer.id());
            teams.stream()
                    .filter(team -> team.hasMember(viewer.id()))
                    .forEach(team -> visibleOwners.addAll(team.members()));
            visibleOwners.addAll(below);
            shareGrantees.add(viewer.id().value());
            teams.stream()
                    .filter(team -> team.includes(viewer.id()))
                    .forEach(team -> shareGrantees.add(team.id().value()));
        }
        this.owners = Set.copyOf(visibleOwners);
        this.grantees = Set.copyOf(shareGrantees);
        if (viewer.isActive()) {
            Set<UserId> users = new LinkedHashSet<>(below);
            users.add(viewer.id());
            this.figureUsers = Set.copyOf(users);
            this.figureTeams = teams.stream().map(Team::id).collect(Collectors.toUnmodifiableSet());
            this.managedTeams = teams.stream()
                    .filter(team -> team.lead()
                            .map(lead -> lead.equals(viewer.id()) || below.contains(lead))
                            .orElse(false))
                    .map(Team::id)
                    .collect(Collectors.toUnmodifiableSet());
        } else {
            this.figureUsers = Set.of();
            this.figureTeams = Set.of();
            this.managedTeams = Set.of();
        }
    }

    private Visibility(Visibility visibility, Set<RecordType> readByEveryone) {
        this.viewer = visibility.viewer;
        this.teams = visibility.teams;
        this.below = visibility.below;
        this.owners = visibility.owners;
        this.territories = visibility.territories;
        this.grantees = visibility.grantees;
        this.figureUsers = visibility.figureUsers;
        this.figureTeams = visibility.figureTeams;
        this.managedTeams = visibility.managedTeams;
        this.readByEveryone = readByEveryone;
    }

    /**
     * The visibility of {@code viewer}, given the teams that include it or are led by a user below it in the
     * manager hierarchy, and the territories it is a member of; other teams and territories are ignored.
     */
    public static Visibility of(User viewer, Collection<Team> teams, Collection<Territory> territories) {
        Require.notNull(viewer, "viewer");
        UserId id = viewer.id();
        List<Team> all = List.copyOf(Require.noNulls(teams, "teams"));
        Set<UserId> below = below(id, all);
        List<Team> relevant = all.stream()
                .filter(team ->
                        team.includes(id) || team.lead().map(below::contains).orElse(false))
                .toList();
        Set<TerritoryId> worked = Require.noNulls(territories, "territories").stream()
                .filter(territory -> territory.hasMember(id))
                .map(Territory::id)
                .collect(Collectors.toUnmodifiableSet());
        return new Visibility(viewer, relevant, below, worked);
    }

    /** The members of the teams the user leads, of the teams those members lead, and so on. */
    private static Set<UserId> below(UserId manager, List<Team> teams) {
        Set<UserId> below = new LinkedHashSet<>();
        Set<UserId> visited = new HashSet<>();
        Deque<UserId> leads = new ArrayDeque<>(List.of(manager));
        while (!leads.isEmpty()) {
            UserId lead = leads.pop();
            if (visited.add(lead)) {
                teams.stream().filter(team -> team.isLedBy(lead)).forEach(team -> {
                    below.addAll(team.members());
                    leads.addAll(team.members());
                });
            }
        }
        below.remove(manager);
        return Set.copyOf(below);
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
        if (below.contains(owner)) {
            return Optional.of(VisibilityReason.MANAGER);
        }
        if (teams.stream().anyMatch(team -> team.hasMember(id) && team.hasMember(owner))) {
            return Optional.of(VisibilityReason.TEAM_MEMBER);
        }
        if (territory != null && territories.contains(territory)) {
            return Optional.of(VisibilityReason.TERRITORY_MEMBER);
        }
        return Optional.empty();
    }

    /**
     * This visibility with every record of the given types visible (an active viewer's): the types whose
     * organisation-wide default lets everyone read, so that the records hanging off them are visible too.
     */
    public Visibility readingEvery(Collection<RecordType> types) {
        List<RecordType> listed = Require.noNulls(types, "types");
        Set<RecordType> read = listed.isEmpty() ? EnumSet.noneOf(RecordType.class) : EnumSet.copyOf(listed);
        return new Visibility(this, viewer.isActive() ? Set.copyOf(read) : Set.of());
    }

    /** Whether the viewer sees every record of the type: an active administrator, or a type of {@link #readingEvery}. */
    public boolean readsEvery(RecordType type) {
        return seesEverything() || readByEveryone.contains(Require.notNull(type, "recordType"));
    }

    public boolean canSee(UserId owner, TerritoryId territory) {
        return reason(owner, territory).isPresent();
    }

    public UserId viewer() {
        return viewer.id();
    }

    /** Whether the viewer is an active administrator, who sees every record of the tenant. */
    public boolean seesEverything() {
        return viewer.isActive() && viewer.hasRole(Role.ADMIN);
    }

    /** The owners whose records the viewer sees: itself, its team mates and the users below it; none when inactive. */
    public Set<UserId> owners() {
        return owners;
    }

    /** The territories whose records the viewer sees; none when inactive. */
    public Set<TerritoryId> territories() {
        return territories;
    }

    /** The ids a record shared with the viewer is shared with: the viewer's own and its teams'; none when inactive. */
    public Set<UUID> grantees() {
        return grantees;
    }

    /**
     * The users whose sales figures (quotas, forecasts) the viewer reads: itself and the users below it in the
     * manager hierarchy, not its team mates; none when inactive.
     */
    public Set<UserId> figureUsers() {
        return figureUsers;
    }

    /**
     * The teams whose sales figures the viewer reads: those it is a member or the lead of, and those led by a user
     * below it; none when inactive.
     */
    public Set<TeamId> figureTeams() {
        return figureTeams;
    }

    /**
     * Whether the viewer reads the sales figures (a quota, a forecast) of the user or of the team, one of them null;
     * both null name the whole tenant's, which only an administrator reads.
     */
    public boolean readsFiguresOf(UserId user, TeamId team) {
        return seesEverything()
                || (user != null && figureUsers.contains(user))
                || (team != null && figureTeams.contains(team));
    }

    /**
     * Whether the viewer sets the quota of the user or of the team (one of them null): of a user below it in the
     * manager hierarchy, of a team it leads or that a user below it leads; never its own.
     */
    public boolean setsQuotaOf(UserId user, TeamId team) {
        return seesEverything()
                || (user != null && viewer.isActive() && below.contains(user))
                || (team != null && managedTeams.contains(team));
    }
}
