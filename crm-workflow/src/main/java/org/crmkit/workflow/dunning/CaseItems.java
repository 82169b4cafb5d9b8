package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;

/**
 * The items of one {@link DunningCase} and how they follow the invoices: kept apart from the case so that the case
 * holds its lifecycle (steps, promise, closing) and this class the per-invoice bookkeeping. Every change it makes is
 * noted in the case's audit history it is given. Not thread-safe.
 */
final class CaseItems {

    private static final Comparator<CaseItem> BY_DUE_DATE =
            Comparator.comparing(CaseItem::dueDate).thenComparing(CaseItem::number);

    private final Map<InvoiceId, CaseItem> items = new LinkedHashMap<>();
    private final Currency currency;
    private final List<CaseEvent> history;

    CaseItems(Collection<CaseItem> items, Currency currency, List<CaseEvent> history) {
        items.forEach(item -> this.items.put(item.invoice(), item));
        this.currency = currency;
        this.history = history;
    }

    /** What {@link #reconcile} changed: whether undelivered actions are stale, and the last day an item settled. */
    record Outcome(boolean stale, LocalDate lastSettled) {}

    /**
     * The item part of {@link DunningCase#reconcile}: items whose invoice is no longer open leave, lower balances and
     * resolved disputes re-anchor, disputes hold, open invoices whose first level is due join, and levels whose
     * conditions no longer hold are left. Every item remembers the version of the invoice it was reconciled with.
     */
    Outcome reconcile(
            DunningPolicy policy,
            List<Invoice> invoices,
            Set<InvoiceId> disputed,
            LocalDate today,
            Function<Invoice, LocalDate> settledOn) {
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
                note(
                        today,
                        CaseEventKind.leaving(invoice),
                        item.level(),
                        List.of(item.number()),
                        item.balance(),
                        invoice == null ? "no longer in the account's invoices" : null);
                stale = true;
                continue;
            }
            CaseItem current = item;
            Money balance = invoice.balanceDue();
            if (balance.isLessThan(item.balance())) {
                current = current.withBalance(balance, today.isAfter(current.anchor()) ? today : current.anchor());
                note(
                        today,
                        CaseEventKind.PARTIAL_PAYMENT,
                        current.level(),
                        List.of(item.number()),
                        item.balance().minus(balance),
                        "open balance now " + balance);
                stale = true;
            } else if (!balance.equals(item.balance())) {
                current = current.withBalance(balance, current.anchor());
            }
            boolean isDisputed = disputed.contains(item.invoice());
            if (isDisputed != current.disputed()) {
                current = current.withDisputed(
                        isDisputed,
                        isDisputed ? current.anchor() : (today.isAfter(current.anchor()) ? today : current.anchor()));
                note(
                        today,
                        isDisputed ? CaseEventKind.DISPUTED : CaseEventKind.DISPUTE_RESOLVED,
                        current.level(),
                        List.of(item.number()),
                        current.balance(),
                        null);
                stale = true;
            }
            if (!Long.valueOf(invoice.version()).equals(current.invoiceVersion())) {
                current = current.seenAt(invoice.version());
            }
            items.put(item.invoice(), current);
        }
        for (Invoice invoice : invoices) {
            if (!items.containsKey(invoice.id())
                    && invoice.isOpen()
                    && invoice.currency().equals(currency)
                    && !invoice.dueDate().plusDays(policy.firstOffsetDays()).isAfter(today)) {
                CaseItem item = new CaseItem(
                        invoice.id(),
                        invoice.number(),
                        invoice.dueDate(),
                        invoice.total(),
                        invoice.balanceDue(),
                        0,
                        invoice.dueDate(),
                        null,
                        disputed.contains(invoice.id()),
                        false,
                        invoice.version());
                items.put(invoice.id(), item);
                note(today, CaseEventKind.INVOICE_ADDED, 0, List.of(invoice.number()), item.balance(), null);
                if (item.disputed()) {
                    note(today, CaseEventKind.DISPUTED, 0, List.of(invoice.number()), item.balance(), null);
                }
            }
        }
        stale |= deEscalate(policy, today);
        return new Outcome(stale, lastSettled);
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
                note(
                        today,
                        CaseEventKind.DE_ESCALATED,
                        level,
                        List.of(item.number()),
                        item.balance(),
                        "from level " + item.level() + " to " + level);
                changed = true;
            }
        }
        return changed;
    }

    private void note(LocalDate on, CaseEventKind kind, int level, List<String> invoices, Money amount, String detail) {
        history.add(CaseEvent.of(on, kind, level, invoices, amount, detail));
    }

    CaseItem get(InvoiceId invoice) {
        return items.get(invoice);
    }

    void put(CaseItem item) {
        items.put(item.invoice(), item);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Items that are not disputed, by due date. */
    List<CaseItem> active() {
        return items.values().stream()
                .filter(item -> !item.disputed())
                .sorted(BY_DUE_DATE)
                .toList();
    }

    /** Every item, disputed ones included, by due date. */
    List<CaseItem> all() {
        return items.values().stream().sorted(BY_DUE_DATE).toList();
    }

    /** The items in the order they are stored in (the order of the case's state). */
    List<CaseItem> stored() {
        return List.copyOf(items.values());
    }

    /** The sum of the balances of active items overdue on {@code today}. */
    Money overdueBalance(LocalDate today) {
        return active().stream()
                .filter(item -> item.daysOverdue(today) > 0)
                .map(CaseItem::balance)
                .reduce(Money.zero(currency), Money::plus);
    }

    int overdueCount(LocalDate today) {
        return (int)
                active().stream().filter(item -> item.daysOverdue(today) > 0).count();
    }

    /**
     * The earliest day an active item's next level falls due; null when none has a level left. Conditions that hold
     * a level back only grow easier with time (overdue balance, count and days rise while the invoices stay as they
     * are), so a level held back stays due until it is reached or the invoices change.
     */
    LocalDate nextLevelOn(DunningPolicy policy) {
        return active().stream()
                .map(item -> item.nextLevelOn(policy))
                .filter(day -> day != null)
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    /** The highest level of any item; 0 with none. */
    int topLevel() {
        return items.values().stream().mapToInt(CaseItem::level).max().orElse(0);
    }
}
