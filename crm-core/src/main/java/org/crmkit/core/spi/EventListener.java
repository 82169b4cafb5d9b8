package org.crmkit.core.spi;

/**
 * The host's side of event publishing, given to {@code Crm.builder().eventListener(..)} or {@code crm.subscribe(..)}.
 *
 * <p>Called after the change committed, on the thread that committed it (or that called
 * {@code crm.publishPendingEvents()}), at least once per event: a redelivery carries the same
 * {@link OutboxEntry#eventId()}, so a listener drops duplicates by it. The order is guaranteed per aggregate
 * (tenant, {@code aggregateType()}, {@code aggregateId()}): one aggregate's events arrive in the order they were
 * committed, and a later one only after the earlier ones were delivered (or given up on). Events of different
 * aggregates may arrive in another order than their sequence numbers.
 *
 * <p>Throwing anything, an {@code Error} included, never reaches the caller of the committed change: it counts as a
 * failed attempt, the event stays pending for the next relay run and the later events of its aggregate wait behind
 * it. After the configured number of attempts the event becomes a dead letter that staff retry or discard through
 * {@code crm.events()}. A listener may write through {@code Crm}; the events of its writes are delivered after the
 * event it is handling, each once.
 */
@FunctionalInterface
public interface EventListener {

    EventListener NONE = entry -> {};

    void onEvent(OutboxEntry entry);
}
