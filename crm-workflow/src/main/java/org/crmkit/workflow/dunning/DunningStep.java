package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;

/**
 * The levels a case reaches on one day: every invoice whose next level is due moves up one level; {@code level}
 * is the highest level reached, whose actions the case takes.
 */
public record DunningStep(int level, List<Move> moves) {

    public DunningStep {
        moves = List.copyOf(moves);
    }

    /** One invoice moving from one level to the next. */
    public record Move(InvoiceId invoice, String number, int from, int to) {}

    /**
     * The step due on {@code today} for a case's active items, whose overdue items have {@code overdueBalance} in
     * all and number {@code overdueCount}: every item whose next level's day has come and whose conditions hold
     * moves up one level; empty when none does.
     */
    static Optional<DunningStep> due(
            List<CaseItem> activeItems, DunningPolicy policy, LocalDate today, Money overdueBalance, int overdueCount) {
        List<Move> moves = new ArrayList<>();
        for (CaseItem item : activeItems) {
            LocalDate due = item.nextLevelOn(policy);
            if (due != null
                    && !due.isAfter(today)
                    && policy.level(item.level() + 1)
                            .conditions()
                            .allow(overdueBalance, overdueCount, item.daysOverdue(today))) {
                moves.add(new Move(item.invoice(), item.number(), item.level(), item.level() + 1));
            }
        }
        return moves.isEmpty()
                ? Optional.empty()
                : Optional.of(
                        new DunningStep(moves.stream().mapToInt(Move::to).max().orElseThrow(), moves));
    }

    /** The levels reached on the day, each once, lowest first. */
    public List<Integer> levelsReached() {
        return moves.stream().map(Move::to).distinct().sorted().toList();
    }
}
