package org.crmkit.core.sales;

import java.time.Clock;
import java.time.Instant;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * A sales target: how much a user or a team is to win in a period. Forecasts measure attainment against it. The
 * {@code Sales} service keeps one quota per holder and period. Not thread-safe.
 */
public final class Quota extends AggregateRoot<QuotaId> {

    private final QuotaHolder holder;
    private final QuotaPeriod period;
    private Money amount;
    private Instant updatedAt;

    private Quota(QuotaState s) {
        super(s.tenant(), s.id(), s.version());
        this.holder = s.holder();
        this.period = s.period();
        this.amount = s.amount();
        this.updatedAt = s.updatedAt();
    }

    /** A quota of {@code amount} (not negative, in the minor unit). Records {@link QuotaSet}. */
    public static Quota set(
            TenantId tenant, QuotaId id, QuotaHolder holder, QuotaPeriod period, Money amount, Clock clock) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(holder, "holder");
        Require.notNull(period, "period");
        Quota quota = new Quota(new QuotaState(tenant, id, 0, holder, period, checkAmount(amount), clock.instant()));
        quota.record(new QuotaSet(tenant, id.value(), quota.updatedAt, holder, period, quota.amount));
        return quota;
    }

    public static Quota restore(QuotaState state) {
        return new Quota(Require.notNull(state, "state"));
    }

    public QuotaState state() {
        return new QuotaState(tenant(), id(), version(), holder, period, amount, updatedAt);
    }

    private static Money checkAmount(Money amount) {
        Require.notNull(amount, "amount");
        Require.that(!amount.isNegative(), "amount", "must not be negative, was " + amount);
        Require.that(amount.isInMinorUnits(), "amount", "must be in the minor unit of its currency, was " + amount);
        return amount;
    }

    /** Changes the target (the currency may change too). Records {@link QuotaSet}. */
    public void changeAmount(Money newAmount, Clock clock) {
        amount = checkAmount(newAmount);
        updatedAt = clock.instant();
        record(new QuotaSet(tenant(), id().value(), updatedAt, holder, period, amount));
    }

    public QuotaHolder holder() {
        return holder;
    }

    public QuotaPeriod period() {
        return period;
    }

    public Money amount() {
        return amount;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
