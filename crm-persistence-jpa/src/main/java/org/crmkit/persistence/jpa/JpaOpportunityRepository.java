package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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

    private static RowQuery open() {
        return RowQuery.where("r.status = :open").bind("open", OpportunityStatus.OPEN.name());
    }
}
