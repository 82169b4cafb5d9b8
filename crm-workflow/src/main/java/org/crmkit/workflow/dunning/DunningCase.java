package org.crmkit.workflow.dunning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceSettlement;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.billing.SettlementKind;
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
 * levels are due, and {@link #reach} records them. Not thread-safe.
 */
public final class DunningCase extends AggregateRoot<DunningCaseId> {

    private static final Comparator<CaseItem> BY_DUE_DATE = Comparator.comparing(CaseItem::dueDate)
            .thenComparing(CaseItem::number);

    private final AccountId account;
    private final String policy;
    private final String groupKey;
    private final Currency currency;
    private final LocalDate openedOn;
    private final Instant createdAt;
    private final Map<InvoiceId, CaseItem> items = new LinkedHashMap<>();
    private final List<CaseEvent> history;
    private CaseStatus status;
    private LocalDate closedOn;
    private LocalDate promisedUntil;
    private Money fees;
    private int steps;
    private int lastLevel;
    private boolean creditHoldPlaced;
    private boolean handedOver;

    private DunningCase(DunningCaseState s) {
        super(s.tenant(), s.id(), s.version());
        this.account = s.account();
        this.policy = s.policy();
        this.groupKey = s.groupKey();
        this.currency = s.currency();
        this.openedOn = s.openedOn();
        this.createdAt = s.createdAt();
        s.items().forEach(item -> items.put(item.invoice(), item));
        this.history = new ArrayList<>(s.history());
        this.status = s.status();
        this.closedOn = s.closedOn();
        this.promisedUntil = s.promisedUntil();
        this.fees = s.fees();
        this.steps = s.steps();
        this.lastLevel = s.lastLevel();
        this.creditHoldPlaced = s.creditHoldPlaced();
        this.handedOver = s.handedOver();
    }

    /** A new, empty open case of the account under the policy; {@code groupKey} names what it groups. */
    public static DunningCase open(TenantId tenant, DunningCaseId id, AccountId account, DunningPolicy policy,
                                   String groupKey, LocalDate today, Clock clock) {
        Require.notNull(account, "account");
        Require.notNull(policy, "policy");
        Require.notBlank(groupKey, "groupKey");
        Require.notNull(today, "today");
        DunningCase opened = new DunningCase(new DunningCaseState(tenant, id, 0, account, policy.name(), groupKey,
                policy.currency(), CaseStatus.OPEN, today, null, List.of(), null, Money.zero(policy.currency()), 0,
                0, false, false, List.of(), clock.instant()));
        opened.history.add(CaseEvent.of(today, CaseEventKind.OPENED, 0, List.of(), null, "policy " + policy.name()));
        return opened;
    }

    public static DunningCase restore(DunningCaseState state) {
        return new DunningCase(Require.notNull(state, "state"));
    }

    public DunningCaseState state() {
        return new DunningCaseState(tenant(), id(), version(), account, policy, groupKey, currency, status, openedOn,
                closedOn, List.copyOf(items.values()), promisedUntil, fees, steps, lastLevel, creditHoldPlaced, handedOver,
                List.copyOf(history), createdAt);
    }

    /**
     * Brings the case in line with the group's invoices on {@code today}. {@code invoices} holds the group's open
     * invoices and the invoices of the case's items in whatever status; {@code disputed} the invoices held by a
     * dispute. An item whose invoice is no longer open leaves the case (paid, credited, written off, voided); a lower
     * balance is a partial payment and re-anchors the next level to today; a dispute holds an item, its resolution
     * re-anchors it; an open invoice in the policy's currency whose first level is due joins the case. Levels whose
     * conditions no longer hold are left (de-escalation), a promise to pay that has run out is broken, and the case
     * closes when no item is left, on the day its last invoice was settled ({@code settledOn} tells the day of an
     * invoice that is no longer open; today for one that is gone), keeping its {@link #lastLevel}. Returns whether anything
     * changed that makes undelivered actions stale.
     */
    public boolean reconcile(DunningPolicy policy, List<Invoice> invoices, Set<InvoiceId> disputed, LocalDate today,
                             Function<Invoice, LocalDate> settledOn, Clock clock) {
        requireOpen();
        Map<InvoiceId, Invoice> byId = new LinkedHashMap<>();
        invoices.forEach(invoice -> byId.put(invoice.id(), invoice));
        boolean stale = false;
        LocalDate lastSettled = null;
        for (CaseItem item : List.copyOf(items.values())) {
            Invoice invoice = byId.get(item.invoice());
            if (invoice == null || !invoice.isOpen()) {
                LocalDate left = invoice == null ? today : settledOn.apply(invoice);
                lastSettled = lastSettled == null || left.isAfter(lastSettled) ? left : lastSettled;
                items.remove(item.invoice());
                history.add(CaseEvent.of(today, leavingKind(invoice), item.level(), List.of(item.number()),
                        item.balance(), invoice == null ? "no longer in the account's invoices" : null));
                stale = true;
                continue;
            }
            CaseItem current = item;
            Money balance = invoice.balanceDue();
            if (balance.isLessThan(item.balance())) {
                current = current.withBalance(balance, today.isAfter(current.anchor()) ? today : current.anchor());
                history.add(CaseEvent.of(today, CaseEventKind.PARTIAL_PAYMENT, current.level(),
                        List.of(item.number()), item.balance().minus(balance), "open balance now " + balance));
                stale = true;
            } else if (!balance.equals(item.balance())) {
                current = current.withBalance(balance, current.anchor());
            }
            boolean isDisputed = disputed.contains(item.invoice());
            if (isDisputed != current.disputed()) {
                current = current.withDisputed(isDisputed, isDisputed ? current.anchor()
                        : (today.isAfter(current.anchor()) ? today : current.anchor()));
                history.add(CaseEvent.of(today, isDisputed ? CaseEventKind.DISPUTED : CaseEventKind.DISPUTE_RESOLVED,
                        current.level(), List.of(item.number()), current.balance(), null));
                stale = true;
            }
            items.put(item.invoice(), current);
        }
        for (Invoice invoice : invoices) {
            if (!items.containsKey(invoice.id()) && invoice.isOpen() && invoice.currency().equals(currency)
                    && !invoice.dueDate().plusDays(policy.firstOffsetDays()).isAfter(today)) {
                CaseItem item = new CaseItem(invoice.id(), invoice.number(), invoice.dueDate(), invoice.total(),
                        invoice.balanceDue(), 0, invoice.dueDate(), null, disputed.contains(invoice.id()), false);
                items.put(invoice.id(), item);
                history.add(CaseEvent.of(today, CaseEventKind.INVOICE_ADDED, 0, List.of(invoice.number()),
                        item.balance(), null));
                if (item.disputed()) {
                    history.add(CaseEvent.of(today, CaseEventKind.DISPUTED, 0, List.of(invoice.number()),
                            item.balance(), null));
                }
            }
        }
        stale |= deEscalate(policy, today);
        if (promisedUntil != null && today.isAfter(promisedUntil)) {
            history.add(CaseEvent.of(today, CaseEventKind.PROMISE_BROKEN, topLevel(), numbers(activeItems()),
                    overdueBalance(today), "promised to pay by " + promisedUntil));
            promisedUntil = null;
        }
        if (items.isEmpty()) {
            close(lastSettled == null || lastSettled.isAfter(today) ? today : lastSettled, clock);
            stale = true;
        }
        return stale;
    }

    private static CaseEventKind leavingKind(Invoice invoice) {
        if (invoice == null) {
            return CaseEventKind.INVOICE_VOIDED;
        }
        if (invoice.status() == InvoiceStatus.WRITTEN_OFF) {
            return CaseEventKind.INVOICE_WRITTEN_OFF;
        }
        if (invoice.status() == InvoiceStatus.VOID) {
            return CaseEventKind.INVOICE_VOIDED;
        }
        boolean lastByCredit = !invoice.settlements().isEmpty()
                && invoice.settlements().get(invoice.settlements().size() - 1).kind() == SettlementKind.CREDIT_NOTE;
        return lastByCredit ? CaseEventKind.INVOICE_CREDITED : CaseEventKind.INVOICE_PAID;
    }

    private boolean deEscalate(DunningPolicy policy, LocalDate today) {
        boolean changed = false;
        Money balance = overdueBalance(today);
        int count = overdueCount(today);
        for (CaseItem item : List.copyOf(items.values())) {
            int level = item.level();
            while (level > 0 && !policy.level(level).conditions().allow(balance, count, item.daysOverdue(today))) {
                level--;
            }
            if (level != item.level()) {
                items.put(item.invoice(), item.deEscalatedTo(level, today));
                history.add(CaseEvent.of(today, CaseEventKind.DE_ESCALATED, level, List.of(item.number()),
                        item.balance(), "from level " + item.level() + " to " + level));
                changed = true;
            }
        }
        return changed;
    }

    private void close(LocalDate on, Clock clock) {
        status = CaseStatus.CLOSED;
        closedOn = on;
        promisedUntil = null;
        history.add(CaseEvent.of(on, CaseEventKind.CLOSED, lastLevel, List.of(), null, "nothing is owed any more"));
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
        Money balance = overdueBalance(today);
        int count = overdueCount(today);
        List<DunningStep.Move> moves = new ArrayList<>();
        for (CaseItem item : activeItems()) {
            LocalDate due = item.nextLevelOn(policy);
            if (due != null && !due.isAfter(today)
                    && policy.level(item.level() + 1).conditions().allow(balance, count, item.daysOverdue(today))) {
                moves.add(new DunningStep.Move(item.invoice(), item.number(), item.level(), item.level() + 1));
            }
        }
        if (moves.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DunningStep(moves.stream().mapToInt(DunningStep.Move::to).max().orElseThrow(), moves));
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
    public Claim reach(DunningStep step, DunningPolicy policy, List<Invoice> invoices, LocalDate today, ZoneId zone,
                       Channel channel, String detail, Clock clock) {
        requireOpen();
        Require.notNull(step, "step");
        Require.notNull(policy, "policy");
        Money fee = step.levelsReached().stream().map(number -> policy.level(number).fee())
                .reduce(Money.zero(currency), Money::max);
        boolean grantsCompensation = policy.interest().flatCompensation() != null;
        for (DunningStep.Move move : step.moves()) {
            CaseItem item = items.get(move.invoice());
            Require.that(item != null && item.level() == move.from(), "step",
                    "invoice " + move.number() + " is not at level " + move.from() + " in this case");
            boolean claimsCompensation = grantsCompensation && !item.disputed() && item.daysOverdue(today) > 0;
            items.put(move.invoice(), item.atLevel(move.to(), today, claimsCompensation));
        }
        steps++;
        fees = fees.plus(fee);
        lastLevel = step.level();
        Claim claim = claim(policy, invoices, today, zone);
        List<String> numbers = numbers(activeItems());
        Money amount = overdueBalance(today);
        String told = "levels " + step.levelsReached() + ", claim " + claim.summary();
        history.add(new CaseEvent(today, CaseEventKind.LEVEL_REACHED, step.level(), numbers, amount, fee,
                claim.interest(), channel, detail == null ? told : detail + ", " + told, claim));
        record(new DunningLevelReached(tenant(), id().value(), clock.instant(), account, step.level(), numbers, amount));
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
        Require.notNull(policy, "policy");
        Require.notNull(today, "today");
        Require.notNull(zone, "zone");
        Map<InvoiceId, Invoice> byId = new LinkedHashMap<>();
        Require.notNull(invoices, "invoices").forEach(invoice -> byId.put(invoice.id(), invoice));
        InterestRule rule = policy.interest();
        Money zero = Money.zero(currency);
        Money balance = zero;
        Money interest = zero;
        int compensated = 0;
        List<Claim.Line> lines = new ArrayList<>();
        for (CaseItem item : activeItems()) {
            Invoice invoice = byId.get(item.invoice());
            Require.that(invoice != null, "invoices", "the invoice " + item.number() + " of the case is missing");
            InterestRule.InterestCalculation calculation = rule.calculate(invoice.total(), invoice.dueDate(),
                    settlementsByDay(invoice, zone), today);
            lines.add(new Claim.Line(item.number(), item.dueDate(), item.daysOverdue(today), item.level(),
                    item.balance(), calculation, item.compensationClaimed()));
            balance = balance.plus(item.balance());
            interest = interest.plus(calculation.interest());
            compensated += item.compensationClaimed() ? 1 : 0;
        }
        Money compensation = rule.flatCompensation() == null ? zero : rule.flatCompensation().times(compensated);
        return new Claim(today, lines, balance, fees, interest, compensation);
    }

    private static Map<LocalDate, Money> settlementsByDay(Invoice invoice, ZoneId zone) {
        Map<LocalDate, Money> byDay = new TreeMap<>();
        for (InvoiceSettlement settlement : invoice.settlements()) {
            byDay.merge(LocalDate.ofInstant(settlement.settledAt(), zone), settlement.amount(), Money::plus);
        }
        return byDay;
    }

    /** Pauses escalation until {@code until} (inclusive); if the case is still open after it, the promise is broken. */
    public void promiseToPay(LocalDate until, LocalDate today) {
        requireOpen();
        Require.notNull(until, "until");
        Require.that(!until.isBefore(today), "until", "must not be before today " + today + ", was " + until);
        promisedUntil = until;
        history.add(CaseEvent.of(today, CaseEventKind.PROMISE_TO_PAY, topLevel(), numbers(activeItems()),
                overdueBalance(today), "promised to pay by " + until));
    }

    /** Adds an entry to the audit history (deliveries, calls queued, hand-offs, credit holds, cancellations). */
    public void note(CaseEvent event) {
        history.add(Require.notNull(event, "event"));
    }

    void markCreditHold(boolean placed) {
        creditHoldPlaced = placed;
    }

    void markHandedOver() {
        handedOver = true;
    }

    /** Records that the account's credit hold was placed (true) or released (false) by this case. */
    public void creditHold(boolean placed, LocalDate today) {
        markCreditHold(placed);
        history.add(CaseEvent.of(today, placed ? CaseEventKind.CREDIT_HOLD_PLACED : CaseEventKind.CREDIT_HOLD_RELEASED,
                topLevel(), List.of(), null, null));
    }

    /** Records that the case was handed over to the lawyer. */
    public void handOver(LocalDate today, String detail) {
        markHandedOver();
        history.add(CaseEvent.of(today, CaseEventKind.HANDED_TO_LAWYER, topLevel(), numbers(activeItems()),
                overdueBalance(today), detail));
    }

    private void requireOpen() {
        if (status != CaseStatus.OPEN) {
            throw new IllegalTransitionException("Dunning case " + id() + " is closed");
        }
    }

    /** Items that are not disputed, by due date. */
    public List<CaseItem> activeItems() {
        return items.values().stream().filter(item -> !item.disputed()).sorted(BY_DUE_DATE).toList();
    }

    /** Every item, disputed ones included, by due date. */
    public List<CaseItem> items() {
        return items.values().stream().sorted(BY_DUE_DATE).toList();
    }

    /** The sum of the balances of active items overdue on {@code today}. */
    public Money overdueBalance(LocalDate today) {
        return activeItems().stream().filter(item -> item.daysOverdue(today) > 0).map(CaseItem::balance)
                .reduce(Money.zero(currency), Money::plus);
    }

    private int overdueCount(LocalDate today) {
        return (int) activeItems().stream().filter(item -> item.daysOverdue(today) > 0).count();
    }

    /** The highest level of any item while the case is open; once closed, the {@link #lastLevel} it reached. */
    public int topLevel() {
        return isOpen() ? items.values().stream().mapToInt(CaseItem::level).max().orElse(0) : lastLevel;
    }

    /** The level of the last step the case took (whose notice a failed delivery falls back from); 0 before the first. */
    public int lastLevel() {
        return lastLevel;
    }

    /** The earliest day a next level is due for an active item, or null when none is. */
    public LocalDate nextStepOn(DunningPolicy policy) {
        LocalDate next = activeItems().stream().map(item -> item.nextLevelOn(policy)).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        if (next != null && promisedUntil != null && !next.isAfter(promisedUntil)) {
            return promisedUntil.plusDays(1);
        }
        return next;
    }

    private static List<String> numbers(List<CaseItem> list) {
        return list.stream().map(CaseItem::number).toList();
    }

    public AccountId account() {
        return account;
    }

    public String policy() {
        return policy;
    }

    /** What the case groups: {@code account:<id>:<currency>} or {@code invoice:<id>}. */
    public String groupKey() {
        return groupKey;
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
