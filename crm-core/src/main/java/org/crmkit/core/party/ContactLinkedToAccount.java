package org.crmkit.core.party;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A contact was linked to an account in a role for a period. */
public record ContactLinkedToAccount(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        AccountId account,
        String role,
        boolean decisionMaker,
        DateRange period)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Contact";
    }
}
