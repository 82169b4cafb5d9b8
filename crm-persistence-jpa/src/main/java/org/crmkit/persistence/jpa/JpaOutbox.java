package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.DeadLetter;
import org.crmkit.core.spi.Outbox;
import org.crmkit.core.spi.OutboxEntry;
import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * The outbox as the table {@code crm_outbox}, written in the transaction of the change. Events are stored as JSON
 * with their class name; the sequence comes from a database sequence, so entries of one aggregate (whose saves are
 * serialised by its version) are numbered in the order they happened. The numbers of all events appended together
 * are taken in one statement, so that appending many events costs one round trip and one JDBC batch of inserts.
 */
final class JpaOutbox implements Outbox {

    private static final String SEQUENCE = "crm_outbox_sequence";
    /**
     * The relay marks a batch of up to 200 events: two statements of 100 ids (a short last chunk repeats its last
     * id), sent as SQL, since Hibernate translates an HQL update afresh on every execution.
     */
    private static final int MARKED_PER_STATEMENT = 100;

    private static final String MARK_PUBLISHED = "update crm_outbox set published_at = ? where id in ("
            + String.join(", ", Collections.nCopies(MARKED_PER_STATEMENT, "?")) + ") and published_at is null";

    private static final String COLUMNS = "(sequence_number, id, tenant_id, aggregatetype, aggregateid, type,"
            + " event_class, payload, occurred_at, recorded_at, delivery_attempts)";
    private static final String INSERT_POSTGRESQL =
            "insert into crm_outbox " + COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, 0)";
    private static final String INSERT_H2 =
            "insert into crm_outbox " + COLUMNS + " values (?, ?, ?, ?, ?, ?, ?, ? format json, ?, ?, 0)";

    /**
     * The relay's read: the columns an entry needs rather than the rows as entities, which the unit of work would
     * keep and compare with a copy of each at its commit, for nothing, as the relay never changes them. Hibernate's
     * automatic flush stays on, so that events appended in the same transaction are among those read.
     */
    static final String PENDING = "select r.eventId, r.sequence, r.eventClass, r.payload, r.recordedAt"
            + " from OutboxRow r where r.publishedAt is null and r.deadLetteredAt is null order by r.sequence";

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

    /**
     * Inserts the rows in one JDBC batch right away rather than through the unit of work: the rows are never changed
     * by this transaction, so managing them as entities only cost their inserts' translation and a comparison of
     * each with a copy at every later flush of the transaction.
     */
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
            String insert =
                    JpaTransactions.dialect(entityManager) instanceof PostgreSQLDialect ? INSERT_POSTGRESQL : INSERT_H2;
            OffsetDateTime recordedAt = clock.instant().atOffset(ZoneOffset.UTC);
            // prepared through Hibernate's JDBC coordinator, so that they count among the session's statements
            SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
            JdbcCoordinator jdbc = session.getJdbcCoordinator();
            try {
                Iterator<Long> numbers =
                        numbers(entityManager, jdbc, events.size()).iterator();
                PreparedStatement row = jdbc.getStatementPreparer().prepareStatement(insert);
                try {
                    for (DomainEvent event : events) {
                        row.setLong(1, numbers.next());
                        row.setObject(2, ids.next());
                        row.setString(3, event.tenant().value());
                        row.setString(4, event.aggregateType());
                        row.setString(5, event.aggregateId().toString());
                        row.setString(6, event.eventType());
                        row.setString(7, event.getClass().getName());
                        row.setString(8, json.write(event));
                        row.setObject(9, event.occurredAt().atOffset(ZoneOffset.UTC));
                        row.setObject(10, recordedAt);
                        row.addBatch();
                    }
                    row.executeBatch();
                } finally {
                    JpaTransactions.release(jdbc, row);
                }
            } catch (SQLException e) {
                throw Failures.translate(session.getJdbcServices()
                        .getSqlExceptionHelper()
                        .convert(e, "could not append events", insert));
            }
            return null;
        });
    }

    /**
     * The next {@code count} numbers of {@code crm_outbox_sequence}, ascending, in one statement whatever the count
     * (the sequence's next value over {@code count} rows of a recursive query, in the database's own syntax). Plain
     * JDBC: it reads a sequence alone, so nothing the unit of work holds needs flushing first, and Hibernate's
     * handling of a native query's results cost several times the statement itself.
     */
    private List<Long> numbers(EntityManager entityManager, JdbcCoordinator jdbc, int count) throws SQLException {
        String statement = nextNumbers;
        if (statement == null) {
            Dialect dialect = JpaTransactions.dialect(entityManager);
            statement = "with recursive numbers(n) as (select 1 union all select n + 1 from numbers where n < ?)"
                    + " select " + dialect.getSequenceSupport().getSelectSequenceNextValString(SEQUENCE)
                    + " from numbers";
            nextNumbers = statement;
        }
        PreparedStatement read = jdbc.getStatementPreparer().prepareStatement(statement);
        try {
            read.setInt(1, count);
            List<Long> values = new ArrayList<>(count);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            Collections.sort(values);
            return values;
        } finally {
            JpaTransactions.release(jdbc, read);
        }
    }

    @Override
    public List<OutboxEntry> pending(int limit) {
        Require.positive(limit, "limit");
        return transactions.withEntityManager(entityManager ->
                entityManager.createQuery(PENDING, Object[].class).setMaxResults(limit).getResultList().stream()
                        .map(this::entry)
                        .toList());
    }

    private OutboxEntry entry(Object[] columns) {
        UUID eventId = (UUID) columns[0];
        return new OutboxEntry(
                eventId,
                (Long) columns[1],
                json.read((String) columns[3], eventClass(eventId, (String) columns[2]), "outbox event " + eventId),
                (Instant) columns[4]);
    }

    @Override
    public List<OutboxEntry> findMentioning(TenantId tenant, Collection<String> identifiers) {
        Require.notNull(tenant, "tenant");
        Require.noNulls(identifiers, "identifiers");
        return transactions.withEntityManager(entityManager -> {
            List<Long> numbers = TextSearch.keysMentioning(
                            entityManager, "crm_outbox", "sequence_number", List.of("payload"), tenant, identifiers)
                    .stream()
                    .map(number -> ((Number) number).longValue())
                    .toList();
            if (numbers.isEmpty()) {
                return List.of();
            }
            return entityManager
                    .createQuery(
                            "select r from OutboxRow r where r.sequence in :numbers order by r.sequence",
                            OutboxRow.class)
                    .setParameter("numbers", numbers)
                    .getResultList()
                    .stream()
                    .map(this::entry)
                    .toList();
        });
    }

    @Override
    public int delete(TenantId tenant, Collection<UUID> eventIds) {
        Require.notNull(tenant, "tenant");
        Require.noNulls(eventIds, "eventIds");
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("Outbox.delete");
        }
        if (eventIds.isEmpty()) {
            return 0;
        }
        return transactions.withEntityManager(entityManager -> entityManager
                .createQuery("delete from OutboxRow r where r.tenant = :tenant and r.eventId in :ids")
                .setParameter("tenant", tenant.value())
                .setParameter("ids", List.copyOf(eventIds))
                .executeUpdate());
    }

    @Override
    public void markPublished(List<UUID> eventIds) {
        Require.noNulls(eventIds, "eventIds");
        if (eventIds.isEmpty()) {
            return;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        List<UUID> distinct = eventIds.stream().distinct().toList();
        transactions.withEntityManager(entityManager -> {
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement mark = connection.prepareStatement(MARK_PUBLISHED)) {
                    for (int from = 0; from < distinct.size(); from += MARKED_PER_STATEMENT) {
                        mark.setObject(1, now);
                        for (int i = 0; i < MARKED_PER_STATEMENT; i++) {
                            mark.setObject(i + 2, distinct.get(Math.min(from + i, distinct.size() - 1)));
                        }
                        mark.executeUpdate();
                    }
                }
            });
            return null;
        });
    }

    @Override
    public boolean recordFailedDelivery(UUID eventId, String failure, int maxAttempts) {
        Require.notNull(eventId, "eventId");
        Require.maxLength(Require.notNull(failure, "failure"), DeadLetter.MAX_FAILURE_LENGTH, "failure");
        Require.positive(maxAttempts, "maxAttempts");
        return transactions.withEntityManager(entityManager -> {
            // one statement, so that two relays failing on the same event at once both count
            int counted = entityManager
                    .createQuery("update OutboxRow r set r.deliveryAttempts = r.deliveryAttempts + 1,"
                            + " r.lastFailure = :failure,"
                            + " r.deadLetteredAt = case when r.deliveryAttempts + 1 >= :maxAttempts then :now else r.deadLetteredAt end"
                            + " where r.eventId = :id and r.publishedAt is null and r.deadLetteredAt is null")
                    .setParameter("failure", failure)
                    .setParameter("maxAttempts", maxAttempts)
                    .setParameter("now", clock.instant())
                    .setParameter("id", eventId)
                    .executeUpdate();
            return counted == 1
                    && entityManager
                                    .createQuery(
                                            "select count(r) from OutboxRow r where r.eventId = :id and r.deadLetteredAt is not null",
                                            Long.class)
                                    .setParameter("id", eventId)
                                    .getSingleResult()
                            == 1;
        });
    }

    @Override
    public Page<DeadLetter> deadLetters(TenantId tenant, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(page, "page");
        String deadLettersOfTenant = " from OutboxRow r where r.tenant = :tenant and r.deadLetteredAt is not null"
                + " and r.discardedAt is null";
        return transactions.withEntityManager(entityManager -> {
            List<DeadLetter> items = entityManager
                    .createQuery("select r" + deadLettersOfTenant + " order by r.sequence", OutboxRow.class)
                    .setParameter("tenant", tenant.value())
                    .setFirstResult((int) page.offset())
                    .setMaxResults(page.size())
                    .getResultList()
                    .stream()
                    .map(row -> new DeadLetter(entry(row), row.deliveryAttempts, row.lastFailure, row.deadLetteredAt))
                    .toList();
            long total = page.offset() == 0 && items.size() < page.size()
                    ? items.size()
                    : entityManager
                            .createQuery("select count(r)" + deadLettersOfTenant, Long.class)
                            .setParameter("tenant", tenant.value())
                            .getSingleResult();
            return new Page<>(items, page, total);
        });
    }

    @Override
    public boolean retryDeadLetter(TenantId tenant, UUID eventId) {
        return changeDeadLetter(
                tenant,
                eventId,
                "r.deliveryAttempts = 0, r.lastFailure = null, r.deadLetteredAt = null",
                update -> update);
    }

    @Override
    public boolean discardDeadLetter(TenantId tenant, UUID eventId) {
        return changeDeadLetter(
                tenant, eventId, "r.discardedAt = :now", update -> update.setParameter("now", clock.instant()));
    }

    /** Sets the columns of the tenant's dead letter (their values bound by {@code values}); whether there was one. */
    private boolean changeDeadLetter(TenantId tenant, UUID eventId, String assignments, UnaryOperator<Query> values) {
        Require.notNull(tenant, "tenant");
        Require.notNull(eventId, "eventId");
        return transactions.withEntityManager(entityManager -> {
            Query update = entityManager
                    .createQuery(
                            "update OutboxRow r set " + assignments
                                    + " where r.eventId = :id and r.tenant = :tenant and r.deadLetteredAt is not null and r.discardedAt is null")
                    .setParameter("id", eventId)
                    .setParameter("tenant", tenant.value());
            return values.apply(update).executeUpdate() == 1;
        });
    }

    private OutboxEntry entry(OutboxRow row) {
        return new OutboxEntry(
                row.eventId,
                row.sequence,
                json.read(row.payload, eventClass(row.eventId, row.eventClass), "outbox event " + row.eventId),
                row.recordedAt);
    }

    private static Class<? extends DomainEvent> eventClass(UUID eventId, String eventClass) {
        try {
            Class<?> type = Class.forName(eventClass, false, eventClassLoader());
            if (!DomainEvent.class.isAssignableFrom(type)) {
                throw new StorageException(
                        "outbox event " + eventId + " names " + eventClass + ", which is no DomainEvent", null);
            }
            return type.asSubclass(DomainEvent.class);
        } catch (ClassNotFoundException e) {
            throw new StorageException(
                    "outbox event " + eventId + " is of class " + eventClass + ", which this application does not have",
                    e);
        }
    }

    private static ClassLoader eventClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : JpaOutbox.class.getClassLoader();
    }
}
