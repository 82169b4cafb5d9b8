package org.crmkit.core.sales;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.Violation;

/**
 * The answer to a stage move: either the opportunity {@link Moved moved} (with the recorded history entry), or the
 * move was {@link Refused refused} with every reason, in which case the opportunity is unchanged. Stage gates add
 * their violations to a refusal.
 */
public sealed interface StageMoveResult {

    boolean moved();

    /** The reasons of a refusal; empty when moved. */
    List<Violation> violations();

    /** The opportunity is now in {@code change.to()}. */
    record Moved(StageChange change) implements StageMoveResult {

        public Moved {
            Require.notNull(change, "change");
        }

        @Override
        public boolean moved() {
            return true;
        }

        @Override
        public List<Violation> violations() {
            return List.of();
        }
    }

    /** The opportunity stayed where it was, for the listed reasons (at least one). */
    record Refused(List<Violation> violations) implements StageMoveResult {

        public Refused {
            violations = Require.noNulls(violations, "violations");
            Require.that(!violations.isEmpty(), "violations", "a refusal needs at least one reason");
        }

        @Override
        public boolean moved() {
            return false;
        }
    }
}
