package org.crmkit.core.spi;

/**
 * The host's side of event publishing. Called after the change committed, at least once per event, in outbox
 * order; a redelivery carries the same {@link OutboxEntry#eventId()}. Throwing leaves the event pending so that
 * the next relay run delivers it again.
 */
@FunctionalInterface
public interface EventListener {

    EventListener NONE = entry -> { };

    void onEvent(OutboxEntry entry);
}
