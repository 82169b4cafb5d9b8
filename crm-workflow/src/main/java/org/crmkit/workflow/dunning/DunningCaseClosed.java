package org.crmkit.workflow.dunning;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A dunning case closed because nothing in it is owed any more. */
public record DunningCaseClosed(TenantId tenant, UUID aggregateId, Instant occurredAt, AccountId account)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "DunningCase";
    }
}
