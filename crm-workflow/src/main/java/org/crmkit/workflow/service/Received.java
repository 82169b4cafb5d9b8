package org.crmkit.workflow.service;

import org.crmkit.core.common.Require;
import org.crmkit.core.service.ServiceCase;

/**
 * What became of an inbound message: the case it opened or threaded into, with its conversation.
 *
 * @param opened true when the message opened a new case, false when it joined an existing one
 */
public record Received(ServiceCase serviceCase, CaseConversation conversation, boolean opened) {

    public Received {
        Require.notNull(serviceCase, "serviceCase");
        Require.notNull(conversation, "conversation");
    }
}
