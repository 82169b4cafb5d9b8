package org.crmkit.core.access;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.TenantId;

/** A user was registered. */
public record UserRegistered(TenantId tenant, UUID aggregateId, Instant occurredAt, String name, EmailAddress email)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "User";
    }
}
