package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.Outbox;
import org.crmkit.core.spi.OutboxEntry;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The outbox as the table {@code crm_outbox}, written in the transaction of the change. Events are stored as JSON
 * with their class name; the sequence comes from a database sequence, so entries of one aggregate (whose saves are
 * serialised by its version) are numbered in the order they happened. The numbers of all events appended together
 * are taken in one statement, so that appending many events costs one round trip and one JDBC batch of inserts.
 */
final class JpaOutbox implements Outbox {

    private static final String SEQUENCE = "crm_outbox_sequence";

    private final JpaTransactions transactions;
    private final StateJson json;
    private final IdGenerator ids;
    private final Clock clock;
    /** The statement that takes several sequence numbers at once, built from the dialect on first use. */
    private volatile String nextNumbers;

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
            throw new TransactionRequiredException("Outbox.append");
        }
        if (events.isEmpty()) {
            return;
        }
        transactions.withEntityManager(entityManager -> {
            Iterator<Long> numbers = numbers(entityManager, events.size()).iterator();
            for (DomainEvent event : events) {
                OutboxRow row = new OutboxRow();
                row.sequence = numbers.next();
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

    /**
     * The next {@code count} numbers of {@code crm_outbox_sequence}, ascending, in one statement whatever the count
     * (the sequence's next value over {@code count} rows of a recursive query, in the database's own syntax).
     */
    private List<Long> numbers(EntityManager entityManager, int count) {
        String statement = nextNumbers;
        if (statement == null) {
            Dialect dialect = entityManager.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect();
            statement = "with recursive numbers(n) as (select 1 union all select n + 1 from numbers where n < ?1)"
                    + " select " + dialect.getSequenceSupport().getSelectSequenceNextValString(SEQUENCE)
                    + " from numbers";
            nextNumbers = statement;
        }
        List<?> values = entityManager.createNativeQuery(statement).setParameter(1, count).getResultList();
        return values.stream().map(value -> ((Number) value).longValue()).sorted().toList();
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
