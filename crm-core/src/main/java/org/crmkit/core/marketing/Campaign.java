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
import java.util.Set;
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

/**
 * A marketing campaign: a type, a period, a budget and the costs booked against it, and the contacts and leads it
 * reaches with their status. Response and conversion counts and the cost per response are derived from members
 * and costs.
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
    private final List<CampaignMember> members;
    private final List<CostEntry> costs;
    private final Instant plannedAt;
    private final Actor plannedBy;
    private Instant statusChangedAt;
    private String abortReason;

    private Campaign(CampaignState state) {
        super(state.tenant(), state.id(), state.version());
        this.name = state.name();
        this.type = state.type();
        this.description = state.description();
        this.period = state.period();
        this.budget = state.budget();
        this.status = state.status();
        this.members = new ArrayList<>(state.members());
        this.costs = new ArrayList<>(state.costs());
        this.plannedAt = state.plannedAt();
        this.plannedBy = state.plannedBy();
        this.statusChangedAt = state.statusChangedAt();
        this.abortReason = state.abortReason();
    }

    /** Plans a campaign without members or costs. */
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
                List.of(),
                now,
                actor,
                now,
                null));
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
                List.copyOf(members),
                List.copyOf(costs),
                plannedAt,
                plannedBy,
                statusChangedAt,
                abortReason);
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
     * Adds contacts and leads as TARGETED members while the campaign is PLANNED or ACTIVE. Those that are members
     * already keep their status; returns the ones actually added, in the given order.
     */
    public List<RecordRef> addMembers(List<RecordRef> newMembers, Clock clock) {
        List<RecordRef> candidates = Require.noNulls(newMembers, "members");
        candidates.forEach(CampaignMember::requireContactOrLead);
        Instant now = Require.notNull(clock, "clock").instant();
        if (status != CampaignStatus.PLANNED && status != CampaignStatus.ACTIVE) {
            throw new IllegalTransitionException(TYPE + " " + id() + " is " + status + " and takes no new members");
        }
        Set<RecordRef> added = new LinkedHashSet<>(candidates);
        members.forEach(existing -> added.remove(existing.member()));
        for (RecordRef member : added) {
            members.add(new CampaignMember(member, CampaignMemberStatus.TARGETED, now, now, null));
        }
        List<RecordRef> result = List.copyOf(added);
        if (!result.isEmpty()) {
            record(new CampaignMembersAdded(tenant(), id().value(), now, result));
        }
        return result;
    }

    /**
     * Moves a member to another status while the campaign is ACTIVE or COMPLETED. The first move to RESPONDED or
     * CONVERTED sets the member's response time. A record that is no member is refused (field {@code member}).
     */
    public void recordMemberStatus(RecordRef member, CampaignMemberStatus target, Clock clock) {
        Require.notNull(member, "member");
        Require.notNull(target, "status");
        Instant now = Require.notNull(clock, "clock").instant();
        if (status != CampaignStatus.ACTIVE && status != CampaignStatus.COMPLETED) {
            throw new IllegalTransitionException(TYPE + " " + id() + " is " + status + " and records no member status");
        }
        int index = indexOf(member);
        CampaignMember current = members.get(index);
        if (!current.status().canMoveTo(target)) {
            throw new IllegalTransitionException("Campaign member", current.status(), target);
        }
        members.set(index, current.movedTo(target, now));
        record(new CampaignMemberStatusChanged(tenant(), id().value(), now, member, current.status(), target));
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

    /** Members that responded (including those that converted, and those that unsubscribed after responding). */
    public long responseCount() {
        return members.stream().filter(member -> member.respondedAt() != null).count();
    }

    /** Members that converted. */
    public long conversionCount() {
        return members.stream()
                .filter(member -> member.status() == CampaignMemberStatus.CONVERTED)
                .count();
    }

    /** Actual cost divided by the response count, rounded half-even to the minor unit; empty without responses. */
    public Optional<Money> costPerResponse() {
        long responses = responseCount();
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

    /** The member entry of the contact or lead, if it is a member. */
    public Optional<CampaignMember> member(RecordRef member) {
        Require.notNull(member, "member");
        return members.stream().filter(entry -> entry.member().equals(member)).findFirst();
    }

    private int indexOf(RecordRef member) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).member().equals(member)) {
                return i;
            }
        }
        throw InvalidValueException.invalid(
                "member", member.type() + " " + member.id() + " is not a member of " + TYPE + " " + id());
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

    /** Members in the order they joined. */
    public List<CampaignMember> members() {
        return List.copyOf(members);
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

    /** Why the campaign was aborted; null unless ABORTED. */
    public String abortReason() {
        return abortReason;
    }
}
