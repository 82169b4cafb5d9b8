package org.crmkit.core.spi;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;

/**
 * The transactional outbox: events are appended in the same transaction as the change that caused them, and a
 * relay later hands committed events to the host's {@link EventListener}s, at least once. An event the relay failed
 * to deliver stays pending with its failed attempts counted, until it is delivered or, at the relay's last attempt,
 * becomes a {@link DeadLetter} that staff retry or discard. Implementations are thread-safe.
 */
public interface Outbox {

    /** Appends events in the current transaction; requires an active transaction. */
    void append(List<DomainEvent> events);

    /**
     * Committed events that are neither published nor dead letters, in sequence order, at most {@code limit}: always
     * the oldest ones, so that a read that returns an event also returns every earlier pending event of its
     * aggregate (whose events are committed one after the other).
     */
    List<OutboxEntry> pending(int limit);

    /**
     * The tenant's stored events (pending ones, dead letters, and published ones where the adapter keeps them) whose
     * content mentions one of the identifiers, ignoring case, in sequence order: what a subject access export lists
     * and an erasure deletes.
     */
    List<OutboxEntry> findMentioning(TenantId tenant, Collection<String> identifiers);

    /**
     * Deletes the tenant's stored events with the ids, whatever their state, so that they are neither delivered nor
     * kept; ids of other tenants or unknown ids are ignored. Returns how many were deleted. Requires an active
     * transaction.
     */
    int delete(TenantId tenant, Collection<UUID> eventIds);

    /** Marks the events as published; unknown ids are ignored (another relay may have been faster). */
    void markPublished(List<UUID> eventIds);

    /**
     * Counts one failed delivery of a pending event and keeps {@code failure} (at most
     * {@link DeadLetter#MAX_FAILURE_LENGTH} characters) as its last failure. When the event has now failed
     * {@code maxAttempts} times it becomes a dead letter: it is no longer pending. Returns whether it became one;
     * false too for an id that is not pending (published meanwhile, or unknown).
     */
    boolean recordFailedDelivery(UUID eventId, String failure, int maxAttempts);

    /** The tenant's dead letters (not discarded), in sequence order. */
    Page<DeadLetter> deadLetters(TenantId tenant, PageRequest page);

    /**
     * Makes the tenant's dead letter pending again, in its old place in the sequence, with no failed attempts.
     * Returns false when the tenant has no such dead letter.
     */
    boolean retryDeadLetter(TenantId tenant, UUID eventId);

    /**
     * Discards the tenant's dead letter: it is neither delivered nor listed again. Returns false when the tenant has
     * no such dead letter.
     */
    boolean discardDeadLetter(TenantId tenant, UUID eventId);
}
