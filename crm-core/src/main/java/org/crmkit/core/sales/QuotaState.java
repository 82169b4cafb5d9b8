package org.crmkit.core.sales;

import java.time.Instant;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/** Everything a {@link Quota} consists of, as storage keeps it. Every component is required. */
public record QuotaState(
        TenantId tenant,
        QuotaId id,
        long version,
        QuotaHolder holder,
        QuotaPeriod period,
        Money amount,
        Instant updatedAt)
        implements AggregateState<QuotaState> {

    public QuotaState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(holder, "holder");
        Require.notNull(period, "period");
        Require.notNull(amount, "amount");
        Require.notNull(updatedAt, "updatedAt");
    }

    @Override
    public QuotaState withVersion(long version) {
        return new QuotaState(tenant, id, version, holder, period, amount, updatedAt);
    }
}
