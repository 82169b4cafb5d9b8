package org.crmkit.workflow.dunning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** A dunning case reached a level for the listed invoices, claiming {@code amount} (balances) in all. */
public record DunningLevelReached(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        AccountId account,
        int level,
        List<String> invoices,
        Money amount)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "DunningCase";
    }
}
