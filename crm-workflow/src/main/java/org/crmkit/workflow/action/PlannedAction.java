package org.crmkit.workflow.action;

import java.time.Instant;
import org.crmkit.core.common.Require;

/**
 * An action a workflow decided on, before the outbox stores it.
 *
 * @param deduplicationKey unique per tenant and stable: planning the same action again (a re-run, a second node)
 *                         finds the key taken and stores nothing; the host's channel receives it on every delivery
 *                         attempt so that it can drop duplicates
 * @param subject          what the action belongs to (e.g. a dunning case), so that a workflow can cancel the
 *                         actions of a subject that are not delivered yet
 * @param notBefore        the earliest time to deliver it
 */
public record PlannedAction(String deduplicationKey, String subject, ActionPayload payload, Instant notBefore) {

    public PlannedAction {
        deduplicationKey =
                Require.maxLength(Require.notBlank(deduplicationKey, "deduplicationKey"), 200, "deduplicationKey");
        subject = Require.maxLength(Require.notBlank(subject, "subject"), 200, "subject");
        Require.notNull(payload, "payload");
        Require.notNull(notBefore, "notBefore");
    }
}
