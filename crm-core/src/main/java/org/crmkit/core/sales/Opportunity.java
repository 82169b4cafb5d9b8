package org.crmkit.core.sales;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.common.Violation;

/**
 * A deal: what may be sold to an account, for how much, by when, and where it stands in its {@link Pipeline}.
 *
 * <p>Amount: while the deal has {@link LineItem}s its amount is their sum (each rounded to the minor unit) and
 * cannot be set directly; without line items it is whatever was {@link #setAmount set} (null: not yet known).
 * Removing the last line item keeps the amount the items added up to. Everything is in the deal's currency.
 *
 * <p>Stages: {@link #moveTo}, {@link #markWon}, {@link #markLost} and {@link #reopen} answer with a
 * {@link StageMoveResult}: either the move happened and was recorded in the stage history (from, to, when, who), or
 * it was refused with every reason and nothing changed. Stage gates plug in there. A closed (won or lost) deal
 * changes only through {@link #reopen}. Not thread-safe.
 */
public final class Opportunity extends AggregateRoot<OpportunityId> {

    /** Violation code: the deal is already in the target stage. */
    public static final String SAME_STAGE = "stage.unchanged";
    /** Violation code: a won or lost stage is reached only through markWon/markLost. */
    public static final String CLOSING_STAGE = "stage.closing-stage";
    /** Violation code: reopening needs an open stage as target. */
    public static final String NOT_AN_OPEN_STAGE = "stage.not-open";

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
        this.closeReason = s.closeReason();
        this.competitor = s.competitor();
        this.closedAt = s.closedAt();
        this.customFields = new LinkedHashMap<>(s.customFields());
        this.originLead = s.originLead();
        this.campaign = s.campaign();
        this.createdAt = s.createdAt();
    }

    /**
     * Opens a deal in {@code stage} of the pipeline (null: the pipeline's first open stage). {@code primaryContact},
     * {@code amount}, {@code expectedCloseDate}, {@code originLead} (the lead it was converted from) and
     * {@code campaign} may be null. Records {@link OpportunityOpened} and the first stage history entry.
     */
    public static Opportunity open(TenantId tenant, OpportunityId id, String name, AccountId account,
                                   ContactId primaryContact, Pipeline pipeline, StageId stage, Currency currency,
                                   Money amount, LocalDate expectedCloseDate, UserId owner, LeadId originLead,
                                   CampaignId campaign, Actor actor, Clock clock) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        String checkedName = Require.maxLength(Require.notBlank(name, "name"), 200, "name");
        Require.notNull(account, "account");
        Require.notNull(pipeline, "pipeline");
        Require.that(pipeline.tenant().equals(tenant), "pipeline", "belongs to another tenant");
        Stage start = stage == null ? pipeline.openStages().get(0) : pipeline.requireStage(stage);
        Require.that(start.isOpen(), "stageId", "a deal opens in an open stage, not in " + start.name());
        Money.zero(Require.notNull(currency, "currency"));
        checkAmount(amount, currency);
        Require.notNull(owner, "owner");
        Require.notNull(actor, "actor");
        Instant now = clock.instant();
        StageChange first = new StageChange(null, start.id(), now, actor);
        Opportunity deal = new Opportunity(new OpportunityState(tenant, id, 0, checkedName, account, primaryContact,
                pipeline.id(), start.id(), now, OpportunityStatus.OPEN, currency, amount, expectedCloseDate, owner,
                null, null, List.of(), List.of(), List.of(first), null, null, null, Map.of(), originLead, campaign,
                now));
        deal.record(new OpportunityOpened(tenant, id.value(), now, checkedName, account, pipeline.id(), start.id(),
                owner, amount));
        return deal;
    }

    /** Restores a deal exactly as it was stored. */
    public static Opportunity restore(OpportunityState state) {
        return new Opportunity(Require.notNull(state, "state"));
    }

    public OpportunityState state() {
        return new OpportunityState(tenant(), id(), version(), name, account, primaryContact, pipeline, stage,
                stageEnteredAt, status, currency, amount, expectedCloseDate, owner, probabilityOverride, nextStep,
                List.copyOf(contactRoles), List.copyOf(lineItems), List.copyOf(stageHistory), closeReason, competitor,
                closedAt, customFields, originLead, campaign, createdAt);
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
     * Moves the open deal to another open stage of its pipeline. Refused ({@link #SAME_STAGE}, {@link #CLOSING_STAGE})
     * when the target is the current stage or a won/lost stage. Records {@link OpportunityStageChanged}.
     */
    public StageMoveResult moveTo(Pipeline pipeline, StageId target, Actor actor, Clock clock) {
        requireOpen("move");
        Stage to = ownStage(pipeline, target);
        Require.notNull(actor, "actor");
        List<Violation> violations = new ArrayList<>();
        if (to.id().equals(stage)) {
            violations.add(Violation.of(SAME_STAGE, "the deal is already in stage " + to.name(), "stageId"));
        }
        if (!to.isOpen()) {
            violations.add(Violation.of(CLOSING_STAGE, "stage " + to.name() + " is reached by marking the deal "
                    + to.kind().name().toLowerCase(Locale.ROOT), "stageId"));
        }
        if (!violations.isEmpty()) {
            return new StageMoveResult.Refused(violations);
        }
        return changeStage(to, actor, clock);
    }

    /** Closes the open deal as won, in the pipeline's won stage, with a reason. Records {@link OpportunityWon}. */
    public StageMoveResult markWon(Pipeline pipeline, String reason, Actor actor, Clock clock) {
        requireOpen("win");
        checkPipeline(pipeline);
        String checkedReason = Require.maxLength(Require.notBlank(reason, "reason"), 200, "reason");
        Require.notNull(actor, "actor");
        StageMoveResult result = changeStage(pipeline.wonStage(), actor, clock);
        status = OpportunityStatus.WON;
        closeReason = checkedReason;
        competitor = null;
        closedAt = clock.instant();
        record(new OpportunityWon(tenant(), id().value(), closedAt, account, amount, checkedReason, actor));
        return result;
    }

    /**
     * Closes the open deal as lost, in the pipeline's lost stage, with a reason and the competitor that won it (may
     * be null). Records {@link OpportunityLost}.
     */
    public StageMoveResult markLost(Pipeline pipeline, String reason, String competitor, Actor actor, Clock clock) {
        requireOpen("lose");
        checkPipeline(pipeline);
        String checkedReason = Require.maxLength(Require.notBlank(reason, "reason"), 200, "reason");
        String checkedCompetitor = Require.maxLength(Require.optional(competitor), 200, "competitor");
        Require.notNull(actor, "actor");
        StageMoveResult result = changeStage(pipeline.lostStage(), actor, clock);
        status = OpportunityStatus.LOST;
        closeReason = checkedReason;
        this.competitor = checkedCompetitor;
        closedAt = clock.instant();
        record(new OpportunityLost(tenant(), id().value(), closedAt, account, amount, checkedReason, checkedCompetitor,
                actor));
        return result;
    }

    /**
     * Reopens a won or lost deal into an open stage; the close reason, competitor and close time are cleared (the
     * stage history and events keep them). Refused ({@link #NOT_AN_OPEN_STAGE}) for a target that is not open.
     * Records {@link OpportunityReopened}.
     */
    public StageMoveResult reopen(Pipeline pipeline, StageId target, Actor actor, Clock clock) {
        if (status == OpportunityStatus.OPEN) {
            throw new IllegalTransitionException("Opportunity " + id() + " is open and cannot be reopened");
        }
        Stage to = ownStage(pipeline, target);
        Require.notNull(actor, "actor");
        if (!to.isOpen()) {
            return new StageMoveResult.Refused(List.of(Violation.of(NOT_AN_OPEN_STAGE,
                    "a deal is reopened into an open stage, not into " + to.name(), "stageId")));
        }
        OpportunityStatus previous = status;
        StageMoveResult result = changeStage(to, actor, clock);
        status = OpportunityStatus.OPEN;
        closeReason = null;
        competitor = null;
        closedAt = null;
        record(new OpportunityReopened(tenant(), id().value(), clock.instant(), previous, to.id(), actor));
        return result;
    }

    private StageMoveResult changeStage(Stage to, Actor actor, Clock clock) {
        StageChange change = new StageChange(stage, to.id(), clock.instant(), actor);
        stageHistory.add(change);
        stage = to.id();
        stageEnteredAt = change.at();
        record(new OpportunityStageChanged(tenant(), id().value(), change.at(), pipeline, change.from(), change.to(),
                actor));
        return new StageMoveResult.Moved(change);
    }

    private Stage ownStage(Pipeline pipeline, StageId target) {
        checkPipeline(pipeline);
        return pipeline.requireStage(Require.notNull(target, "stageId"));
    }

    private void checkPipeline(Pipeline pipeline) {
        Require.notNull(pipeline, "pipeline");
        Require.that(pipeline.id().equals(this.pipeline) && pipeline.tenant().equals(tenant()), "pipeline",
                "the deal is in pipeline " + this.pipeline + ", not in " + pipeline.id());
    }

    private void requireOpen(String action) {
        if (status != OpportunityStatus.OPEN) {
            throw new IllegalTransitionException("Opportunity " + id() + " is " + status + "; cannot " + action
                    + " it before it is reopened");
        }
    }

    /** Probability of winning in percent: 100 when won, 0 when lost, else the override or the stage's default. */
    public int probabilityPercent(Pipeline pipeline) {
        checkPipeline(pipeline);
        return switch (status) {
            case WON -> 100;
            case LOST -> 0;
            case OPEN -> probabilityOverride != null ? probabilityOverride
                    : pipeline.requireStage(stage).probabilityPercent();
        };
    }

    /** Adds a line item in the deal's currency; the amount becomes the sum of the line items. */
    public void addLineItem(LineItem item, Clock clock) {
        requireOpen("change");
        checkLineItem(item, "lineItem");
        Require.that(lineItems.stream().noneMatch(i -> i.id().equals(item.id())), "lineItem.id",
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
            throw new CurrencyMismatchException(field + ".unitPrice", currency, item.unitPrice().currency());
        }
    }

    private void amountFollowsLineItems(Clock clock) {
        Money sum = lineItems.stream().map(LineItem::amount).reduce(Money.zero(currency), Money::plus);
        changeAmount(sum, clock);
    }

    /** Sets the amount of a deal without line items (null: unknown); refused while it has line items. */
    public void setAmount(Money newAmount, Clock clock) {
        requireOpen("change");
        if (!lineItems.isEmpty()) {
            throw new IllegalTransitionException("the amount of opportunity " + id()
                    + " follows from its line items and cannot be set directly");
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

    /** The main contact on the customer's side; null clears it. */
    public void setPrimaryContact(ContactId contact) {
        primaryContact = contact;
    }

    /** When the deal is expected to close; null clears it. */
    public void setExpectedCloseDate(LocalDate date) {
        requireOpen("change");
        expectedCloseDate = date;
    }

    /** What happens next (free text, at most 500 characters); null or blank clears it. */
    public void setNextStep(String text) {
        nextStep = Require.maxLength(Require.optional(text), 500, "nextStep");
    }

    /** A win probability (0..100) replacing the stage's default; null goes back to the default. */
    public void overrideProbability(Integer percent) {
        Require.that(percent == null || percent >= 0 && percent <= 100, "probabilityOverride",
                "must be between 0 and 100, was " + percent);
        probabilityOverride = percent;
    }

    /** Hands the deal to another owner. */
    public void assignTo(UserId newOwner) {
        owner = Require.notNull(newOwner, "owner");
    }

    /** Sets a custom field (name: 1..64 characters); a null value removes it. */
    public void setCustomField(String fieldName, FieldValue value) {
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
}
