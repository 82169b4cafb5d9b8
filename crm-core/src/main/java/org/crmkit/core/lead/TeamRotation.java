package org.crmkit.core.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Whose turn it is in a team's round-robin lead assignment: the member who got the team's last lead by rotation.
 * Its id is the team's id, so a tenant has at most one rotation per team; it is stored, so the turn survives
 * restarts, and its version makes concurrent round-robin assignments in one team conflict instead of both
 * deciding on the same, possibly outdated loads. Not thread-safe.
 */
public final class TeamRotation extends AggregateRoot<TeamId> {

    private UserId lastAssigned;
    private Instant lastAssignedAt;

    private TeamRotation(TeamRotationState state) {
        super(state.tenant(), state.id(), state.version());
        this.lastAssigned = state.lastAssigned();
        this.lastAssignedAt = state.lastAssignedAt();
    }

    /** The rotation of a team that has not had a lead by rotation yet (version 0). */
    public static TeamRotation start(TenantId tenant, TeamId team) {
        return new TeamRotation(new TeamRotationState(tenant, team, 0, null, null));
    }

    /** Rebuilds a rotation from its stored state. */
    public static TeamRotation restore(TeamRotationState state) {
        return new TeamRotation(Require.notNull(state, "state"));
    }

    public TeamRotationState state() {
        return new TeamRotationState(tenant(), id(), version(), lastAssigned, lastAssignedAt);
    }

    /**
     * The members in turn order: by id, starting with the first one whose id follows that of the member who got the
     * last lead, wrapping around (from the first one when nobody has yet; a member who left is simply not there).
     */
    public List<UserId> inTurn(Collection<UserId> members) {
        List<UserId> ordered = Require.noNulls(members, "members").stream()
                .distinct()
                .sorted(Comparator.comparing(UserId::value))
                .toList();
        int next = 0;
        while (lastAssigned != null
                && next < ordered.size()
                && ordered.get(next).value().compareTo(lastAssigned.value()) <= 0) {
            next++;
        }
        List<UserId> turn = new ArrayList<>(ordered.subList(next, ordered.size()));
        turn.addAll(ordered.subList(0, next));
        return List.copyOf(turn);
    }

    /** Records that the member got a lead by rotation now; the next turn starts after them. */
    public void gaveLeadTo(UserId member, Clock clock) {
        this.lastAssigned = Require.notNull(member, "member");
        this.lastAssignedAt = Require.notNull(clock, "clock").instant();
    }

    /** The member who got the team's last lead by rotation; null before the first. */
    public UserId lastAssigned() {
        return lastAssigned;
    }

    /** When the last lead was given by rotation; null before the first. */
    public Instant lastAssignedAt() {
        return lastAssignedAt;
    }
}
