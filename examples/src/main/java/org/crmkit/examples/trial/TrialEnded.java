package org.crmkit.examples.trial;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A trial ended without a purchase: the example workflow's own domain event, published through crmkit's outbox. */
public record TrialEnded(TenantId tenant, UUID aggregateId, Instant occurredAt, AccountId account)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Trial";
    }
}
