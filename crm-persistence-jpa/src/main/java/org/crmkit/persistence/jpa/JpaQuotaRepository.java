package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.sales.QuotaState;
import org.crmkit.core.spi.QuotaRepository;

/** Quotas in {@code crm_quota} (see {@link QuotaMapping}). */
final class JpaQuotaRepository implements QuotaRepository {

    private final StoredAggregates<Quota, QuotaState, QuotaRow> quotas;
    private final AggregateTable<QuotaState, QuotaRow> table;

    JpaQuotaRepository(AggregateTable<QuotaState, QuotaRow> table) {
        this.table = table;
        this.quotas = new StoredAggregates<>(table, Quota::state, Quota::restore, "quota");
    }

    @Override
    public QuotaRepository visibleTo(Visibility visibility) {
        return new JpaQuotaRepository(
                table.restrictedTo(new VisibleFigures(visibility, "r.holderUserId", "r.holderTeamId")));
    }

    @Override
    public Optional<Quota> findById(TenantId tenant, QuotaId id) {
        return quotas.findById(tenant, id);
    }

    @Override
    public Quota save(Quota quota) {
        return quotas.save(quota);
    }

    @Override
    public Optional<Quota> findFor(TenantId tenant, QuotaHolder holder, QuotaPeriod period) {
        Require.notNull(period, "period");
        return quotas
                .list(
                        tenant,
                        ofHolder(holder)
                                .and("r.firstMonth = :first and r.lastMonth = :last")
                                .bind("first", QuotaMapping.month(period.first()))
                                .bind("last", QuotaMapping.month(period.last())))
                .stream()
                .findFirst();
    }

    @Override
    public List<Quota> findByHolder(TenantId tenant, QuotaHolder holder) {
        return quotas.list(tenant, ofHolder(holder));
    }

    @Override
    public List<Quota> findOverlapping(TenantId tenant, QuotaPeriod period) {
        Require.notNull(period, "period");
        return quotas.list(
                tenant,
                RowQuery.where("r.firstMonth <= :last and r.lastMonth >= :first")
                        .bind("first", QuotaMapping.month(period.first()))
                        .bind("last", QuotaMapping.month(period.last()))
                        .orderBy(QuotaMapping.PERIOD_ORDER));
    }

    private static RowQuery ofHolder(QuotaHolder holder) {
        Require.notNull(holder, "holder");
        RowQuery query = holder.user() != null
                ? RowQuery.where("r.holderUserId = :holder")
                        .bind("holder", holder.user().value())
                : RowQuery.where("r.holderTeamId = :holder")
                        .bind("holder", holder.team().value());
        return query.orderBy(QuotaMapping.PERIOD_ORDER);
    }
}
