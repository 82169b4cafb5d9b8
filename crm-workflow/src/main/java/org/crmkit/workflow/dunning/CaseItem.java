package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * An invoice in a dunning case, with its own level: one invoice's reminder never silences another's.
 *
 * @param balance             the open balance when the case last looked
 * @param level               the level reached, 0 before the first
 * @param anchor              the day the next level counts from: the due date, the day the current level was reached,
 *                            or a later day a partial payment or a resolved dispute re-anchored it to
 * @param lastNoticeOn        the day of the last level reached, null before the first
 * @param disputed            held out of escalation while disputed
 * @param compensationClaimed whether the flat compensation was claimed for it already (once per invoice)
 * @param invoiceVersion      the version of the invoice when the case last looked at it, so that storage can tell
 *                            the cases whose invoices changed since; null for an item stored before crmkit schema 27
 */
public record CaseItem(
        InvoiceId invoice,
        String number,
        LocalDate dueDate,
        Money total,
        Money balance,
        int level,
        LocalDate anchor,
        LocalDate lastNoticeOn,
        boolean disputed,
        boolean compensationClaimed,
        Long invoiceVersion) {

    public CaseItem {
        Require.notNull(invoice, "invoice");
        Require.notBlank(number, "number");
        Require.notNull(dueDate, "dueDate");
        Require.notNull(total, "total");
        Require.notNull(balance, "balance");
        Require.notNegative(level, "level");
        Require.notNull(anchor, "anchor");
    }

    CaseItem withBalance(Money newBalance, LocalDate newAnchor) {
        return changed(newBalance, level, newAnchor, lastNoticeOn, disputed, compensationClaimed, invoiceVersion);
    }

    CaseItem withDisputed(boolean isDisputed, LocalDate newAnchor) {
        return changed(balance, level, newAnchor, lastNoticeOn, isDisputed, compensationClaimed, invoiceVersion);
    }

    CaseItem atLevel(int newLevel, LocalDate on, boolean claimedCompensation) {
        return changed(balance, newLevel, on, on, disputed, compensationClaimed || claimedCompensation, invoiceVersion);
    }

    CaseItem deEscalatedTo(int newLevel, LocalDate on) {
        return changed(balance, newLevel, on, lastNoticeOn, disputed, compensationClaimed, invoiceVersion);
    }

    CaseItem reanchored(LocalDate on) {
        return changed(
                balance,
                level,
                on.isAfter(anchor) ? on : anchor,
                lastNoticeOn,
                disputed,
                compensationClaimed,
                invoiceVersion);
    }

    /** The item as of the invoice's version {@code version}. */
    CaseItem seenAt(long version) {
        return changed(balance, level, anchor, lastNoticeOn, disputed, compensationClaimed, version);
    }

    /** This invoice's item with the other components given. */
    private CaseItem changed(
            Money newBalance,
            int newLevel,
            LocalDate newAnchor,
            LocalDate newLastNoticeOn,
            boolean isDisputed,
            boolean claimed,
            Long version) {
        return new CaseItem(
                invoice,
                number,
                dueDate,
                total,
                newBalance,
                newLevel,
                newAnchor,
                newLastNoticeOn,
                isDisputed,
                claimed,
                version);
    }

    /** The invoice numbers of the items, in order. */
    static List<String> numbers(List<CaseItem> items) {
        return items.stream().map(CaseItem::number).toList();
    }

    /** Days past the due date on {@code day}; negative before it. */
    public long daysOverdue(LocalDate day) {
        return java.time.temporal.ChronoUnit.DAYS.between(dueDate, day);
    }

    /** The day the next level is due under {@code policy}; null when the last level is reached. */
    public LocalDate nextLevelOn(DunningPolicy policy) {
        if (level >= policy.levels().size()) {
            return null;
        }
        DunningLevel next = policy.level(level + 1);
        if (next.base() == OffsetBase.PREVIOUS_NOTICE) {
            return anchor.plusDays(next.offsetDays());
        }
        int reachedOffset = level == 0 ? 0 : policy.level(level).offsetDays();
        return anchor.plusDays(next.offsetDays() - (long) reachedOffset);
    }
}
