package org.crmkit.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccessDeniedException;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;
import org.crmkit.core.sales.ActivityEvidence;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.ContactRole;
import org.crmkit.core.sales.FieldValue;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.LineItemId;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.StageMoveResult;
import org.crmkit.core.sales.StaleDeal;

/**
 * The calling tenant's deals (opportunities) in their pipelines ({@link Pipelines} defines those, {@link Forecasts}
 * reads the deals in aggregate). Every change loads, changes and saves in one
 * transaction together with its events; a refused stage move stores nothing. Thread-safe.
 */
public final class Sales {

    private final UseCases useCases;
    private final StaleDealAlerts staleDeals;

    Sales(UseCases useCases) {
        this.useCases = useCases;
        this.staleDeals = new StaleDealAlerts(useCases);
    }

    private Pipeline loadPipeline(PipelineId id) {
        Require.notNull(id, "pipelineId");
        return Reads.found(useCases.storage.pipelines().findById(useCases.tenant(), id), "Pipeline", id);
    }

    /** Opens a deal in its pipeline; the calling actor is recorded in the stage history. */
    public Opportunity openOpportunity(NewOpportunity deal) {
        Require.notNull(deal, "opportunity");
        return useCases.write(() -> useCases.save(opened(deal), useCases.opportunities()::save));
    }

    /** The deal opened, not yet saved, once the records it refers to are found; inside the change's transaction. */
    private Opportunity opened(NewOpportunity deal) {
        useCases.references.pipeline(deal.pipeline(), "pipeline");
        Pipeline pipeline = loadPipeline(deal.pipeline());
        useCases.references.account(deal.account(), "account");
        useCases.references.contact(deal.primaryContact(), "primaryContact");
        useCases.references.lead(deal.originLead(), "originLead");
        useCases.references.campaign(deal.campaign(), "campaign");
        return Opportunity.open(
                useCases.tenant(), OpportunityId.next(useCases.ids), deal, pipeline, useCases.actor(), useCases.clock);
    }

    /**
     * Opens the deal another system knows by {@code ref}, or brings the deal that has the reference in line with
     * {@code deal} (an upsert, as {@link Parties#upsertAccount} is for accounts). A new deal is opened as
     * {@link #openOpportunity} does (CREATED). For a stored deal, the amount (refused while it has line items), the
     * expected close date (refused once it is closed), the primary contact and the owner are set to the given ones
     * and named (UPDATED); the same values change nothing (UNCHANGED: nothing written, no event). The stage belongs
     * to the CRM: a given stage is used when the deal is opened only. The name, account, pipeline, currency, origin
     * lead and campaign are fixed once the deal is open: other values are refused with an
     * {@code ExternalRefConflictException} naming the reference, the deal and every difference. Concurrent upserts
     * of one new reference open one deal.
     */
    public Upserted<Opportunity> upsertOpportunity(ExternalRef ref, NewOpportunity deal) {
        Require.notNull(ref, "externalRef");
        Require.notNull(deal, "opportunity");
        return useCases.upsert(
                () -> useCases.opportunities().findByExternalRef(useCases.tenant(), ref),
                () -> {
                    Opportunity created = opened(deal);
                    created.addExternalRef(ref);
                    return created;
                },
                stored -> new OpportunitySync(useCases).changes(ref, stored, deal),
                useCases.opportunities()::save);
    }

    /**
     * Adds a reference of another system to the deal; one it has changes nothing. A reference another deal of the
     * tenant has is refused with a {@code DuplicateRecordException} naming it.
     */
    public Opportunity addExternalRef(OpportunityId id, ExternalRef ref) {
        Require.notNull(ref, "externalRef");
        return change(id, deal -> deal.addExternalRef(ref));
    }

    /** The deal that carries the reference of another system, found by one indexed lookup. */
    public Optional<Opportunity> findOpportunityByExternalRef(ExternalRef ref) {
        return useCases.opportunities().findByExternalRef(useCases.tenant(), Require.notNull(ref, "externalRef"));
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
        return new LineItem(
                id, item.productCode(), item.description(), item.quantity(), item.unitPrice(), item.discountPercent());
    }

    /** Sets the amount of a deal without line items (null: unknown). */
    public Opportunity setAmount(OpportunityId id, Money amount) {
        return change(id, deal -> deal.estimateAmount(amount, useCases.clock));
    }

    public Opportunity addContactRole(OpportunityId id, ContactId contact, BuyingRole role) {
        ContactRole contactRole = ContactRole.of(contact, role);
        return change(id, deal -> {
            useCases.references.contact(contact, "contact");
            deal.addContactRole(contactRole);
        });
    }

    public Opportunity removeContactRole(OpportunityId id, ContactId contact, BuyingRole role) {
        ContactRole contactRole = ContactRole.of(contact, role);
        return change(id, deal -> deal.removeContactRole(contactRole));
    }

    public Opportunity setExpectedCloseDate(OpportunityId id, LocalDate date) {
        return change(id, deal -> deal.expectToCloseOn(date));
    }

    public Opportunity setNextStep(OpportunityId id, String nextStep) {
        return change(id, deal -> deal.planNextStep(nextStep));
    }

    /** Sets a custom field of the deal (name: 1..64 characters); a null value removes it. */
    public Opportunity setCustomField(OpportunityId id, String fieldName, FieldValue value) {
        return change(id, deal -> deal.recordCustomField(fieldName, value));
    }

    /** Replaces the stage's default probability (null: back to the default). */
    public Opportunity overrideProbability(OpportunityId id, Integer percent) {
        return change(id, deal -> deal.overrideProbability(percent));
    }

    public Opportunity assignOpportunity(OpportunityId id, UserId owner) {
        return change(id, deal -> deal.assignTo(owner));
    }

    /**
     * Moves an open deal to another open stage if it meets the gates of every stage it enters (activity gates look
     * at the activities logged about the deal); otherwise refuses with every violation and stores nothing.
     */
    public StageMoveResult moveToStage(OpportunityId id, StageId stage) {
        return move(
                id,
                (deal, pipeline) -> deal.moveTo(pipeline, stage, activitiesOf(deal), useCases.actor(), useCases.clock));
    }

    /**
     * Moves an open deal to another open stage although gates are not met; the stage history records the reason and
     * the overridden violations. Refused only for what no override allows (same stage, a closing stage).
     */
    public StageMoveResult moveOverridingGates(OpportunityId id, StageId stage, String reason) {
        return move(
                id,
                (deal, pipeline) -> deal.moveOverridingGates(
                        pipeline, stage, activitiesOf(deal), reason, useCases.actor(), useCases.clock));
    }

    /** Dry run: what is missing for the deal to reach the stage now (empty: nothing). Stores nothing. */
    public List<Violation> missingFor(OpportunityId id, StageId stage) {
        Opportunity deal = loadOpportunity(id);
        return deal.missingFor(loadPipeline(deal.pipeline()), stage, activitiesOf(deal));
    }

    /**
     * Records the approval of {@code approver} in {@code role} for the deal entering the stage. The approver must be
     * an active user holding the role ({@link AccessDeniedException} otherwise).
     */
    public Opportunity approveStage(OpportunityId id, StageId stage, UserId approver, Role role) {
        Require.notNull(approver, "approver");
        Require.notNull(role, "role");
        return useCases.write(() -> {
            User user = Reads.found(useCases.storage.users().findById(useCases.tenant(), approver), "User", approver);
            if (!user.isActive() || !user.hasRole(role)) {
                throw new AccessDeniedException("user " + user.name() + " cannot approve as " + role
                        + (user.isActive() ? ": does not hold the role" : ": is deactivated"));
            }
            Opportunity deal = loadOpportunity(id);
            deal.approve(loadPipeline(deal.pipeline()), stage, role, approver, useCases.actor(), useCases.clock);
            return useCases.save(deal, useCases.opportunities()::save);
        });
    }

    /** Marks the deal won for a reason (from the pipeline's list, if it has one), once the won stage's gates hold. */
    public StageMoveResult markWon(OpportunityId id, String reason) {
        return move(
                id,
                (deal, pipeline) ->
                        deal.markWon(pipeline, reason, activitiesOf(deal), useCases.actor(), useCases.clock));
    }

    /** Marks the deal lost for a reason (from the pipeline's list, if it has one), to a competitor (may be null). */
    public StageMoveResult markLost(OpportunityId id, String reason, String competitor) {
        return move(
                id,
                (deal, pipeline) -> deal.markLost(
                        pipeline, reason, competitor, activitiesOf(deal), useCases.actor(), useCases.clock));
    }

    /** Reopens a won or lost deal into an open stage whose gates it meets. */
    public StageMoveResult reopen(OpportunityId id, StageId stage) {
        return move(
                id,
                (deal, pipeline) -> deal.reopen(pipeline, stage, activitiesOf(deal), useCases.actor(), useCases.clock));
    }

    /**
     * Checks every open deal of the tenant for staleness as of now (the rules: {@link Opportunity#staleness}). For a
     * stale deal not yet alerted in this stale spell ({@link Opportunity#staleAlertStands}), creates the owner's task
     * ({@link Opportunity#staleAlertTask}: high priority, due a day later, linked to the deal) and records the alert;
     * later checks report the deal without a new task until a new spell starts. Each deal is handled in its own
     * transaction. Returns the stale deals by pipeline, then expected close date.
     */
    public List<StaleDeal> alertStaleDeals() {
        return staleDeals.alertStaleDeals();
    }

    private ActivityEvidence activitiesOf(Opportunity deal) {
        RecordRef subject = RecordRef.opportunity(deal.id());
        return (kind, since) -> !useCases.storage
                .activities()
                .timeline(
                        useCases.tenant(), subject, new TimelineFilter(Set.of(kind), since, null), PageRequest.first(1))
                .items()
                .isEmpty();
    }

    private StageMoveResult move(OpportunityId id, BiFunction<Opportunity, Pipeline, StageMoveResult> move) {
        return useCases.write(() -> {
            Opportunity deal = loadOpportunity(id);
            StageMoveResult result = move.apply(deal, loadPipeline(deal.pipeline()));
            if (result.moved()) {
                useCases.save(deal, useCases.opportunities()::save);
            }
            return result;
        });
    }

    private Opportunity change(OpportunityId id, Consumer<Opportunity> change) {
        return useCases.write(() -> {
            Opportunity deal = loadOpportunity(id);
            change.accept(deal);
            return useCases.save(deal, useCases.opportunities()::save);
        });
    }

    private Opportunity loadOpportunity(OpportunityId id) {
        Require.notNull(id, "opportunityId");
        return Reads.found(useCases.opportunities().findById(useCases.tenant(), id), "Opportunity", id);
    }

    public Optional<Opportunity> opportunity(OpportunityId id) {
        return useCases.opportunities().findById(useCases.tenant(), Require.notNull(id, "opportunityId"));
    }

    /** The owner's deals by expected close date. */
    public Page<Opportunity> opportunitiesOf(UserId owner, PageRequest page) {
        return useCases.opportunities()
                .findByOwner(useCases.tenant(), Require.notNull(owner, "owner"), Require.notNull(page, "page"));
    }

    /** The account's deals by creation time. */
    public List<Opportunity> opportunitiesOfAccount(AccountId account) {
        return useCases.opportunities().findByAccount(useCases.tenant(), Require.notNull(account, "account"));
    }

    /** The open deals of a pipeline by expected close date. */
    public Page<Opportunity> openOpportunities(PipelineId pipeline, PageRequest page) {
        return useCases.opportunities()
                .findOpenInPipeline(
                        useCases.tenant(), Require.notNull(pipeline, "pipeline"), Require.notNull(page, "page"));
    }

    /** Open deals expected to close in the date range (inclusive). */
    public Page<Opportunity> opportunitiesClosingBetween(LocalDate from, LocalDate to, PageRequest page) {
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        Require.that(!to.isBefore(from), "to", "must not be before " + from + ", was " + to);
        return useCases.opportunities().findClosingBetween(useCases.tenant(), from, to, Require.notNull(page, "page"));
    }

    /** Deals now in the stage. */
    public Page<Opportunity> opportunitiesInStage(StageId stage, PageRequest page) {
        return useCases.opportunities()
                .findByStage(useCases.tenant(), Require.notNull(stage, "stage"), Require.notNull(page, "page"));
    }
}
