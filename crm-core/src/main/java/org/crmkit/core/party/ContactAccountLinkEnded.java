package org.crmkit.core.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A contact's link to an account ended on {@code to} (inclusive). */
public record ContactAccountLinkEnded(
        TenantId tenant, UUID aggregateId, Instant occurredAt, AccountId account, LocalDate to) implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Contact";
    }
}
