package org.crmkit.core.inmemory;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.DeadLetter;
import org.crmkit.core.spi.Outbox;
import org.crmkit.core.spi.OutboxEntry;

/**
 * The outbox kept in memory; every change takes part in the in-memory transaction and is taken back on rollback.
 * Published and discarded events are forgotten.
 */
final class InMemoryOutbox implements Outbox {

    /** An event not yet published or discarded, with its failed deliveries; a dead letter once it has a time. */
    private record Held(OutboxEntry entry, int attempts, String lastFailure, Instant deadLetteredAt) {

        boolean isDeadLetter() {
            return deadLetteredAt != null;
        }

        boolean isDeadLetterOf(TenantId tenant) {
            return isDeadLetter() && entry.event().tenant().equals(tenant);
        }
    }

    private final InMemoryTransactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final TreeMap<Long, Held> bySequence = new TreeMap<>();
    private final Map<UUID, Long> sequenceOf = new HashMap<>();
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
                put(new Held(entry, 0, null, null));
            }
            transactions.onRollback(() -> forget(entry.eventId()));
        }
    }

    @Override
    public List<OutboxEntry> pending(int limit) {
        Require.positive(limit, "limit");
        return transactions.read(() -> {
            synchronized (this) {
                return bySequence.values().stream()
                        .filter(held -> !held.isDeadLetter())
                        .limit(limit)
                        .map(Held::entry)
                        .toList();
            }
        });
    }

    @Override
    public List<OutboxEntry> findMentioning(TenantId tenant, Collection<String> identifiers) {
        Require.notNull(tenant, "tenant");
        List<String> lowerCase = Require.noNulls(identifiers, "identifiers").stream()
                .map(identifier -> identifier.toLowerCase(Locale.ROOT))
                .toList();
        return transactions.read(() -> {
            synchronized (this) {
                // an event's text form (a record's toString) holds every value it carries
                return bySequence.values().stream()
                        .map(Held::entry)
                        .filter(entry -> entry.event().tenant().equals(tenant))
                        .filter(entry -> {
                            String text = entry.event().toString().toLowerCase(Locale.ROOT);
                            return lowerCase.stream().anyMatch(text::contains);
                        })
                        .toList();
            }
        });
    }

    @Override
    public int delete(TenantId tenant, Collection<UUID> eventIds) {
        Require.notNull(tenant, "tenant");
        Require.noNulls(eventIds, "eventIds");
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("Outbox.delete");
        }
        int deleted = 0;
        for (UUID eventId : eventIds) {
            Held held = held(eventId);
            if (held != null && held.entry().event().tenant().equals(tenant)) {
                remove(eventId);
                deleted++;
            }
        }
        return deleted;
    }

    @Override
    public void markPublished(List<UUID> eventIds) {
        Require.noNulls(eventIds, "eventIds").forEach(this::remove);
    }

    @Override
    public boolean recordFailedDelivery(UUID eventId, String failure, int maxAttempts) {
        Require.notNull(eventId, "eventId");
        Require.maxLength(Require.notNull(failure, "failure"), DeadLetter.MAX_FAILURE_LENGTH, "failure");
        Require.positive(maxAttempts, "maxAttempts");
        Held held = held(eventId);
        if (held == null || held.isDeadLetter()) {
            return false;
        }
        int attempts = held.attempts() + 1;
        Instant deadLetteredAt = attempts >= maxAttempts ? clock.instant() : null;
        replace(held, new Held(held.entry(), attempts, failure, deadLetteredAt));
        return deadLetteredAt != null;
    }

    @Override
    public Page<DeadLetter> deadLetters(TenantId tenant, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(page, "page");
        return transactions.read(() -> {
            synchronized (this) {
                List<DeadLetter> all = bySequence.values().stream()
                        .filter(held -> held.isDeadLetterOf(tenant))
                        .map(held -> new DeadLetter(
                                held.entry(), held.attempts(), held.lastFailure(), held.deadLetteredAt()))
                        .toList();
                return Page.of(all, page);
            }
        });
    }

    @Override
    public boolean retryDeadLetter(TenantId tenant, UUID eventId) {
        Held held = deadLetterOf(tenant, eventId);
        if (held == null) {
            return false;
        }
        replace(held, new Held(held.entry(), 0, null, null));
        return true;
    }

    @Override
    public boolean discardDeadLetter(TenantId tenant, UUID eventId) {
        Held held = deadLetterOf(tenant, eventId);
        if (held == null) {
            return false;
        }
        remove(eventId);
        return true;
    }

    private Held deadLetterOf(TenantId tenant, UUID eventId) {
        Require.notNull(tenant, "tenant");
        Held held = held(Require.notNull(eventId, "eventId"));
        return held != null && held.isDeadLetterOf(tenant) ? held : null;
    }

    private synchronized Held held(UUID eventId) {
        Long number = sequenceOf.get(eventId);
        return number == null ? null : bySequence.get(number);
    }

    private synchronized void put(Held held) {
        bySequence.put(held.entry().sequence(), held);
        sequenceOf.put(held.entry().eventId(), held.entry().sequence());
    }

    /** Replaces a held event, to be put back as it was when the transaction rolls back. */
    private void replace(Held old, Held changed) {
        put(changed);
        undoOnRollback(() -> put(old));
    }

    /** Forgets the event, to be put back as it was when the transaction rolls back. */
    private void remove(UUID eventId) {
        Held removed = forget(eventId);
        if (removed != null) {
            undoOnRollback(() -> put(removed));
        }
    }

    private synchronized Held forget(UUID eventId) {
        Long number = sequenceOf.remove(eventId);
        return number == null ? null : bySequence.remove(number);
    }

    private void undoOnRollback(Runnable undo) {
        if (transactions.isActive()) {
            transactions.onRollback(undo);
        }
    }
}
