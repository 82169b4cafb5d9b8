package org.crmkit.core.sales;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** A forecast of a scope and period was kept as a snapshot. */
public record ForecastSnapshotTaken(
        TenantId tenant, UUID aggregateId, Instant occurredAt, ForecastScope scope, QuotaPeriod period, Money weighted)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "ForecastSnapshot";
    }
}
