package org.crmkit.core.access;

import java.time.Instant;
import java.util.Set;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** Everything a storage adapter keeps of a {@link User}. */
public record UserState(
        TenantId tenant,
        UserId id,
        long version,
        String name,
        EmailAddress email,
        boolean active,
        Set<Role> roles,
        Instant registeredAt)
        implements AggregateState<UserState> {

    public UserState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(name, "name");
        Require.notNull(email, "email");
        Require.notNull(registeredAt, "registeredAt");
        roles = Set.copyOf(Require.noNulls(roles, "roles"));
    }

    @Override
    public UserState withVersion(long newVersion) {
        return new UserState(tenant, id, newVersion, name, email, active, roles, registeredAt);
    }
}
