package org.crmkit.workflow.action;

/**
 * The host's way of sending a message on one channel (an email gateway, an SMS provider, a print-and-mail
 * service). Called outside any transaction, at least once per message: a redelivery after a crash or a failed
 * attempt carries the same {@code deduplicationKey}, so a host that records the keys it has sent can drop
 * duplicates. Throwing means "not sent": the runtime tries again with exponential backoff and marks the action
 * failed after the last attempt. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface MessageChannel {

    void send(String deduplicationKey, Message message);
}
