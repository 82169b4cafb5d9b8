package org.crmkit.workflow.dunning;

import java.util.List;
import org.crmkit.core.common.InvoiceId;

/**
 * The levels a case reaches on one day: every invoice whose next level is due moves up one level; {@code level}
 * is the highest level reached, whose actions the case takes.
 */
public record DunningStep(int level, List<Move> moves) {

    public DunningStep {
        moves = List.copyOf(moves);
    }

    /** One invoice moving from one level to the next. */
    public record Move(InvoiceId invoice, String number, int from, int to) {
    }

    /** The levels reached on the day, each once, lowest first. */
    public List<Integer> levelsReached() {
        return moves.stream().map(Move::to).distinct().sorted().toList();
    }
}
