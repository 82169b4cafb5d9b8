package org.crmkit.core.sales;

import java.time.Instant;
import org.crmkit.core.access.Role;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.UserId;

/**
 * An approval given on an opportunity for entering {@code stage}, by {@code approver} in the capacity of
 * {@code role} (which the approver held at {@code at}). It satisfies the stage's {@link StageGate.ApprovalRequired}
 * gate for that role.
 */
public record GateApproval(StageId stage, Role role, UserId approver, Instant at) {

    public GateApproval {
        Require.notNull(stage, "stageId");
        Require.notNull(role, "role");
        Require.notNull(approver, "approver");
        Require.notNull(at, "at");
    }
}
