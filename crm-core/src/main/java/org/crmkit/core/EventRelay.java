package org.crmkit.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.spi.DeadLetter;
import org.crmkit.core.spi.EventListener;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.core.spi.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed outbox entries to the listeners and marks them published. A run delivers every pending event in
 * sequence order, each to every listener in turn, until none is left. An event that a listener fails on (whatever
 * it throws) is counted as a failed attempt and tried again by the next run; the later events of its aggregate wait
 * behind it, those of other aggregates go on. At the last allowed attempt the event becomes a dead letter, logged
 * once, and its aggregate's later events go on without it.
 *
 * <p>Runs of one relay take turns. A listener that writes through {@code Crm} starts no run of its own: its events
 * are pending by the time its delivery returns, and the run in progress delivers them after the current batch.
 */
final class EventRelay {

    private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);
    private static final int BATCH = 200;

    private final Storage storage;
    private final List<EventListener> listeners;
    private final int maxAttempts;
    /** Whether this relay is delivering; read and written only while holding its lock. */
    private boolean delivering;
    /** Whether a change committed by a listener (on the delivering thread) asked for a run meanwhile. */
    private boolean runRequested;

    EventRelay(Storage storage, List<EventListener> listeners, int maxAttempts) {
        this.storage = storage;
        this.listeners = new CopyOnWriteArrayList<>(listeners);
        this.maxAttempts = maxAttempts;
    }

    EventSubscription subscribe(EventListener listener) {
        // a listener of its own per subscription, so that closing it removes this entry alone, even when the same
        // listener was subscribed twice
        EventListener subscribed = listener::onEvent;
        listeners.add(subscribed);
        return () -> listeners.remove(subscribed);
    }

    /**
     * The run after a commit: a failure of the storage itself (the database unreachable) is logged, not thrown, as
     * the change has committed and its caller must not take it for failed; the events stay pending for the next run.
     */
    void publishAfterCommit() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.error("could not relay the committed events; they stay pending for the next run", e);
        }
    }

    /** Delivers what is pending; returns the number of events delivered by this call. */
    synchronized int publishPending() {
        if (delivering) {
            // a listener's own change committed: its events come after the current batch, in this same run
            runRequested = true;
            return 0;
        }
        delivering = true;
        try {
            return deliverAll();
        } finally {
            delivering = false;
        }
    }

    private int deliverAll() {
        int delivered = 0;
        // events this run tried and failed, or held back behind a failed one of their aggregate
        Set<UUID> leftBehind = new HashSet<>();
        Set<AggregateKey> failedAggregates = new HashSet<>();
        while (true) {
            runRequested = false;
            int limit = BATCH + leftBehind.size();
            List<OutboxEntry> read =
                    storage.transactions().inTransaction(() -> storage.outbox().pending(limit));
            List<OutboxEntry> batch = read.stream()
                    .filter(entry -> !leftBehind.contains(entry.eventId()))
                    .toList();
            List<UUID> done = new ArrayList<>(batch.size());
            for (OutboxEntry entry : batch) {
                AggregateKey aggregate = AggregateKey.of(entry);
                if (failedAggregates.contains(aggregate)) {
                    leftBehind.add(entry.eventId());
                    continue;
                }
                Throwable failure = deliver(entry);
                if (failure == null) {
                    done.add(entry.eventId());
                } else {
                    leftBehind.add(entry.eventId());
                    if (!recordFailure(entry, failure)) {
                        failedAggregates.add(aggregate);
                    }
                }
            }
            if (!done.isEmpty()) {
                storage.transactions().inTransaction(() -> storage.outbox().markPublished(done));
            }
            delivered += done.size();
            if (batch.isEmpty() || (read.size() < limit && !runRequested)) {
                return delivered;
            }
        }
    }

    /** Hands the entry to every listener in turn; returns what the first failing one threw, or null. */
    private Throwable deliver(OutboxEntry entry) {
        for (EventListener listener : listeners) {
            try {
                listener.onEvent(entry);
            } catch (Throwable failure) { // an Error too: the change has committed, and its caller must not see it
                return failure;
            }
        }
        return null;
    }

    /** Counts the failed attempt; returns whether the event became a dead letter with it. */
    private boolean recordFailure(OutboxEntry entry, Throwable failure) {
        String text = failure.toString();
        String kept = text.length() <= DeadLetter.MAX_FAILURE_LENGTH
                ? text
                : text.substring(0, DeadLetter.MAX_FAILURE_LENGTH);
        boolean deadLetter = storage.transactions()
                .inTransaction(() -> storage.outbox().recordFailedDelivery(entry.eventId(), kept, maxAttempts));
        if (deadLetter) {
            LOG.warn(
                    "gave up delivering {} {} of {} {} after {} attempts; it is a dead letter now (crm.events())",
                    entry.event().eventType(),
                    entry.eventId(),
                    entry.event().aggregateType(),
                    entry.event().aggregateId(),
                    maxAttempts,
                    failure);
        } else {
            LOG.debug(
                    "delivering {} {} failed; it stays pending: {}",
                    entry.event().eventType(),
                    entry.eventId(),
                    text);
        }
        return deadLetter;
    }

    /** The aggregate an event belongs to, whose events are delivered in order. */
    private record AggregateKey(String tenant, String type, UUID id) {

        static AggregateKey of(OutboxEntry entry) {
            return new AggregateKey(
                    entry.event().tenant().value(),
                    entry.event().aggregateType(),
                    entry.event().aggregateId());
        }
    }
}
