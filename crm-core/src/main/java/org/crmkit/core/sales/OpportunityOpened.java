package org.crmkit.core.sales;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/** A deal was opened in a pipeline's stage for an account. */
public record OpportunityOpened(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        String name,
        AccountId account,
        PipelineId pipeline,
        StageId stage,
        UserId owner,
        Money amount)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Opportunity";
    }
}
