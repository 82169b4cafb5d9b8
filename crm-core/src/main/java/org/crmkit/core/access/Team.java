package org.crmkit.core.access;

import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * A group of users with an optional lead. The lead need not be a member; {@link #includes} answers for both.
 * Not thread-safe.
 */
public final class Team extends AggregateRoot<TeamId> {

    private String name;
    private UserId lead;
    private final Set<UserId> members;

    private Team(TeamState state) {
        super(state.tenant(), state.id(), state.version());
        this.name = validName(state.name());
        this.lead = state.lead();
        this.members = new HashSet<>(state.members());
    }

    /** Creates a team without members; {@code lead} may be null. Records {@link TeamCreated}. */
    public static Team create(TenantId tenant, TeamId id, String name, UserId lead, Clock clock) {
        Require.notNull(clock, "clock");
        Team team = new Team(new TeamState(tenant, id, 0, validName(name), lead, Set.of()));
        team.record(new TeamCreated(tenant, id.value(), clock.instant(), team.name, lead));
        return team;
    }

    public static Team restore(TeamState state) {
        return new Team(Require.notNull(state, "state"));
    }

    public TeamState state() {
        return new TeamState(tenant(), id(), version(), name, lead, members);
    }

    private static String validName(String name) {
        return Require.maxLength(Require.notBlank(name, "name"), 200, "name");
    }

    public void rename(String newName, Clock clock) {
        String valid = validName(newName);
        Require.notNull(clock, "clock");
        if (!valid.equals(name)) {
            name = valid;
            record(new TeamChanged(tenant(), id().value(), clock.instant(), name, lead));
        }
    }

    /** Makes {@code newLead} the lead, or leaves the team without one when null. */
    public void changeLead(UserId newLead, Clock clock) {
        Require.notNull(clock, "clock");
        if (!Objects.equals(newLead, lead)) {
            lead = newLead;
            record(new TeamChanged(tenant(), id().value(), clock.instant(), name, lead));
        }
    }

    /** Adds a member; refuses a user who is a member already. */
    public void addMember(UserId user, Clock clock) {
        Require.notNull(user, "user");
        Require.notNull(clock, "clock");
        if (!members.add(user)) {
            throw InvalidValueException.invalid("user", "user " + user + " is already a member of team " + name);
        }
        record(new TeamMemberAdded(tenant(), id().value(), clock.instant(), user));
    }

    /** Removes a member; refuses a user who is no member. */
    public void removeMember(UserId user, Clock clock) {
        Require.notNull(user, "user");
        Require.notNull(clock, "clock");
        if (!members.remove(user)) {
            throw InvalidValueException.invalid("user", "user " + user + " is not a member of team " + name);
        }
        record(new TeamMemberRemoved(tenant(), id().value(), clock.instant(), user));
    }

    public String name() {
        return name;
    }

    public Optional<UserId> lead() {
        return Optional.ofNullable(lead);
    }

    public Set<UserId> members() {
        return Set.copyOf(members);
    }

    public boolean hasMember(UserId user) {
        return members.contains(user);
    }

    public boolean isLedBy(UserId user) {
        return user != null && user.equals(lead);
    }

    /** Whether the user is a member or the lead. */
    public boolean includes(UserId user) {
        return hasMember(user) || isLedBy(user);
    }
}
