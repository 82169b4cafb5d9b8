package org.crmkit.core.spi;

import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;

/**
 * The transactional outbox: events are appended in the same transaction as the change that caused them, and a
 * relay later hands committed events to the host's {@link EventListener}, at least once, in sequence order.
 */
public interface Outbox {

    /** Appends events in the current transaction; requires an active transaction. */
    void append(List<DomainEvent> events);

    /** Committed events not yet marked as published, oldest first, at most {@code limit}. */
    List<OutboxEntry> pending(int limit);

    /** Marks the events as published; unknown ids are ignored (another relay may have been faster). */
    void markPublished(List<UUID> eventIds);
}
