package org.crmkit.persistence.jpa;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.DealTotal;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityState;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.spi.OpportunityRepository;

/** Opportunities in {@code crm_opportunity} (see {@link OpportunityMapping}). */
final class JpaOpportunityRepository implements OpportunityRepository {

    private final StoredAggregates<Opportunity, OpportunityState, OpportunityRow> opportunities;

    private final AggregateTable<OpportunityState, OpportunityRow> table;

    JpaOpportunityRepository(AggregateTable<OpportunityState, OpportunityRow> table) {
        this.table = table;
        this.opportunities = new StoredAggregates<>(table, Opportunity::state, Opportunity::restore, "opportunity");
    }

    @Override
    public OpportunityRepository visibleTo(Visibility visibility) {
        return new JpaOpportunityRepository(table.restrictedTo(new VisibleRows(visibility, null)));
    }

    @Override
    public Optional<Opportunity> findById(TenantId tenant, OpportunityId id) {
        return opportunities.findById(tenant, id);
    }

    @Override
    public Optional<Opportunity> findByExternalRef(TenantId tenant, ExternalRef ref) {
        return opportunities
                .listWithKey(
                        tenant,
                        LookupKey.externalRefName(OpportunityMapping.EXTERNAL_REF_RECORD),
                        Require.notNull(ref, "externalRef"))
                .stream()
                .findFirst();
    }

    @Override
    public Opportunity save(Opportunity opportunity) {
        return opportunities.save(opportunity);
    }

    @Override
    public Page<Opportunity> findByOwner(TenantId tenant, UserId owner, PageRequest page) {
        return opportunities.page(
                tenant,
                RowQuery.where("r.ownerId = :owner")
                        .bind("owner", Require.notNull(owner, "owner").value())
                        .orderBy(OpportunityMapping.CLOSE_ORDER),
                page);
    }

    @Override
    public List<Opportunity> findByAccount(TenantId tenant, AccountId account) {
        return opportunities.list(
                tenant,
                RowQuery.where("r.accountId = :account")
                        .bind("account", Require.notNull(account, "account").value())
                        .orderBy(OpportunityMapping.CREATION_ORDER));
    }

    @Override
    public Page<Opportunity> findOpenInPipeline(TenantId tenant, PipelineId pipeline, PageRequest page) {
        return opportunities.page(
                tenant,
                open().and("r.pipelineId = :pipeline")
                        .bind("pipeline", Require.notNull(pipeline, "pipeline").value())
                        .orderBy(OpportunityMapping.CLOSE_ORDER),
                page);
    }

    @Override
    public Page<Opportunity> findClosingBetween(TenantId tenant, LocalDate from, LocalDate to, PageRequest page) {
        return opportunities.page(
                tenant,
                open().and("r.expectedCloseDate >= :from and r.expectedCloseDate <= :to")
                        .bind("from", OpportunityMapping.bound(Require.notNull(from, "from")))
                        .bind("to", OpportunityMapping.bound(Require.notNull(to, "to")))
                        .orderBy(OpportunityMapping.CLOSE_ORDER),
                page);
    }

    @Override
    public Page<Opportunity> findByStage(TenantId tenant, StageId stage, PageRequest page) {
        return opportunities.page(
                tenant,
                RowQuery.where("r.stageId = :stage")
                        .bind("stage", Require.notNull(stage, "stage").value())
                        .orderBy(OpportunityMapping.CLOSE_ORDER),
                page);
    }

    @Override
    public Page<Opportunity> findClosedInPipeline(
            TenantId tenant, PipelineId pipeline, Instant from, Instant to, PageRequest page) {
        return opportunities.page(
                tenant,
                RowQuery.where("r.pipelineId = :pipeline and r.status in ('WON', 'LOST')"
                                + " and r.closedAt >= :from and r.closedAt < :to")
                        .bind("pipeline", Require.notNull(pipeline, "pipeline").value())
                        .bind("from", Require.notNull(from, "from"))
                        .bind("to", Require.notNull(to, "to"))
                        .orderBy("r.closedAt, r.id"),
                page);
    }

    private static RowQuery open() {
        return RowQuery.where("r.status = :open").bind("open", OpportunityStatus.OPEN.name());
    }

    /**
     * Two statements, the open deals of the days and the deals won in the times, each read through its index (the
     * open deals by expected close date, the won ones by close time) and summed by the database per group.
     */
    @Override
    public List<DealTotal> forecastTotals(
            TenantId tenant, LocalDate from, LocalDate to, Instant wonFrom, Instant wonTo) {
        Require.notNull(tenant, "tenant");
        List<DealTotal> totals = new ArrayList<>(sums(
                tenant,
                RowQuery.where("r.status = 'OPEN' and r.expectedCloseDate >= :from and r.expectedCloseDate <= :to")
                        .bind("from", OpportunityMapping.bound(Require.notNull(from, "from")))
                        .bind("to", OpportunityMapping.bound(Require.notNull(to, "to")))));
        totals.addAll(sums(
                tenant,
                RowQuery.where("r.status = 'WON' and r.closedAt >= :wonFrom and r.closedAt < :wonTo")
                        .bind("wonFrom", Require.notNull(wonFrom, "wonFrom"))
                        .bind("wonTo", Require.notNull(wonTo, "wonTo"))));
        return totals;
    }

    private List<DealTotal> sums(TenantId tenant, RowQuery deals) {
        String group = "r.pipelineId, r.stageId, r.ownerId, r.status, r.currency, r.probabilityOverride";
        return table
                .grouped(tenant, group + ", count(r), sum(r.amount)", deals.and("r.amount is not null"), group)
                .stream()
                .map(row -> {
                    Currency currency = Currency.getInstance((String) row[4]);
                    return new DealTotal(
                            PipelineId.of((UUID) row[0]),
                            StageId.of((UUID) row[1]),
                            UserId.of((UUID) row[2]),
                            OpportunityStatus.valueOf((String) row[3]),
                            currency,
                            (Integer) row[5],
                            (Long) row[6],
                            inMinorUnits((BigDecimal) row[7], currency));
                })
                .toList();
    }

    /** The sum without the zeros the column's scale adds, but with at least the currency's decimals. */
    private static BigDecimal inMinorUnits(BigDecimal sum, Currency currency) {
        BigDecimal exact = sum.stripTrailingZeros();
        return exact.scale() < currency.getDefaultFractionDigits()
                ? exact.setScale(currency.getDefaultFractionDigits())
                : exact;
    }
}
