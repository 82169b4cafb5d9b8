package org.crmkit.core.sales;

import java.time.Instant;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.TenantId;

/** Everything a {@link Quota} consists of, as storage keeps it. */
public record QuotaState(TenantId tenant, QuotaId id, long version, QuotaHolder holder, QuotaPeriod period,
                         Money amount, Instant updatedAt) implements AggregateState<QuotaState> {

    @Override
    public QuotaState withVersion(long version) {
        return new QuotaState(tenant, id, version, holder, period, amount, updatedAt);
    }
}
