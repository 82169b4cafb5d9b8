package org.crmkit.persistence.jpa;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.spi.Outbox;
import org.crmkit.core.spi.OutboxEntry;

/**
 * The outbox as the table {@code crm_outbox}, written in the transaction of the change. Events are stored as JSON
 * with their class name; the sequence comes from a database sequence, so entries of one aggregate (whose saves are
 * serialised by its version) are numbered in the order they happened.
 */
final class JpaOutbox implements Outbox {

    private final JpaTransactions transactions;
    private final StateJson json;
    private final IdGenerator ids;
    private final Clock clock;

    JpaOutbox(JpaTransactions transactions, StateJson json, IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.json = json;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void append(List<DomainEvent> events) {
        Require.noNulls(events, "events");
        if (!transactions.isActive()) {
            throw new IllegalStateException("Outbox.append requires an active transaction");
        }
        transactions.withEntityManager(entityManager -> {
            for (DomainEvent event : events) {
                OutboxRow row = new OutboxRow();
                row.eventId = ids.next();
                row.tenant = event.tenant().value();
                row.aggregateType = event.aggregateType();
                row.aggregateId = event.aggregateId().toString();
                row.type = event.eventType();
                row.eventClass = event.getClass().getName();
                row.payload = json.write(event);
                row.occurredAt = event.occurredAt();
                row.recordedAt = clock.instant();
                entityManager.persist(row);
            }
            return null;
        });
    }

    @Override
    public List<OutboxEntry> pending(int limit) {
        Require.positive(limit, "limit");
        return transactions.withEntityManager(entityManager -> entityManager
                .createQuery("select r from OutboxRow r where r.publishedAt is null order by r.sequence", OutboxRow.class)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(this::entry)
                .toList());
    }

    @Override
    public void markPublished(List<UUID> eventIds) {
        Require.noNulls(eventIds, "eventIds");
        if (eventIds.isEmpty()) {
            return;
        }
        transactions.withEntityManager(entityManager -> entityManager
                .createQuery("update OutboxRow r set r.publishedAt = :now where r.eventId in :ids and r.publishedAt is null")
                .setParameter("now", clock.instant())
                .setParameter("ids", eventIds)
                .executeUpdate());
    }

    private OutboxEntry entry(OutboxRow row) {
        return new OutboxEntry(row.eventId, row.sequence, json.read(row.payload, eventClass(row), "outbox event " + row.eventId), row.recordedAt);
    }

    private static Class<? extends DomainEvent> eventClass(OutboxRow row) {
        try {
            Class<?> type = Class.forName(row.eventClass, false, eventClassLoader());
            if (!DomainEvent.class.isAssignableFrom(type)) {
                throw new StorageException("outbox event " + row.eventId + " names " + row.eventClass + ", which is no DomainEvent", null);
            }
            return type.asSubclass(DomainEvent.class);
        } catch (ClassNotFoundException e) {
            throw new StorageException("outbox event " + row.eventId + " is of class " + row.eventClass
                    + ", which this application does not have", e);
        }
    }

    private static ClassLoader eventClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : JpaOutbox.class.getClassLoader();
    }
}
