package org.crmkit.core.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** From {@code from} on, the account is a subsidiary of {@code parent}, or of none when {@code parent} is null. */
public record AccountParentChanged(
        TenantId tenant, UUID aggregateId, Instant occurredAt, AccountId parent, LocalDate from)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Account";
    }
}
