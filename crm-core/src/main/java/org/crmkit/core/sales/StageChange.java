package org.crmkit.core.sales;

import java.time.Instant;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;

/** One entry of an opportunity's stage history: who moved it from which stage (null when opened) to which, when. */
public record StageChange(StageId from, StageId to, Instant at, Actor actor) {

    public StageChange {
        Require.notNull(to, "to");
        Require.notNull(at, "at");
        Require.notNull(actor, "actor");
    }
}
