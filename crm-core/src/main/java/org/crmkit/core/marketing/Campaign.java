package org.crmkit.core.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.CurrencyMismatchException;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * A marketing campaign: a type, a period, a budget and the costs booked against it. The contacts and leads it
 * reaches are {@link CampaignMember}s stored apart (a campaign may have millions); the campaign decides whether they
 * may join or change and records the events of it.
 *
 * <p>Rules: the status follows {@link CampaignStatus#canMoveTo}; members join while PLANNED or ACTIVE; member
 * statuses change while ACTIVE or COMPLETED (late responses still count) and follow
 * {@link CampaignMemberStatus#canMoveTo}; costs are booked in any status, in the budget's currency. Refused moves
 * throw {@link IllegalTransitionException}. Not thread-safe.
 */
public final class Campaign extends AggregateRoot<CampaignId> {

    private static final String TYPE = "Campaign";

    private final String name;
    private final CampaignType type;
    private final String description;
    private final CampaignPeriod period;
    private final Money budget;
    private CampaignStatus status;
    private final List<CostEntry> costs;
    private final Instant plannedAt;
    private final Actor plannedBy;
    private Instant statusChangedAt;
    private String abortReason;
    private final UserId owner;

    private Campaign(CampaignState state) {
        super(state.tenant(), state.id(), state.version());
        this.name = state.name();
        this.type = state.type();
        this.description = state.description();
        this.period = state.period();
        this.budget = state.budget();
        this.status = state.status();
        this.costs = new ArrayList<>(state.costs());
        this.plannedAt = state.plannedAt();
        this.plannedBy = state.plannedBy();
        this.statusChangedAt = state.statusChangedAt();
        this.abortReason = state.abortReason();
        this.owner = state.owner();
    }

    /**
     * Plans a campaign without members or costs, owned by {@code details.owner()} (null: none; see {@link
     * #owner()}).
     */
    public static Campaign plan(TenantId tenant, CampaignId id, NewCampaign details, Actor actor, Clock clock) {
        Require.notNull(details, "details");
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        Campaign campaign = new Campaign(new CampaignState(
                tenant,
                id,
                0,
                details.name(),
                details.type(),
                details.description(),
                details.period(),
                details.budget(),
                CampaignStatus.PLANNED,
                List.of(),
                now,
                actor,
                now,
                null,
                details.owner()));
        campaign.record(new CampaignPlanned(
                tenant,
                id.value(),
                now,
                details.name(),
                details.type(),
                details.period(),
                details.budget(),
                actor.id()));
        return campaign;
    }

    /** Rebuilds a campaign from its stored state; records no event. */
    public static Campaign restore(CampaignState state) {
        return new Campaign(Require.notNull(state, "state"));
    }

    public CampaignState state() {
        return new CampaignState(
                tenant(),
                id(),
                version(),
                name,
                type,
                description,
                period,
                budget,
                status,
                List.copyOf(costs),
                plannedAt,
                plannedBy,
                statusChangedAt,
                abortReason,
                owner);
    }

    /** PLANNED to ACTIVE. */
    public void activate(Actor actor, Clock clock) {
        changeStatus(CampaignStatus.ACTIVE, null, actor, clock);
    }

    /** ACTIVE to COMPLETED. */
    public void complete(Actor actor, Clock clock) {
        changeStatus(CampaignStatus.COMPLETED, null, actor, clock);
    }

    /** PLANNED or ACTIVE to ABORTED, with a reason (required). */
    public void abort(String reason, Actor actor, Clock clock) {
        changeStatus(
                CampaignStatus.ABORTED,
                Require.maxLength(Require.notBlank(reason, "reason"), 1000, "reason"),
                actor,
                clock);
    }

    /**
     * The contacts and leads as new TARGETED members (never stored), once each, in the given order, while the
     * campaign is PLANNED or ACTIVE. Which of them are members already only the member storage knows: record the
     * ones it added with {@link #membersAdded}.
     */
    public List<CampaignMember> newMembers(List<RecordRef> candidates, Clock clock) {
        List<RecordRef> members = Require.noNulls(candidates, "members");
        members.forEach(CampaignMember::requireContactOrLead);
        Instant now = Require.notNull(clock, "clock").instant();
        if (status != CampaignStatus.PLANNED && status != CampaignStatus.ACTIVE) {
            throw new IllegalTransitionException(TYPE + " " + id() + " is " + status + " and takes no new members");
        }
        return new LinkedHashSet<>(members)
                .stream()
                        .map(member -> CampaignMember.targeted(id(), member, now))
                        .toList();
    }

    /** Records that the members joined (those the member storage added); nothing when there are none. */
    public void membersAdded(List<CampaignMember> added) {
        List<CampaignMember> joined = Require.noNulls(added, "added");
        joined.forEach(this::requireOwn);
        if (!joined.isEmpty()) {
            record(new CampaignMembersAdded(
                    tenant(),
                    id().value(),
                    joined.get(0).addedAt(),
                    joined.stream().map(CampaignMember::member).toList()));
        }
    }

    /**
     * The member moved to another status while the campaign is ACTIVE or COMPLETED, with the version it had (store it
     * with the member storage's update); records the change. The first move to RESPONDED or CONVERTED sets the
     * member's response time. A member of another campaign is refused (field {@code member}).
     */
    public CampaignMember moveMember(CampaignMember member, CampaignMemberStatus target, Clock clock) {
        requireOwn(Require.notNull(member, "member"));
        Require.notNull(target, "status");
        Instant now = Require.notNull(clock, "clock").instant();
        if (status != CampaignStatus.ACTIVE && status != CampaignStatus.COMPLETED) {
            throw new IllegalTransitionException(TYPE + " " + id() + " is " + status + " and records no member status");
        }
        if (!member.status().canMoveTo(target)) {
            throw new IllegalTransitionException("Campaign member", member.status(), target);
        }
        record(new CampaignMemberStatusChanged(tenant(), id().value(), now, member.member(), member.status(), target));
        return member.movedTo(target, now);
    }

    /** Books a cost in the budget's currency; returns the new actual cost. */
    public Money recordCost(String costDescription, Money amount, LocalDate incurredOn, Clock clock) {
        Instant now = Require.notNull(clock, "clock").instant();
        CostEntry entry = new CostEntry(costDescription, amount, incurredOn, now);
        if (!amount.currency().equals(budget.currency())) {
            throw new CurrencyMismatchException(budget.currency(), amount.currency());
        }
        costs.add(entry);
        Money total = actualCost();
        record(new CampaignCostRecorded(tenant(), id().value(), now, entry, total));
        return total;
    }

    /** The sum of all booked costs; zero in the budget's currency when none. */
    public Money actualCost() {
        Money total = Money.zero(budget.currency());
        for (CostEntry cost : costs) {
            total = total.plus(cost.amount());
        }
        return total;
    }

    /** Budget minus actual cost; negative when over budget. */
    public Money remainingBudget() {
        return budget.minus(actualCost());
    }

    public boolean isOverBudget() {
        return actualCost().isGreaterThan(budget);
    }

    /**
     * Actual cost divided by the number of members that responded (see {@link CampaignMemberCounts#responses()}),
     * rounded half-even to the minor unit; empty without responses.
     */
    public Optional<Money> costPerResponse(long responses) {
        Require.notNegative(responses, "responses");
        if (responses == 0) {
            return Optional.empty();
        }
        Money cost = actualCost();
        return Optional.of(Money.of(
                cost.amount()
                        .divide(
                                BigDecimal.valueOf(responses),
                                cost.currency().getDefaultFractionDigits(),
                                RoundingMode.HALF_EVEN),
                cost.currency()));
    }

    /** Whether the campaign is ACTIVE and the day lies in its period. */
    public boolean isActiveOn(LocalDate day) {
        return status == CampaignStatus.ACTIVE && period.contains(day);
    }

    private void requireOwn(CampaignMember member) {
        if (!member.campaign().equals(id())) {
            throw InvalidValueException.invalid(
                    "member",
                    member.member().type() + " " + member.member().id() + " is a member of Campaign "
                            + member.campaign() + ", not of " + TYPE + " " + id());
        }
    }

    private void changeStatus(CampaignStatus target, String reason, Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException(TYPE, status, target);
        }
        CampaignStatus from = status;
        status = target;
        statusChangedAt = now;
        abortReason = reason;
        record(new CampaignStatusChanged(tenant(), id().value(), now, from, target, reason, actor.id()));
    }

    public String name() {
        return name;
    }

    public CampaignType type() {
        return type;
    }

    /** The description; null when none. */
    public String description() {
        return description;
    }

    public CampaignPeriod period() {
        return period;
    }

    public Money budget() {
        return budget;
    }

    public CampaignStatus status() {
        return status;
    }

    /** Costs in the order they were booked. */
    public List<CostEntry> costs() {
        return List.copyOf(costs);
    }

    public Instant plannedAt() {
        return plannedAt;
    }

    public Actor plannedBy() {
        return plannedBy;
    }

    /** When the status last changed (the planning time while PLANNED). */
    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    /**
     * The user who owns the campaign under the sharing model (who reads and changes it where campaigns are
     * restricted), or null when none does.
     */
    public UserId owner() {
        return owner;
    }

    /** Why the campaign was aborted; null unless ABORTED. */
    public String abortReason() {
        return abortReason;
    }
}
