package org.crmkit.workflow.service;

import java.time.Instant;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.common.Require;

/**
 * One message of a case's conversation: from the customer ({@link Direction#INBOUND}) or to the customer
 * ({@link Direction#OUTBOUND}), on its channel.
 *
 * @param address the customer's address the message came from or went to
 */
public record ConversationEntry(
        Direction direction, ServiceChannel channel, Instant at, String address, String subject, String body) {

    public ConversationEntry {
        Require.notNull(direction, "direction");
        Require.notNull(channel, "channel");
        Require.notNull(at, "at");
        Require.notBlank(address, "address");
        Require.notBlank(subject, "subject");
        Require.notBlank(body, "body");
    }
}
