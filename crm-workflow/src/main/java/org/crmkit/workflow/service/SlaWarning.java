package org.crmkit.workflow.service;

import java.time.Instant;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.ActionPayload;

/**
 * A warning that a case's milestone will be due soon: delivered as a high-priority task for the case's assignee
 * (or the escalation target while it has none), due when the milestone is.
 */
public record SlaWarning(CaseId caseId, Milestone milestone, Instant dueAt) implements ActionPayload {

    public SlaWarning {
        Require.notNull(caseId, "caseId");
        Require.notNull(milestone, "milestone");
        Require.notNull(dueAt, "dueAt");
    }

    @Override
    public String describe() {
        return "SLA warning: " + milestone + " of case " + caseId + " due at " + dueAt;
    }

    @Override
    public boolean holdsPersonalData() {
        return false;
    }
}
