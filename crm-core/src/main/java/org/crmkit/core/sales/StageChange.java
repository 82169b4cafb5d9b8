package org.crmkit.core.sales;

import java.time.Instant;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;

/**
 * One entry of an opportunity's stage history: who moved it from which stage (null when opened) to which, when, and
 * the {@link GateOverride} when the move was made although gates were not met (null otherwise).
 */
public record StageChange(StageId from, StageId to, Instant at, Actor actor, GateOverride override) {

    public StageChange {
        Require.notNull(to, "to");
        Require.notNull(at, "at");
        Require.notNull(actor, "actor");
    }

    /** A change made with every gate met. */
    public StageChange(StageId from, StageId to, Instant at, Actor actor) {
        this(from, to, at, actor, null);
    }

    public boolean overridden() {
        return override != null;
    }
}
