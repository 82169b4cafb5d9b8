package org.crmkit.core.sales;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** A user's or team's sales target for a period was set or changed. */
public record QuotaSet(
        TenantId tenant, UUID aggregateId, Instant occurredAt, QuotaHolder holder, QuotaPeriod period, Money amount)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Quota";
    }
}
