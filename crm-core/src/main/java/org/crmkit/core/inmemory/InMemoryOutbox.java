package org.crmkit.core.inmemory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.Outbox;
import org.crmkit.core.spi.OutboxEntry;

/** The outbox kept in memory; appends take part in the in-memory transaction and vanish on rollback. */
final class InMemoryOutbox implements Outbox {

    private final InMemoryTransactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final Map<UUID, OutboxEntry> pending = new LinkedHashMap<>();
    private long sequence;

    InMemoryOutbox(InMemoryTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
        this.ids = new IdGenerator(clock);
    }

    @Override
    public void append(List<DomainEvent> events) {
        Require.noNulls(events, "events");
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("Outbox.append");
        }
        for (DomainEvent event : events) {
            OutboxEntry entry;
            synchronized (this) {
                entry = new OutboxEntry(ids.next(), ++sequence, event, clock.instant());
                pending.put(entry.eventId(), entry);
            }
            transactions.onRollback(() -> {
                synchronized (this) {
                    pending.remove(entry.eventId());
                }
            });
        }
    }

    @Override
    public List<OutboxEntry> pending(int limit) {
        Require.positive(limit, "limit");
        return transactions.read(() -> {
            synchronized (this) {
                return new ArrayList<>(pending.values()).subList(0, Math.min(limit, pending.size()));
            }
        });
    }

    @Override
    public synchronized void markPublished(List<UUID> eventIds) {
        Require.noNulls(eventIds, "eventIds").forEach(pending::remove);
    }
}
