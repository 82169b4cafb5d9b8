package org.crmkit.core.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** The won and lost reasons or the inactivity days of a pipeline changed. */
public record PipelineClosingRulesChanged(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        List<String> wonReasons,
        List<String> lostReasons,
        Integer inactivityDays)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Pipeline";
    }
}
