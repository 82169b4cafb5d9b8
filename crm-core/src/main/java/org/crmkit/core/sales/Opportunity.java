package org.crmkit.core.sales;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.access.Role;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.TaskPriority;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;

/**
 * A deal: what may be sold to an account, for how much, by when, and where it stands in its {@link Pipeline}.
 *
 * <p>Amount: while the deal has {@link LineItem}s its amount is their sum (each rounded to the minor unit) and
 * cannot be set directly; without line items it is whatever was {@link #estimateAmount estimated} (null: not yet
 * known). Removing the last line item keeps the amount the items added up to. Everything is in the deal's currency.
 *
 * <p>Stages: {@link #moveTo}, {@link #markWon}, {@link #markLost} and {@link #reopen} answer with a
 * {@link StageMoveResult}: either the move happened and was recorded in the stage history (from, to, when, who), or
 * it was refused with every reason and nothing changed. Every move evaluates the {@link StageGate}s of the stage
 * entered (moving forward past several stages: of every stage entered on the way) and is refused with the complete
 * list of their violations, unless the caller {@link #moveOverridingGates overrides} them with a reason, which the
 * stage history keeps. {@link #missingFor} answers what is missing for a stage without changing anything. Won and
 * lost reasons must come from the pipeline's list when it has one. A closed (won or lost) deal changes only through
 * {@link #reopen}. Not thread-safe.
 */
public final class Opportunity extends AggregateRoot<OpportunityId> {

    /** Violation code: the deal is already in the target stage. */
    public static final String SAME_STAGE = "stage.unchanged";
    /** Violation code: a won or lost stage is reached only through markWon/markLost. */
    public static final String CLOSING_STAGE = "stage.closing-stage";
    /** Violation code: reopening needs an open stage as target. */
    public static final String NOT_AN_OPEN_STAGE = "stage.not-open";
    /** Violation code: the won or lost reason is not one of the pipeline's reasons. */
    public static final String UNKNOWN_CLOSE_REASON = "stage.unknown-close-reason";

    private final String name;
    private final AccountId account;
    private final PipelineId pipeline;
    private final Currency currency;
    private final LeadId originLead;
    private final CampaignId campaign;
    private final Instant createdAt;
    private final List<ContactRole> contactRoles;
    private final List<LineItem> lineItems;
    private final List<StageChange> stageHistory;
    private final List<GateApproval> approvals;
    private final Map<String, FieldValue> customFields;
    private ContactId primaryContact;
    private StageId stage;
    private Instant stageEnteredAt;
    private OpportunityStatus status;
    private Money amount;
    private LocalDate expectedCloseDate;
    private UserId owner;
    private Integer probabilityOverride;
    private String nextStep;
    private String closeReason;
    private String competitor;
    private Instant closedAt;
    private StaleAlert staleAlert;
    private List<ExternalRef> externalRefs;

    private Opportunity(OpportunityState s) {
        super(s.tenant(), s.id(), s.version());
        this.name = s.name();
        this.account = s.account();
        this.primaryContact = s.primaryContact();
        this.pipeline = s.pipeline();
        this.stage = s.stage();
        this.stageEnteredAt = s.stageEnteredAt();
        this.status = s.status();
        this.currency = s.currency();
        this.amount = s.amount();
        this.expectedCloseDate = s.expectedCloseDate();
        this.owner = s.owner();
        this.probabilityOverride = s.probabilityOverride();
        this.nextStep = s.nextStep();
        this.contactRoles = new ArrayList<>(s.contactRoles());
        this.lineItems = new ArrayList<>(s.lineItems());
        this.stageHistory = new ArrayList<>(s.stageHistory());
        this.approvals = new ArrayList<>(s.approvals());
        this.staleAlert = s.staleAlert();
        this.closeReason = s.closeReason();
        this.competitor = s.competitor();
        this.closedAt = s.closedAt();
        this.customFields = new LinkedHashMap<>(s.customFields());
        this.originLead = s.originLead();
        this.campaign = s.campaign();
        this.createdAt = s.createdAt();
        this.externalRefs = s.externalRefs();
    }

    /**
     * Opens {@code deal} in its stage of {@code pipeline} (the pipeline the deal names; without a stage: the
     * pipeline's first open stage), recording {@code actor} in the first stage history entry. Records
     * {@link OpportunityOpened}.
     */
    public static Opportunity open(
            TenantId tenant, OpportunityId id, NewOpportunity deal, Pipeline pipeline, Actor actor, Clock clock) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(deal, "opportunity");
        String checkedName = Require.maxLength(Require.notBlank(deal.name(), "name"), 200, "name");
        Require.notNull(deal.account(), "account");
        Require.notNull(pipeline, "pipeline");
        Require.that(pipeline.tenant().equals(tenant), "pipeline", "belongs to another tenant");
        Require.that(
                pipeline.id().equals(deal.pipeline()),
                "pipeline",
                "the deal names pipeline " + deal.pipeline() + ", not " + pipeline.id());
        Stage start = deal.stage() == null ? pipeline.openStages().get(0) : pipeline.requireStage(deal.stage());
        Require.that(start.isOpen(), "stageId", "a deal opens in an open stage, not in " + start.name());
        Currency currency = deal.currency();
        Money.zero(Require.notNull(currency, "currency"));
        checkAmount(deal.amount(), currency);
        Require.notNull(deal.owner(), "owner");
        Require.notNull(actor, "actor");
        Instant now = clock.instant();
        StageChange first = new StageChange(null, start.id(), now, actor);
        Opportunity opened = new Opportunity(new OpportunityState(
                tenant,
                id,
                0,
                checkedName,
                deal.account(),
                deal.primaryContact(),
                pipeline.id(),
                start.id(),
                now,
                OpportunityStatus.OPEN,
                currency,
                deal.amount(),
                deal.expectedCloseDate(),
                deal.owner(),
                null,
                null,
                List.of(),
                List.of(),
                List.of(first),
                List.of(),
                null,
                null,
                null,
                null,
                Map.of(),
                deal.originLead(),
                deal.campaign(),
                now,
                List.of()));
        opened.record(new OpportunityOpened(
                tenant,
                id.value(),
                now,
                checkedName,
                deal.account(),
                pipeline.id(),
                start.id(),
                deal.owner(),
                deal.amount()));
        return opened;
    }

    /** Restores a deal exactly as it was stored. */
    public static Opportunity restore(OpportunityState state) {
        return new Opportunity(Require.notNull(state, "state"));
    }

    public OpportunityState state() {
        return new OpportunityState(
                tenant(),
                id(),
                version(),
                name,
                account,
                primaryContact,
                pipeline,
                stage,
                stageEnteredAt,
                status,
                currency,
                amount,
                expectedCloseDate,
                owner,
                probabilityOverride,
                nextStep,
                List.copyOf(contactRoles),
                List.copyOf(lineItems),
                List.copyOf(stageHistory),
                List.copyOf(approvals),
                closeReason,
                competitor,
                closedAt,
                staleAlert,
                customFields,
                originLead,
                campaign,
                createdAt,
                externalRefs);
    }

    private static void checkAmount(Money amount, Currency currency) {
        if (amount == null) {
            return;
        }
        if (!amount.currency().equals(currency)) {
            throw new CurrencyMismatchException("amount", currency, amount.currency());
        }
        Require.that(!amount.isNegative(), "amount", "must not be negative, was " + amount);
        Require.that(amount.isInMinorUnits(), "amount", "must be in the minor unit of " + currency + ", was " + amount);
    }

    /**
     * Moves the open deal to another open stage of its pipeline, as {@link #moveTo(Pipeline, StageId,
     * ActivityEvidence, Actor, Clock)} does with no known activities.
     */
    public StageMoveResult moveTo(Pipeline pipeline, StageId target, Actor actor, Clock clock) {
        return moveTo(pipeline, target, ActivityEvidence.NONE, actor, clock);
    }

    /**
     * Moves the open deal to another open stage of its pipeline. Refused ({@link #SAME_STAGE}, {@link #CLOSING_STAGE})
     * when the target is the current stage or a won/lost stage, and with every gate violation when gates are not met.
     * Records {@link OpportunityStageChanged}.
     */
    public StageMoveResult moveTo(
            Pipeline pipeline, StageId target, ActivityEvidence activities, Actor actor, Clock clock) {
        requireOpen("move");
        Stage to = ownStage(pipeline, target);
        Require.notNull(actor, "actor");
        List<Violation> violations = moveViolations(to);
        violations.addAll(gateViolations(pipeline, to, Require.notNull(activities, "activities")));
        if (!violations.isEmpty()) {
            return new StageMoveResult.Refused(violations);
        }
        return changeStage(to, null, actor, clock);
    }

    /**
     * Moves the open deal to another open stage although gates are not met, recording the overridden violations and
     * the reason in the stage history. Refused like {@link #moveTo} for what cannot be overridden (same stage, a
     * closing stage). When every gate is met it is a plain move without override.
     */
    public StageMoveResult moveOverridingGates(
            Pipeline pipeline, StageId target, ActivityEvidence activities, String reason, Actor actor, Clock clock) {
        requireOpen("move");
        Stage to = ownStage(pipeline, target);
        Require.notNull(actor, "actor");
        String checkedReason = Require.maxLength(Require.notBlank(reason, "overrideReason"), 500, "overrideReason");
        List<Violation> violations = moveViolations(to);
        if (!violations.isEmpty()) {
            return new StageMoveResult.Refused(violations);
        }
        List<Violation> gates = gateViolations(pipeline, to, Require.notNull(activities, "activities"));
        return changeStage(to, gates.isEmpty() ? null : new GateOverride(checkedReason, gates), actor, clock);
    }

    /**
     * Dry run: every reason a move of this deal to {@code target} would be refused now (the same violations
     * {@link #moveTo}, {@link #markWon}/{@link #markLost} for a closing stage, or {@link #reopen} would report, except
     * for a close reason); empty when the move would succeed. Changes nothing.
     */
    public List<Violation> missingFor(Pipeline pipeline, StageId target, ActivityEvidence activities) {
        Stage to = ownStage(pipeline, target);
        Require.notNull(activities, "activities");
        List<Violation> violations = new ArrayList<>();
        if (isOpen()) {
            if (to.id().equals(stage)) {
                violations.add(sameStage(to));
            }
        } else if (!to.isOpen()) {
            violations.add(notOpen(to));
        }
        violations.addAll(gateViolations(pipeline, to, activities));
        return violations;
    }

    private List<Violation> moveViolations(Stage to) {
        List<Violation> violations = new ArrayList<>();
        if (to.id().equals(stage)) {
            violations.add(sameStage(to));
        }
        if (!to.isOpen()) {
            violations.add(Violation.of(
                    CLOSING_STAGE,
                    "stage " + to.name() + " is reached by marking the deal "
                            + to.kind().name().toLowerCase(Locale.ROOT),
                    "stageId"));
        }
        return violations;
    }

    private static Violation sameStage(Stage to) {
        return Violation.of(SAME_STAGE, "the deal is already in stage " + to.name(), "stageId");
    }

    private static Violation notOpen(Stage to) {
        return Violation.of(
                NOT_AN_OPEN_STAGE, "a deal is reopened into an open stage, not into " + to.name(), "stageId");
    }

    /**
     * The violations of the gates of every stage entered: the target, and going forward from an open stage to an open
     * stage also the open stages passed on the way (winning or losing checks only the closing stage's gates). A violation with the same code and field as an earlier one is reported once.
     */
    private List<Violation> gateViolations(Pipeline pipeline, Stage to, ActivityEvidence activities) {
        List<Stage> entered = new ArrayList<>();
        int from = pipeline.positionOf(stage);
        int target = pipeline.positionOf(to.id());
        if (isOpen() && to.isOpen()) {
            for (int i = from + 1; i < target; i++) {
                Stage passed = pipeline.stages().get(i);
                if (passed.isOpen()) {
                    entered.add(passed);
                }
            }
        }
        entered.add(to);
        Map<String, Violation> violations = new LinkedHashMap<>();
        for (Stage entering : entered) {
            ProposedMove move = new ProposedMove(this, pipeline, entering, to, activities);
            for (StageGate gate : entering.gates()) {
                for (Violation violation : gate.check(move)) {
                    violations.putIfAbsent(violation.code() + "|" + violation.field(), violation);
                }
            }
        }
        return new ArrayList<>(violations.values());
    }

    /** Closes the open deal as won with no known activities; see the overload with {@link ActivityEvidence}. */
    public StageMoveResult markWon(Pipeline pipeline, String reason, Actor actor, Clock clock) {
        return markWon(pipeline, reason, ActivityEvidence.NONE, actor, clock);
    }

    /**
     * Closes the open deal as won, in the pipeline's won stage, with a reason (from the pipeline's won reasons when
     * it lists any, else {@link #UNKNOWN_CLOSE_REASON}) once the won stage's gates are met. Records
     * {@link OpportunityWon}.
     */
    public StageMoveResult markWon(
            Pipeline pipeline, String reason, ActivityEvidence activities, Actor actor, Clock clock) {
        requireOpen("win");
        StageMoveResult result = close(pipeline, StageKind.WON, reason, null, activities, actor, clock);
        if (result.moved()) {
            record(new OpportunityWon(tenant(), id().value(), closedAt, account, amount, closeReason, actor));
        }
        return result;
    }

    /** Moves into the won or lost stage if the reason is allowed and its gates are met; sets the close fields. */
    private StageMoveResult close(
            Pipeline pipeline,
            StageKind kind,
            String reason,
            String competitor,
            ActivityEvidence activities,
            Actor actor,
            Clock clock) {
        checkPipeline(pipeline);
        Require.maxLength(Require.notBlank(reason, "reason"), 200, "reason");
        String checkedCompetitor = Require.maxLength(Require.optional(competitor), 200, "competitor");
        Require.notNull(actor, "actor");
        Stage closing = kind == StageKind.WON ? pipeline.wonStage() : pipeline.lostStage();
        Optional<String> listed = pipeline.closeReason(kind, reason);
        List<Violation> violations = new ArrayList<>();
        if (listed.isEmpty()) {
            violations.add(Violation.of(
                    UNKNOWN_CLOSE_REASON,
                    "'" + reason.strip() + "' is not one of the reasons "
                            + (kind == StageKind.WON ? pipeline.wonReasons() : pipeline.lostReasons()),
                    "reason"));
        }
        violations.addAll(gateViolations(pipeline, closing, Require.notNull(activities, "activities")));
        if (!violations.isEmpty()) {
            return new StageMoveResult.Refused(violations);
        }
        StageMoveResult result = changeStage(closing, null, actor, clock);
        status = kind == StageKind.WON ? OpportunityStatus.WON : OpportunityStatus.LOST;
        closeReason = listed.orElseThrow();
        this.competitor = checkedCompetitor;
        closedAt = clock.instant();
        return result;
    }

    /** Closes the open deal as lost with no known activities; see the overload with {@link ActivityEvidence}. */
    public StageMoveResult markLost(Pipeline pipeline, String reason, String competitor, Actor actor, Clock clock) {
        return markLost(pipeline, reason, competitor, ActivityEvidence.NONE, actor, clock);
    }

    /**
     * Closes the open deal as lost, in the pipeline's lost stage, with a reason (from the pipeline's lost reasons
     * when it lists any) and the competitor that won it (may be null), once the lost stage's gates are met. Records
     * {@link OpportunityLost}.
     */
    public StageMoveResult markLost(
            Pipeline pipeline,
            String reason,
            String competitor,
            ActivityEvidence activities,
            Actor actor,
            Clock clock) {
        requireOpen("lose");
        StageMoveResult result = close(pipeline, StageKind.LOST, reason, competitor, activities, actor, clock);
        if (result.moved()) {
            record(new OpportunityLost(
                    tenant(), id().value(), closedAt, account, amount, closeReason, this.competitor, actor));
        }
        return result;
    }

    /** Reopens with no known activities; see {@link #reopen(Pipeline, StageId, ActivityEvidence, Actor, Clock)}. */
    public StageMoveResult reopen(Pipeline pipeline, StageId target, Actor actor, Clock clock) {
        return reopen(pipeline, target, ActivityEvidence.NONE, actor, clock);
    }

    /**
     * Reopens a won or lost deal into an open stage whose gates it meets; the close reason, competitor and close time
     * are cleared (the stage history and events keep them). Refused ({@link #NOT_AN_OPEN_STAGE}) for a target that
     * is not open. Records {@link OpportunityReopened}.
     */
    public StageMoveResult reopen(
            Pipeline pipeline, StageId target, ActivityEvidence activities, Actor actor, Clock clock) {
        if (status == OpportunityStatus.OPEN) {
            throw new IllegalTransitionException("Opportunity " + id() + " is open and cannot be reopened");
        }
        Stage to = ownStage(pipeline, target);
        Require.notNull(actor, "actor");
        List<Violation> violations = new ArrayList<>();
        if (!to.isOpen()) {
            violations.add(notOpen(to));
        }
        violations.addAll(gateViolations(pipeline, to, Require.notNull(activities, "activities")));
        if (!violations.isEmpty()) {
            return new StageMoveResult.Refused(violations);
        }
        OpportunityStatus previous = status;
        StageMoveResult result = changeStage(to, null, actor, clock);
        status = OpportunityStatus.OPEN;
        closeReason = null;
        competitor = null;
        closedAt = null;
        record(new OpportunityReopened(tenant(), id().value(), clock.instant(), previous, to.id(), actor));
        return result;
    }

    private StageMoveResult changeStage(Stage to, GateOverride override, Actor actor, Clock clock) {
        StageChange change = new StageChange(stage, to.id(), clock.instant(), actor, override);
        stageHistory.add(change);
        stage = to.id();
        stageEnteredAt = change.at();
        record(new OpportunityStageChanged(
                tenant(), id().value(), change.at(), pipeline, change.from(), change.to(), actor));
        return new StageMoveResult.Moved(change);
    }

    /**
     * Records that {@code approver}, holding {@code role}, approves the deal entering {@code stageId}; satisfies the
     * stage's {@link StageGate.ApprovalRequired} gate for the role. Approving twice in the same role changes nothing.
     * Records {@link OpportunityStageApproved}.
     */
    public void approve(Pipeline pipeline, StageId stageId, Role role, UserId approver, Actor actor, Clock clock) {
        Stage approved = ownStage(pipeline, stageId);
        Require.notNull(role, "role");
        Require.notNull(approver, "approver");
        Require.notNull(actor, "actor");
        if (approvals.stream().anyMatch(a -> a.stage().equals(approved.id()) && a.role() == role)) {
            return;
        }
        GateApproval approval = new GateApproval(approved.id(), role, approver, clock.instant());
        approvals.add(approval);
        record(new OpportunityStageApproved(
                tenant(), id().value(), approval.at(), approved.id(), role, approver, actor));
    }

    /**
     * How stale the open deal is at {@code now}, or empty when it is not: {@link StaleReason#ROTTING rotting} once it
     * has rested in its stage for the stage's rotting days, {@link StaleReason#INACTIVE inactive} once it has gone
     * without activity (since {@code lastActivityAt}; null: since it was opened) for the pipeline's inactivity days.
     * Counts whole days; a stage or pipeline without a threshold never makes the deal stale for that reason.
     */
    public Optional<Staleness> staleness(Pipeline pipeline, Instant lastActivityAt, Instant now) {
        checkPipeline(pipeline);
        Require.notNull(now, "now");
        Instant quietSince = lastActivityAt == null ? createdAt : lastActivityAt;
        long daysInStage = Duration.between(stageEnteredAt, now).toDays();
        long daysQuiet = Duration.between(quietSince, now).toDays();
        Set<StaleReason> reasons = EnumSet.noneOf(StaleReason.class);
        Integer rotting = pipeline.requireStage(stage).rottingDays();
        if (rotting != null && daysInStage >= rotting) {
            reasons.add(StaleReason.ROTTING);
        }
        if (pipeline.inactivityDays() != null && daysQuiet >= pipeline.inactivityDays()) {
            reasons.add(StaleReason.INACTIVE);
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Staleness(reasons, daysInStage, daysQuiet, lastActivityAt, now));
    }

    /**
     * Whether the deal's stale spell was already alerted: the last alert was raised after the deal entered its stage
     * and, when it is now {@link StaleReason#INACTIVE inactive}, after its last activity. An activity after the alert
     * followed by a new quiet spell, or a stage change, makes a new spell.
     */
    public boolean staleAlertStands(Staleness staleness) {
        Require.notNull(staleness, "staleness");
        Instant lastActivityAt = staleness.lastActivityAt();
        return staleAlert != null
                && !staleAlert.raisedAt().isBefore(stageEnteredAt)
                && (!staleness.reasons().contains(StaleReason.INACTIVE)
                        || lastActivityAt == null
                        || lastActivityAt.isBefore(staleAlert.raisedAt()));
    }

    /** The owner's task for a new stale spell: high priority, due a day after it was found, linked to the deal. */
    public NewTask staleAlertTask(Staleness staleness) {
        Require.notNull(staleness, "staleness");
        return new NewTask(
                "Stale deal: " + name,
                "No progress on " + name + ": " + staleness.describe(),
                staleness.measuredAt().plus(Duration.ofDays(1)),
                owner,
                TaskPriority.HIGH,
                RecordRef.opportunity(id()),
                null);
    }

    /** Records that the open deal was found stale and {@code task} was created for its owner. */
    public void raiseStaleAlert(Set<StaleReason> reasons, TaskId task, Clock clock) {
        requireOpen("alert");
        StaleAlert alert = new StaleAlert(reasons, task, clock.instant());
        staleAlert = alert;
        record(new OpportunityFoundStale(tenant(), id().value(), alert.raisedAt(), alert.reasons(), task, owner));
    }

    private Stage ownStage(Pipeline pipeline, StageId target) {
        checkPipeline(pipeline);
        return pipeline.requireStage(Require.notNull(target, "stageId"));
    }

    private void checkPipeline(Pipeline pipeline) {
        Require.notNull(pipeline, "pipeline");
        Require.that(
                pipeline.id().equals(this.pipeline) && pipeline.tenant().equals(tenant()),
                "pipeline",
                "the deal is in pipeline " + this.pipeline + ", not in " + pipeline.id());
    }

    private void requireOpen(String action) {
        if (status != OpportunityStatus.OPEN) {
            throw new IllegalTransitionException(
                    "Opportunity " + id() + " is " + status + "; cannot " + action + " it before it is reopened");
        }
    }

    /** Probability of winning in percent: 100 when won, 0 when lost, else the override or the stage's default. */
    public int probabilityPercent(Pipeline pipeline) {
        checkPipeline(pipeline);
        return switch (status) {
            case WON -> 100;
            case LOST -> 0;
            case OPEN ->
                probabilityOverride != null
                        ? probabilityOverride
                        : pipeline.requireStage(stage).probabilityPercent();
        };
    }

    /** Adds a line item in the deal's currency; the amount becomes the sum of the line items. */
    public void addLineItem(LineItem item, Clock clock) {
        requireOpen("change");
        checkLineItem(item, "lineItem");
        Require.that(
                lineItems.stream().noneMatch(i -> i.id().equals(item.id())),
                "lineItem.id",
                "the deal already has line item " + item.id().value());
        lineItems.add(item);
        amountFollowsLineItems(clock);
    }

    /** Replaces the line item with the same id. */
    public void changeLineItem(LineItem item, Clock clock) {
        requireOpen("change");
        checkLineItem(item, "lineItem");
        int index = indexOf(item.id());
        lineItems.set(index, item);
        amountFollowsLineItems(clock);
    }

    /** Removes a line item; removing the last one keeps the amount it added up to. */
    public void removeLineItem(LineItemId itemId, Clock clock) {
        requireOpen("change");
        lineItems.remove(indexOf(Require.notNull(itemId, "lineItemId")));
        if (!lineItems.isEmpty()) {
            amountFollowsLineItems(clock);
        }
    }

    private int indexOf(LineItemId itemId) {
        for (int i = 0; i < lineItems.size(); i++) {
            if (lineItems.get(i).id().equals(itemId)) {
                return i;
            }
        }
        throw InvalidValueException.invalid("lineItemId", "the deal has no line item " + itemId.value());
    }

    private void checkLineItem(LineItem item, String field) {
        Require.notNull(item, field);
        if (!item.unitPrice().currency().equals(currency)) {
            throw new CurrencyMismatchException(
                    field + ".unitPrice", currency, item.unitPrice().currency());
        }
    }

    private void amountFollowsLineItems(Clock clock) {
        Money sum = lineItems.stream().map(LineItem::amount).reduce(Money.zero(currency), Money::plus);
        changeAmount(sum, clock);
    }

    /**
     * Estimates the amount of a deal without line items (null: not known); refused while it has line items, whose
     * sum is the amount. Records {@link OpportunityAmountChanged} when the amount changes.
     */
    public void estimateAmount(Money newAmount, Clock clock) {
        requireOpen("change");
        if (!lineItems.isEmpty()) {
            throw new IllegalTransitionException(
                    "the amount of opportunity " + id() + " follows from its line items and cannot be set directly");
        }
        checkAmount(newAmount, currency);
        changeAmount(newAmount, clock);
    }

    private void changeAmount(Money newAmount, Clock clock) {
        if (Objects.equals(amount, newAmount)) {
            return;
        }
        Money previous = amount;
        amount = newAmount;
        record(new OpportunityAmountChanged(tenant(), id().value(), clock.instant(), previous, newAmount));
    }

    /** Adds a contact's role in the deal; adding the same role twice changes nothing. */
    public void addContactRole(ContactRole role) {
        Require.notNull(role, "contactRole");
        if (!contactRoles.contains(role)) {
            contactRoles.add(role);
        }
    }

    /** Removes a contact's role; false when the contact did not have it. */
    public boolean removeContactRole(ContactRole role) {
        return contactRoles.remove(Require.notNull(role, "contactRole"));
    }

    /** Makes {@code contact} the main contact on the customer's side; null leaves the deal without one. */
    public void makePrimaryContact(ContactId contact) {
        primaryContact = contact;
    }

    /** Expects the open deal to close on {@code date}; null: no date is expected. */
    public void expectToCloseOn(LocalDate date) {
        requireOpen("change");
        expectedCloseDate = date;
    }

    /** Plans what happens next (free text, at most 500 characters); null or blank: nothing planned. */
    public void planNextStep(String text) {
        nextStep = Require.maxLength(Require.optional(text), 500, "nextStep");
    }

    /** A win probability (0..100) replacing the stage's default; null goes back to the default. */
    public void overrideProbability(Integer percent) {
        Require.that(
                percent == null || percent >= 0 && percent <= 100,
                "probabilityOverride",
                "must be between 0 and 100, was " + percent);
        probabilityOverride = percent;
    }

    /** Hands the deal to another owner. */
    public void assignTo(UserId newOwner) {
        owner = Require.notNull(newOwner, "owner");
    }

    /** Records the value of a custom field (name: 1..64 characters); a null value removes the field. */
    public void recordCustomField(String fieldName, FieldValue value) {
        String key = Require.maxLength(Require.notBlank(fieldName, "customField"), 64, "customField");
        if (value == null) {
            customFields.remove(key);
        } else {
            customFields.put(key, value);
        }
    }

    public String name() {
        return name;
    }

    public AccountId account() {
        return account;
    }

    /** The main contact, or null. */
    public ContactId primaryContact() {
        return primaryContact;
    }

    public PipelineId pipeline() {
        return pipeline;
    }

    public StageId stage() {
        return stage;
    }

    /** When the deal entered its current stage (for rotting). */
    public Instant stageEnteredAt() {
        return stageEnteredAt;
    }

    public OpportunityStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status == OpportunityStatus.OPEN;
    }

    public Currency currency() {
        return currency;
    }

    /** The amount, or null when not yet known. */
    public Money amount() {
        return amount;
    }

    /** The expected close date, or null. */
    public LocalDate expectedCloseDate() {
        return expectedCloseDate;
    }

    public UserId owner() {
        return owner;
    }

    /** The probability override, or null when the stage's default applies. */
    public Integer probabilityOverride() {
        return probabilityOverride;
    }

    /** The next step, or null. */
    public String nextStep() {
        return nextStep;
    }

    public List<ContactRole> contactRoles() {
        return List.copyOf(contactRoles);
    }

    /** Whether some contact has the role in this deal. */
    public boolean hasContactRole(BuyingRole role) {
        return contactRoles.stream().anyMatch(r -> r.role() == role);
    }

    public List<LineItem> lineItems() {
        return List.copyOf(lineItems);
    }

    /** Approvals given for entering stages, oldest first. */
    public List<GateApproval> approvals() {
        return List.copyOf(approvals);
    }

    /** The last stale alert, or null. */
    public StaleAlert staleAlert() {
        return staleAlert;
    }

    /** Every stage change, oldest first; the first entry is where the deal was opened. */
    public List<StageChange> stageHistory() {
        return List.copyOf(stageHistory);
    }

    /** Why the deal was won or lost; null while open. */
    public String closeReason() {
        return closeReason;
    }

    /** Who won a lost deal; null when unknown or not lost. */
    public String competitor() {
        return competitor;
    }

    /** When the deal was won or lost; null while open. */
    public Instant closedAt() {
        return closedAt;
    }

    public Map<String, FieldValue> customFields() {
        return Map.copyOf(customFields);
    }

    /** The lead this deal was converted from, or null. */
    public LeadId originLead() {
        return originLead;
    }

    /** The campaign the deal is attributed to, or null. */
    public CampaignId campaign() {
        return campaign;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Adds a reference of another system to the deal (see {@code Sales.upsertOpportunity}); adding one the deal has
     * changes nothing. Storage refuses a reference another deal of the tenant has ({@code DuplicateRecordException}).
     */
    public void addExternalRef(ExternalRef ref) {
        externalRefs = ExternalRef.adding(externalRefs, ref);
    }

    /** The deal's references in other systems, in the order they were added. */
    public List<ExternalRef> externalRefs() {
        return externalRefs;
    }
}
