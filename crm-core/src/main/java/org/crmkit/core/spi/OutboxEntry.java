package org.crmkit.core.spi;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Require;

/**
 * A domain event as stored in the outbox: {@code eventId} is unique and stable across redeliveries (use it to
 * drop duplicates), {@code sequence} orders all events of the store, {@code recordedAt} is when the outbox took it.
 */
public record OutboxEntry(UUID eventId, long sequence, DomainEvent event, Instant recordedAt) {

    public OutboxEntry {
        Require.notNull(eventId, "eventId");
        Require.notNegative(sequence, "sequence");
        Require.notNull(event, "event");
        Require.notNull(recordedAt, "recordedAt");
    }
}
