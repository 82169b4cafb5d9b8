package org.crmkit.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.ContactRole;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.LineItemId;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.sales.Stage;
import org.crmkit.core.sales.StageMoveResult;

/**
 * Pipelines, opportunities and quotas of the calling tenant. Every change loads, changes and saves in one
 * transaction together with its events; a refused stage move stores nothing. Thread-safe.
 */
public final class Sales {

    private final UseCases useCases;

    Sales(UseCases useCases) {
        this.useCases = useCases;
    }

    /** Defines a pipeline with its stages in order; the stages get new ids. */
    public Pipeline definePipeline(String name, List<NewStage> stages) {
        List<Stage> defined = new ArrayList<>();
        List<NewStage> checked = Require.noNulls(stages, "stages");
        for (NewStage stage : checked) {
            defined.add(toStage(stage));
        }
        return useCases.save(Pipeline.define(useCases.tenant(), PipelineId.next(useCases.ids), name, defined,
                useCases.clock), useCases.storage.pipelines()::save);
    }

    private Stage toStage(NewStage stage) {
        Require.notNull(stage, "stage");
        return new Stage(StageId.next(useCases.ids), stage.name(), stage.probabilityPercent(), stage.forecastCategory(),
                stage.kind(), stage.rottingDays());
    }

    /** Inserts a new stage at {@code position} (0 = first). */
    public Pipeline addStage(PipelineId pipelineId, NewStage stage, int position) {
        Stage added = toStage(stage);
        return changePipeline(pipelineId, pipeline -> pipeline.addStage(added, position, useCases.clock));
    }

    public Pipeline renameStage(PipelineId pipelineId, StageId stageId, String name) {
        return changePipeline(pipelineId, pipeline -> pipeline.renameStage(stageId, name, useCases.clock));
    }

    /** Puts the stages in the given order, which must name every stage once. */
    public Pipeline reorderStages(PipelineId pipelineId, List<StageId> order) {
        return changePipeline(pipelineId, pipeline -> pipeline.reorderStages(order, useCases.clock));
    }

    private Pipeline changePipeline(PipelineId id, Consumer<Pipeline> change) {
        return useCases.write(() -> {
            Pipeline pipeline = loadPipeline(id);
            change.accept(pipeline);
            return useCases.save(pipeline, useCases.storage.pipelines()::save);
        });
    }

    private Pipeline loadPipeline(PipelineId id) {
        Require.notNull(id, "pipelineId");
        return UseCases.found(useCases.storage.pipelines().findById(useCases.tenant(), id), "Pipeline", id);
    }

    public Optional<Pipeline> pipeline(PipelineId id) {
        return useCases.storage.pipelines().findById(useCases.tenant(), Require.notNull(id, "pipelineId"));
    }

    /** The tenant's pipelines by name. */
    public List<Pipeline> pipelines() {
        return useCases.storage.pipelines().findAll(useCases.tenant());
    }

    /** Opens a deal in its pipeline; the calling actor is recorded in the stage history. */
    public Opportunity openOpportunity(NewOpportunity deal) {
        Require.notNull(deal, "opportunity");
        return useCases.write(() -> {
            Pipeline pipeline = loadPipeline(deal.pipeline());
            Opportunity opened = Opportunity.open(useCases.tenant(), OpportunityId.next(useCases.ids), deal.name(),
                    deal.account(), deal.primaryContact(), pipeline, deal.stage(), deal.currency(), deal.amount(),
                    deal.expectedCloseDate(), deal.owner(), deal.originLead(), deal.campaign(), useCases.actor(),
                    useCases.clock);
            return useCases.save(opened, useCases.storage.opportunities()::save);
        });
    }

    /** Adds a line item; the deal's amount becomes the sum of its line items. */
    public Opportunity addLineItem(OpportunityId id, NewLineItem item) {
        LineItem added = toLineItem(LineItemId.next(useCases.ids), item);
        return change(id, deal -> deal.addLineItem(added, useCases.clock));
    }

    /** Replaces the content of a line item. */
    public Opportunity changeLineItem(OpportunityId id, LineItemId itemId, NewLineItem item) {
        LineItem changed = toLineItem(Require.notNull(itemId, "lineItemId"), item);
        return change(id, deal -> deal.changeLineItem(changed, useCases.clock));
    }

    public Opportunity removeLineItem(OpportunityId id, LineItemId itemId) {
        return change(id, deal -> deal.removeLineItem(itemId, useCases.clock));
    }

    private static LineItem toLineItem(LineItemId id, NewLineItem item) {
        Require.notNull(item, "lineItem");
        return new LineItem(id, item.productCode(), item.description(), item.quantity(), item.unitPrice(),
                item.discountPercent());
    }

    /** Sets the amount of a deal without line items (null: unknown). */
    public Opportunity setAmount(OpportunityId id, Money amount) {
        return change(id, deal -> deal.setAmount(amount, useCases.clock));
    }

    public Opportunity addContactRole(OpportunityId id, ContactId contact, BuyingRole role) {
        ContactRole contactRole = ContactRole.of(contact, role);
        return change(id, deal -> deal.addContactRole(contactRole));
    }

    public Opportunity removeContactRole(OpportunityId id, ContactId contact, BuyingRole role) {
        ContactRole contactRole = ContactRole.of(contact, role);
        return change(id, deal -> deal.removeContactRole(contactRole));
    }

    public Opportunity setExpectedCloseDate(OpportunityId id, LocalDate date) {
        return change(id, deal -> deal.setExpectedCloseDate(date));
    }

    public Opportunity setNextStep(OpportunityId id, String nextStep) {
        return change(id, deal -> deal.setNextStep(nextStep));
    }

    /** Replaces the stage's default probability (null: back to the default). */
    public Opportunity overrideProbability(OpportunityId id, Integer percent) {
        return change(id, deal -> deal.overrideProbability(percent));
    }

    public Opportunity assignOpportunity(OpportunityId id, UserId owner) {
        return change(id, deal -> deal.assignTo(owner));
    }

    /** Moves an open deal to another open stage; a refusal stores nothing. */
    public StageMoveResult moveToStage(OpportunityId id, StageId stage) {
        return move(id, (deal, pipeline) -> deal.moveTo(pipeline, stage, useCases.actor(), useCases.clock));
    }

    public StageMoveResult markWon(OpportunityId id, String reason) {
        return move(id, (deal, pipeline) -> deal.markWon(pipeline, reason, useCases.actor(), useCases.clock));
    }

    /** Marks the deal lost for a reason, to a competitor (may be null). */
    public StageMoveResult markLost(OpportunityId id, String reason, String competitor) {
        return move(id, (deal, pipeline) -> deal.markLost(pipeline, reason, competitor, useCases.actor(),
                useCases.clock));
    }

    /** Reopens a won or lost deal into an open stage. */
    public StageMoveResult reopen(OpportunityId id, StageId stage) {
        return move(id, (deal, pipeline) -> deal.reopen(pipeline, stage, useCases.actor(), useCases.clock));
    }

    private StageMoveResult move(OpportunityId id, BiFunction<Opportunity, Pipeline, StageMoveResult> move) {
        return useCases.write(() -> {
            Opportunity deal = loadOpportunity(id);
            StageMoveResult result = move.apply(deal, loadPipeline(deal.pipeline()));
            if (result.moved()) {
                useCases.save(deal, useCases.storage.opportunities()::save);
            }
            return result;
        });
    }

    private Opportunity change(OpportunityId id, Consumer<Opportunity> change) {
        return useCases.write(() -> {
            Opportunity deal = loadOpportunity(id);
            change.accept(deal);
            return useCases.save(deal, useCases.storage.opportunities()::save);
        });
    }

    private Opportunity loadOpportunity(OpportunityId id) {
        Require.notNull(id, "opportunityId");
        return UseCases.found(useCases.storage.opportunities().findById(useCases.tenant(), id), "Opportunity", id);
    }

    public Optional<Opportunity> opportunity(OpportunityId id) {
        return useCases.storage.opportunities().findById(useCases.tenant(), Require.notNull(id, "opportunityId"));
    }

    /** The owner's deals by expected close date. */
    public Page<Opportunity> opportunitiesOf(UserId owner, PageRequest page) {
        return useCases.storage.opportunities().findByOwner(useCases.tenant(), Require.notNull(owner, "owner"),
                Require.notNull(page, "page"));
    }

    /** The account's deals by creation time. */
    public List<Opportunity> opportunitiesOfAccount(AccountId account) {
        return useCases.storage.opportunities().findByAccount(useCases.tenant(), Require.notNull(account, "account"));
    }

    /** The open deals of a pipeline by expected close date. */
    public Page<Opportunity> openOpportunities(PipelineId pipeline, PageRequest page) {
        return useCases.storage.opportunities().findOpenInPipeline(useCases.tenant(),
                Require.notNull(pipeline, "pipeline"), Require.notNull(page, "page"));
    }

    /** Open deals expected to close in the date range (inclusive). */
    public Page<Opportunity> opportunitiesClosingBetween(LocalDate from, LocalDate to, PageRequest page) {
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        Require.that(!to.isBefore(from), "to", "must not be before " + from + ", was " + to);
        return useCases.storage.opportunities().findClosingBetween(useCases.tenant(), from, to,
                Require.notNull(page, "page"));
    }

    /** Deals now in the stage. */
    public Page<Opportunity> opportunitiesInStage(StageId stage, PageRequest page) {
        return useCases.storage.opportunities().findByStage(useCases.tenant(), Require.notNull(stage, "stage"),
                Require.notNull(page, "page"));
    }

    /** Sets the quota of a user or team for a period, replacing the amount of an existing one. */
    public Quota setQuota(QuotaHolder holder, QuotaPeriod period, Money amount) {
        Require.notNull(holder, "holder");
        Require.notNull(period, "period");
        return useCases.write(() -> {
            Optional<Quota> existing = useCases.storage.quotas().findFor(useCases.tenant(), holder, period);
            Quota quota;
            if (existing.isPresent()) {
                quota = existing.get();
                quota.changeAmount(amount, useCases.clock);
            } else {
                quota = Quota.set(useCases.tenant(), QuotaId.next(useCases.ids), holder, period, amount, useCases.clock);
            }
            return useCases.save(quota, useCases.storage.quotas()::save);
        });
    }

    public Optional<Quota> quota(QuotaHolder holder, QuotaPeriod period) {
        return useCases.storage.quotas().findFor(useCases.tenant(), Require.notNull(holder, "holder"),
                Require.notNull(period, "period"));
    }

    /** Quotas overlapping the period, by period. */
    public List<Quota> quotasOverlapping(QuotaPeriod period) {
        return useCases.storage.quotas().findOverlapping(useCases.tenant(), Require.notNull(period, "period"));
    }
}
