package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/** A case was opened, with its service-level due times. */
public record CaseOpened(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        AccountId account,
        ContactId contact,
        String subject,
        CaseChannel channel,
        CaseCategory category,
        CasePriority priority,
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        String openedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Case";
    }
}
