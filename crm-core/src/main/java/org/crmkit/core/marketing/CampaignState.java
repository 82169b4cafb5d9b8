package org.crmkit.core.marketing;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Every field of a {@link Campaign}, as storage adapters keep it. {@code description} and {@code abortReason}
 * may be null; costs are in the order they were recorded. The members are stored apart ({@link CampaignMember}).
 * {@code owner} is null for a campaign without one (planned by the system actor, or stored before campaigns had
 * owners and not planned by a user of the tenant).
 */
public record CampaignState(
        TenantId tenant,
        CampaignId id,
        long version,
        String name,
        CampaignType type,
        String description,
        CampaignPeriod period,
        Money budget,
        CampaignStatus status,
        List<CostEntry> costs,
        Instant plannedAt,
        Actor plannedBy,
        Instant statusChangedAt,
        String abortReason,
        UserId owner)
        implements AggregateState<CampaignState> {

    public CampaignState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(name, "name");
        Require.notNull(type, "type");
        Require.notNull(period, "period");
        Require.notNull(budget, "budget");
        Require.notNull(status, "status");
        costs = Require.noNulls(costs, "costs");
        Require.notNull(plannedAt, "plannedAt");
        Require.notNull(plannedBy, "plannedBy");
        Require.notNull(statusChangedAt, "statusChangedAt");
    }

    @Override
    public CampaignState withVersion(long version) {
        return new CampaignState(
                tenant,
                id,
                version,
                name,
                type,
                description,
                period,
                budget,
                status,
                costs,
                plannedAt,
                plannedBy,
                statusChangedAt,
                abortReason,
                owner);
    }
}
