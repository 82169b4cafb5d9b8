package org.crmkit.core.common;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to an aggregate. Implementations are immutable records. Aggregates record events as
 * they change; the use-case service appends them to the outbox in the same transaction as the change, and the
 * outbox assigns the sequence and event id under which the host's listener receives them.
 */
public interface DomainEvent {

    TenantId tenant();

    /** The aggregate the event is about. */
    UUID aggregateId();

    /** The kind of aggregate, e.g. {@code Contact}; used for routing (Debezium's outbox "aggregatetype"). */
    String aggregateType();

    /** When it happened, from the injected clock. */
    Instant occurredAt();

    /** The event's type name, e.g. {@code ContactRegistered}. Defaults to the simple class name. */
    default String eventType() {
        return getClass().getSimpleName();
    }
}
