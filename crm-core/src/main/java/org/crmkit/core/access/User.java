package org.crmkit.core.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * A person who works with the CRM: name, email (unique per tenant, enforced by the use case), roles and whether
 * the user is active. Team memberships are kept by {@link Team}, territory memberships by {@link Territory}.
 * Not thread-safe.
 */
public final class User extends AggregateRoot<UserId> {

    private String name;
    private EmailAddress email;
    private boolean active;
    private final EnumSet<Role> roles;
    private final Instant registeredAt;

    private User(UserState state) {
        super(state.tenant(), state.id(), state.version());
        this.name = validName(state.name());
        this.email = Require.notNull(state.email(), "email");
        this.active = state.active();
        this.roles = state.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(state.roles());
        this.registeredAt = Require.notNull(state.registeredAt(), "registeredAt");
    }

    /** Registers an active user and records {@link UserRegistered}. */
    public static User register(
            TenantId tenant, UserId id, String name, EmailAddress email, Collection<Role> roles, Clock clock) {
        Require.notNull(clock, "clock");
        Instant now = clock.instant();
        User user = new User(new UserState(
                tenant,
                id,
                0,
                validName(name),
                Require.notNull(email, "email"),
                true,
                Set.copyOf(Require.noNulls(roles, "roles")),
                now));
        user.record(new UserRegistered(tenant, id.value(), now, user.name, email));
        return user;
    }

    public static User restore(UserState state) {
        return new User(Require.notNull(state, "state"));
    }

    public UserState state() {
        return new UserState(tenant(), id(), version(), name, email, active, roles, registeredAt);
    }

    private static String validName(String name) {
        return Require.maxLength(Require.notBlank(name, "name"), 200, "name");
    }

    public void rename(String newName, Clock clock) {
        String valid = validName(newName);
        Require.notNull(clock, "clock");
        if (!valid.equals(name)) {
            name = valid;
            record(new UserChanged(tenant(), id().value(), clock.instant(), UserChange.NAME));
        }
    }

    public void changeEmail(EmailAddress newEmail, Clock clock) {
        Require.notNull(newEmail, "email");
        Require.notNull(clock, "clock");
        if (!newEmail.equals(email)) {
            email = newEmail;
            record(new UserChanged(tenant(), id().value(), clock.instant(), UserChange.EMAIL));
        }
    }

    public void grantRole(Role role, Clock clock) {
        Require.notNull(role, "role");
        Require.notNull(clock, "clock");
        if (roles.add(role)) {
            record(new UserChanged(tenant(), id().value(), clock.instant(), UserChange.ROLES));
        }
    }

    public void revokeRole(Role role, Clock clock) {
        Require.notNull(role, "role");
        Require.notNull(clock, "clock");
        if (roles.remove(role)) {
            record(new UserChanged(tenant(), id().value(), clock.instant(), UserChange.ROLES));
        }
    }

    /** Deactivates the user; refuses a user who is inactive already. */
    public void deactivate(Clock clock) {
        Require.notNull(clock, "clock");
        if (!active) {
            throw new IllegalTransitionException("User " + id() + " is already inactive");
        }
        active = false;
        record(new UserDeactivated(tenant(), id().value(), clock.instant()));
    }

    /** Reactivates the user; refuses a user who is active. */
    public void reactivate(Clock clock) {
        Require.notNull(clock, "clock");
        if (active) {
            throw new IllegalTransitionException("User " + id() + " is already active");
        }
        active = true;
        record(new UserReactivated(tenant(), id().value(), clock.instant()));
    }

    public String name() {
        return name;
    }

    public EmailAddress email() {
        return email;
    }

    public boolean isActive() {
        return active;
    }

    public Set<Role> roles() {
        return Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
