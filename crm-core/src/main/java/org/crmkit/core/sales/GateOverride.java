package org.crmkit.core.sales;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.Violation;

/**
 * A recorded decision to move an opportunity although stage gates were not met: why, and which gate violations were
 * overridden (at least one). Kept in the {@link StageChange} so that the history explains every gate not met.
 */
public record GateOverride(String reason, List<Violation> overridden) {

    public GateOverride {
        reason = Require.maxLength(Require.notBlank(reason, "overrideReason"), 500, "overrideReason");
        overridden = Require.noNulls(overridden, "overridden");
        Require.that(!overridden.isEmpty(), "overridden", "an override needs at least one overridden violation");
    }
}
