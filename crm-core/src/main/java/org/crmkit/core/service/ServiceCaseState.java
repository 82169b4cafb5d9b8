package org.crmkit.core.service;

import java.time.Instant;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Every field of a {@link ServiceCase}, as storage adapters keep it. {@code account} or {@code contact} (not
 * both), {@code description}, {@code assignee}, {@code firstRespondedAt}, {@code resolution}, {@code resolvedAt}
 * and {@code closedAt} may be null.
 */
public record ServiceCaseState(
        TenantId tenant,
        CaseId id,
        long version,
        AccountId account,
        ContactId contact,
        String subject,
        String description,
        CaseChannel channel,
        CaseCategory category,
        CasePriority priority,
        CaseStatus status,
        UserId assignee,
        Instant openedAt,
        Actor openedBy,
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        Instant firstRespondedAt,
        String resolution,
        Instant resolvedAt,
        Instant closedAt,
        int reopenCount)
        implements AggregateState<ServiceCaseState> {

    public ServiceCaseState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(subject, "subject");
        Require.notNull(channel, "channel");
        Require.notNull(category, "category");
        Require.notNull(priority, "priority");
        Require.notNull(status, "status");
        Require.notNull(openedAt, "openedAt");
        Require.notNull(openedBy, "openedBy");
        Require.notNull(firstResponseDueAt, "firstResponseDueAt");
        Require.notNull(resolutionDueAt, "resolutionDueAt");
        Require.notNegative(reopenCount, "reopenCount");
    }

    @Override
    public ServiceCaseState withVersion(long version) {
        return new ServiceCaseState(
                tenant,
                id,
                version,
                account,
                contact,
                subject,
                description,
                channel,
                category,
                priority,
                status,
                assignee,
                openedAt,
                openedBy,
                firstResponseDueAt,
                resolutionDueAt,
                firstRespondedAt,
                resolution,
                resolvedAt,
                closedAt,
                reopenCount);
    }
}
