package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.spi.EventListener;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.core.spi.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed outbox entries to the host's listener in sequence order and marks them published. A listener
 * failure stops the run and leaves the failed entry and everything after it pending for the next run, so that
 * the order per aggregate holds and nothing is lost (delivery is at least once).
 */
final class EventRelay {

    private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);
    private static final int BATCH = 200;

    private final Storage storage;
    private final List<EventListener> listeners;

    EventRelay(Storage storage, List<EventListener> listeners) {
        this.storage = storage;
        this.listeners = new CopyOnWriteArrayList<>(listeners);
    }

    EventSubscription subscribe(EventListener listener) {
        // a listener of its own per subscription, so that closing it removes this entry alone, even when the same
        // listener was subscribed twice
        EventListener subscribed = listener::onEvent;
        listeners.add(subscribed);
        return () -> listeners.remove(subscribed);
    }

    /** Delivers what is pending; returns the number of events delivered. */
    synchronized int publishPending() {
        int delivered = 0;
        while (true) {
            List<OutboxEntry> batch = storage.transactions().inTransaction(() -> storage.outbox().pending(BATCH));
            if (batch.isEmpty()) {
                return delivered;
            }
            List<UUID> done = new ArrayList<>(batch.size());
            boolean failed = false;
            for (OutboxEntry entry : batch) {
                try {
                    for (EventListener listener : listeners) {
                        listener.onEvent(entry);
                    }
                    done.add(entry.eventId());
                } catch (RuntimeException e) {
                    LOG.warn("event listener failed on {} {}; it stays pending", entry.event().eventType(), entry.eventId(), e);
                    failed = true;
                    break;
                }
            }
            if (!done.isEmpty()) {
                storage.transactions().inTransaction(() -> storage.outbox().markPublished(done));
            }
            delivered += done.size();
            if (failed || batch.size() < BATCH) {
                return delivered;
            }
        }
    }
}
