package org.crmkit.workflow.service;

import java.time.Instant;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.ActionPayload;

/**
 * The escalation of a breached milestone: the case goes to the escalation target (the assignee's team lead, or the
 * service manager) and that manager gets a task to look at it.
 */
public record SlaEscalation(CaseId caseId, Milestone milestone, Instant dueAt) implements ActionPayload {

    public SlaEscalation {
        Require.notNull(caseId, "caseId");
        Require.notNull(milestone, "milestone");
        Require.notNull(dueAt, "dueAt");
    }

    @Override
    public String describe() {
        return "SLA escalation: " + milestone + " of case " + caseId + " was due at " + dueAt;
    }

    @Override
    public boolean holdsPersonalData() {
        return false;
    }
}
