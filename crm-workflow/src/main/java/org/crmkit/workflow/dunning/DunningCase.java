package org.crmkit.workflow.dunning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.action.Channel;

/**
 * The dunning of one account (or one invoice, by policy): its overdue invoices each at their own level, the fees
 * charged, a promise to pay, and the audit history of everything that happened. A deterministic function of the
 * invoices it is shown and the day: {@link #reconcile} brings it in line with the invoices (payments, partial
 * payments, credit notes, write-offs, disputes; de-escalating, re-anchoring or closing), {@link #dueStep} says which
 * levels are due, and reaching them (by dunning) charges fees and states the whole {@link #claim}. Not thread-safe.
 */
public final class DunningCase extends AggregateRoot<DunningCaseId> {

    private final AccountId account;
    private final String policy;
    private final DunningGroup group;
    private final Currency currency;
    private final LocalDate openedOn;
    private final Instant createdAt;
    private final List<CaseEvent> history;
    private final CaseItems items;
    private CaseStatus status;
    private LocalDate closedOn;
    private LocalDate promisedUntil;
    private Money fees;
    private int steps;
    private int lastLevel;
    private boolean creditHoldPlaced;
    private boolean handedOver;
    private LocalDate nextStepOn;

    private DunningCase(DunningCaseState s) {
        super(s.tenant(), s.id(), s.version());
        this.account = s.account();
        this.policy = s.policy();
        this.group = DunningGroup.parse(s.account(), s.groupKey());
        this.currency = s.currency();
        this.openedOn = s.openedOn();
        this.createdAt = s.createdAt();
        this.history = new ArrayList<>(s.history());
        this.items = new CaseItems(s.items(), s.currency(), history);
        this.status = s.status();
        this.closedOn = s.closedOn();
        this.promisedUntil = s.promisedUntil();
        this.fees = s.fees();
        this.steps = s.steps();
        this.lastLevel = s.lastLevel();
        this.creditHoldPlaced = s.creditHoldPlaced();
        this.handedOver = s.handedOver();
        this.nextStepOn = s.nextStepOn();
    }

    /** A new, empty open case of the group's account under the policy. */
    public static DunningCase open(
            TenantId tenant, DunningCaseId id, DunningPolicy policy, DunningGroup group, LocalDate today, Clock clock) {
        Require.notNull(policy, "policy");
        Require.notNull(group, "group");
        Require.notNull(today, "today");
        DunningCase opened = new DunningCase(DunningCaseState.opened(tenant, id, policy, group, today, clock));
        opened.note(today, CaseEventKind.OPENED, 0, List.of(), null, "policy " + policy.name());
        return opened;
    }

    public static DunningCase restore(DunningCaseState state) {
        return new DunningCase(Require.notNull(state, "state"));
    }

    public DunningCaseState state() {
        return new DunningCaseState(
                tenant(),
                id(),
                version(),
                account,
                policy,
                group.key(),
                currency,
                status,
                openedOn,
                closedOn,
                items.stored(),
                promisedUntil,
                fees,
                steps,
                lastLevel,
                creditHoldPlaced,
                handedOver,
                List.copyOf(history),
                createdAt,
                nextStepOn);
    }

    /**
     * Brings the case in line with the group's invoices on {@code today} ({@code invoices}: the group's open ones and
     * those of its items in any status; {@code disputed}: those held by a dispute). An item whose invoice is no longer
     * open leaves; a lower balance (a partial payment) or a resolved dispute re-anchors the item's next level to today;
     * a disputed item is held; an open invoice whose first level is due joins. Levels whose conditions no longer hold
     * are left, a promise run out is broken, and with no item left the case closes on the day its last invoice was
     * settled ({@code settledOn}; today for one that is gone), keeping its {@link #lastLevel}. The case then knows
     * the day its {@link #nextStepOn() next step} falls due. Returns whether anything changed that makes undelivered
     * actions stale.
     */
    public boolean reconcile(
            DunningPolicy policy,
            List<Invoice> invoices,
            Set<InvoiceId> disputed,
            LocalDate today,
            Function<Invoice, LocalDate> settledOn,
            Clock clock) {
        requireOpen();
        CaseItems.Outcome outcome = items.reconcile(policy, invoices, disputed, today, settledOn);
        boolean stale = outcome.stale();
        LocalDate lastSettled = outcome.lastSettled();
        if (promisedUntil != null && today.isAfter(promisedUntil)) {
            noteOnItems(today, CaseEventKind.PROMISE_BROKEN, "promised to pay by " + promisedUntil);
            promisedUntil = null;
        }
        if (items.isEmpty()) {
            close(lastSettled == null || lastSettled.isAfter(today) ? today : lastSettled, clock);
            stale = true;
        }
        scheduleNextStep(policy);
        return stale;
    }

    /** See {@link #nextStepOn()}: a running promise holds every step until the day after it. */
    private void scheduleNextStep(DunningPolicy policy) {
        if (status == CaseStatus.CLOSED) {
            nextStepOn = null;
        } else {
            nextStepOn = promisedUntil != null ? promisedUntil.plusDays(1) : items.nextLevelOn(policy);
        }
    }

    private void close(LocalDate on, Clock clock) {
        status = CaseStatus.CLOSED;
        closedOn = on;
        promisedUntil = null;
        nextStepOn = null;
        note(on, CaseEventKind.CLOSED, lastLevel, List.of(), null, "nothing is owed any more");
        record(new DunningCaseClosed(tenant(), id().value(), clock.instant(), account));
    }

    /**
     * The levels due on {@code today}: every item that is not disputed, whose next level's day has come and whose
     * conditions hold, moves up one level. Empty while a promise to pay runs, when nothing is due, or when closed.
     */
    public Optional<DunningStep> dueStep(DunningPolicy policy, LocalDate today) {
        if (status == CaseStatus.CLOSED || (promisedUntil != null && !today.isAfter(promisedUntil))) {
            return Optional.empty();
        }
        return DunningStep.due(activeItems(), policy, today, overdueBalance(today), items.overdueCount(today));
    }

    /**
     * Takes a step on {@code today}: the items move to their levels (and the next levels count from today), the
     * highest fee of the levels reached is charged, the flat compensation is claimed for every invoice moving up
     * that is overdue and has none claimed yet, and the history tells the levels, the invoices, the fee, the channel
     * chosen ({@code channel} null: no notice, or none usable) and the whole claim after the step. Returns that
     * claim, which the step's notice, call and dossier state.
     *
     * @param invoices the invoices of the case's items, as {@link #reconcile} was shown them
     * @param zone     the zone whose calendar days settlements count in for interest
     * @param detail   what the service did besides (e.g. the address of the notice), or null
     */
    Claim reach(
            DunningStep step,
            DunningPolicy policy,
            List<Invoice> invoices,
            LocalDate today,
            ZoneId zone,
            Channel channel,
            String detail,
            Clock clock) {
        requireOpen();
        Require.notNull(step, "step");
        Require.notNull(policy, "policy");
        Money fee = step.levelsReached().stream()
                .map(number -> policy.level(number).fee())
                .reduce(Money.zero(currency), Money::max);
        boolean grantsCompensation = policy.interest().flatCompensation() != null;
        for (DunningStep.Move move : step.moves()) {
            CaseItem item = items.get(move.invoice());
            Require.that(
                    item != null && item.level() == move.from(),
                    "step",
                    "invoice " + move.number() + " is not at level " + move.from() + " in this case");
            boolean claimsCompensation = grantsCompensation && !item.disputed() && item.daysOverdue(today) > 0;
            items.put(item.atLevel(move.to(), today, claimsCompensation));
        }
        steps++;
        fees = fees.plus(fee);
        lastLevel = step.level();
        Claim claim = claim(policy, invoices, today, zone);
        List<String> numbers = CaseItem.numbers(activeItems());
        Money amount = overdueBalance(today);
        String told = "levels " + step.levelsReached() + ", claim " + claim.summary();
        history.add(new CaseEvent(
                today,
                CaseEventKind.LEVEL_REACHED,
                step.level(),
                numbers,
                amount,
                fee,
                claim.interest(),
                channel,
                detail == null ? told : detail + ", " + told,
                claim));
        record(new DunningLevelReached(
                tenant(), id().value(), clock.instant(), account, step.level(), numbers, amount));
        scheduleNextStep(policy);
        return claim;
    }

    /**
     * The whole claim on {@code today}: the open balance of the active items, every fee charged so far, the interest
     * on each item's invoice up to today under the policy's {@link InterestRule} (settlements counted from their
     * day in {@code zone}) and the flat compensation of every item that has it claimed.
     *
     * @param invoices the invoices of the case's items; an active item's invoice must be among them
     */
    public Claim claim(DunningPolicy policy, List<Invoice> invoices, LocalDate today, ZoneId zone) {
        return Claim.of(activeItems(), fees, policy, invoices, today, zone);
    }

    /** Pauses escalation until {@code until} (inclusive); if the case is still open after it, the promise is broken. */
    public void promiseToPay(LocalDate until, LocalDate today) {
        requireOpen();
        Require.notNull(until, "until");
        Require.that(!until.isBefore(today), "until", "must not be before today " + today + ", was " + until);
        promisedUntil = until;
        nextStepOn = until.plusDays(1);
        noteOnItems(today, CaseEventKind.PROMISE_TO_PAY, "promised to pay by " + until);
    }

    /** The audit history's entries of what dunning did around the case (notices, calls, deliveries, cancellations). */
    CaseLog log() {
        return new CaseLog(history, topLevel());
    }

    /** Records that the case placed the account's credit hold. */
    void creditHoldPlaced(LocalDate today) {
        creditHoldPlaced = true;
        note(today, CaseEventKind.CREDIT_HOLD_PLACED, topLevel(), List.of(), null, null);
    }

    /** Records that the credit hold the case placed was released. */
    void creditHoldReleased(LocalDate today) {
        creditHoldPlaced = false;
        note(today, CaseEventKind.CREDIT_HOLD_RELEASED, topLevel(), List.of(), null, null);
    }

    /** Records that the case was handed over to the lawyer with a dossier stating {@code claim}. */
    void handOver(LocalDate today, Claim claim) {
        handedOver = true;
        noteOnItems(today, CaseEventKind.HANDED_TO_LAWYER, "claim " + claim.total());
    }

    /** An entry at the case's level about its active items and their overdue balance. */
    private void noteOnItems(LocalDate today, CaseEventKind kind, String detail) {
        note(today, kind, topLevel(), CaseItem.numbers(activeItems()), overdueBalance(today), detail);
    }

    private void note(LocalDate on, CaseEventKind kind, int level, List<String> invoices, Money amount, String detail) {
        history.add(CaseEvent.of(on, kind, level, invoices, amount, detail));
    }

    private void requireOpen() {
        if (status != CaseStatus.OPEN) {
            throw new IllegalTransitionException("Dunning case " + id() + " is closed");
        }
    }

    /** Items that are not disputed, by due date. */
    public List<CaseItem> activeItems() {
        return items.active();
    }

    /** Every item, disputed ones included, by due date. */
    public List<CaseItem> items() {
        return items.all();
    }

    /** The sum of the balances of active items overdue on {@code today}. */
    public Money overdueBalance(LocalDate today) {
        return items.overdueBalance(today);
    }

    /** The highest level of any item while the case is open; once closed, the {@link #lastLevel} it reached. */
    public int topLevel() {
        return isOpen() ? items.topLevel() : lastLevel;
    }

    /** The level of the last step the case took (whose notice a failed delivery falls back from); 0 before the first. */
    public int lastLevel() {
        return lastLevel;
    }

    public AccountId account() {
        return account;
    }

    public String policy() {
        return policy;
    }

    /** What the case groups: one invoice, or the account's invoices in one currency. */
    public DunningGroup group() {
        return group;
    }

    public Currency currency() {
        return currency;
    }

    public CaseStatus status() {
        return status;
    }

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    /** The day the case closed; null while open. */
    public LocalDate closedOn() {
        return closedOn;
    }

    /**
     * The day the next step falls due by time alone, as of the last evaluation (past while a level's conditions or an
     * excluded account hold it back): runs before it need not evaluate the case unless its invoices change. Null when
     * no step can come by time alone, and for a case stored before schema 27 that was not evaluated since.
     */
    public LocalDate nextStepOn() {
        return nextStepOn;
    }

    /** The day a promise to pay runs until; null when none runs. */
    public LocalDate promisedUntil() {
        return promisedUntil;
    }

    /** The fees charged so far. */
    public Money fees() {
        return fees;
    }

    /** How many steps the case has taken; part of its actions' deduplication keys. */
    public int steps() {
        return steps;
    }

    public boolean creditHoldPlaced() {
        return creditHoldPlaced;
    }

    public boolean handedOver() {
        return handedOver;
    }

    /** The audit history, oldest first. */
    public List<CaseEvent> history() {
        return List.copyOf(history);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
