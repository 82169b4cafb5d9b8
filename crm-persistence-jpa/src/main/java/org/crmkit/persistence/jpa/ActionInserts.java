package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.crmkit.workflow.action.Action;
import org.hibernate.Session;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * Inserts new workflow actions into {@code crm_workflow_action} unless the tenant has an action with the same
 * deduplication key, in the database in one statement per action: {@code INSERT ... ON CONFLICT (tenant_id,
 * deduplication_key) DO NOTHING} on PostgreSQL, the standard {@code MERGE ... WHEN NOT MATCHED THEN INSERT} on H2 and
 * other databases. Two nodes planning the same action is expected, not an error: on PostgreSQL the later insert waits
 * for the earlier transaction and then leaves the row out, so the database neither refuses a statement nor logs one
 * (a refused insert is logged by the JPA provider with its values: names, e-mail addresses, message texts).
 * The statements go to the database in one JDBC batch on the transaction's connection.
 */
final class ActionInserts {

    private static final String COLUMNS = "tenant_id, id, version, workflow, deduplication_key, subject, status,"
            + " attempts, next_attempt_at, claimed_until, last_error, created_at, finished_at, payload_type, payload";
    private static final String POSTGRESQL = "insert into crm_workflow_action (" + COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))"
            + " on conflict (tenant_id, deduplication_key) do nothing";
    /** The key first (two parameters), then the columns; H2 reads JSON text given {@code FORMAT JSON}. */
    private static final String MERGE = "merge into crm_workflow_action a"
            + " using (values (cast(? as varchar(64)), cast(? as varchar(300)))) k(tenant_id, deduplication_key)"
            + " on a.tenant_id = k.tenant_id and a.deduplication_key = k.deduplication_key"
            + " when not matched then insert (" + COLUMNS + ")"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? format json)";

    /** The row of a new action: every column's value. */
    private final Function<Action, ActionRow> newRow;
    /** Chosen on first use, by the database of the entity manager factory. */
    private volatile String statement;

    ActionInserts(Function<Action, ActionRow> newRow) {
        this.newRow = newRow;
    }

    /**
     * Inserts each action whose key is free and returns the ones inserted, in order. Requires the transaction's
     * entity manager; a failure (other than a taken key) is translated as {@link Failures} does.
     */
    List<Action> insertIfAbsent(EntityManager entityManager, List<Action> actions, Object failureId) {
        String sql = statement(entityManager);
        boolean keyFirst = sql == MERGE;
        try {
            int[] counts = entityManager.unwrap(Session.class).doReturningWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    for (Action action : actions) {
                        bind(insert, newRow.apply(action), keyFirst);
                        insert.addBatch();
                    }
                    return insert.executeBatch();
                }
            });
            List<Action> inserted = new ArrayList<>();
            for (int i = 0; i < actions.size(); i++) {
                if (counts[i] > 0
                        || (counts[i] == Statement.SUCCESS_NO_INFO && stored(entityManager, actions.get(i)))) {
                    inserted.add(actions.get(i));
                }
            }
            return inserted;
        } catch (RuntimeException e) {
            // Hibernate hands a SQLException of the work on as its JDBCException, which Failures reads
            throw Failures.translate(e, "Action", failureId, 0);
        }
    }

    /**
     * Whether the action is stored under its own id: asked when the driver does not count the rows of each
     * statement of a batch (pgjdbc with {@code reWriteBatchedInserts}).
     */
    private static boolean stored(EntityManager entityManager, Action action) {
        return entityManager
                                .createNativeQuery(
                                        "select count(*) from crm_workflow_action where tenant_id = ?1 and id = ?2")
                                .setParameter(1, action.tenant().value())
                                .setParameter(2, action.id().value())
                                .getSingleResult()
                        instanceof Number count
                && count.longValue() > 0;
    }

    private static void bind(PreparedStatement insert, ActionRow row, boolean keyFirst) throws SQLException {
        int index = 1;
        if (keyFirst) {
            insert.setString(index++, row.tenantId);
            insert.setString(index++, row.deduplicationKey);
        }
        insert.setString(index++, row.tenantId);
        insert.setObject(index++, row.id);
        insert.setLong(index++, row.version);
        insert.setString(index++, row.workflow);
        insert.setString(index++, row.deduplicationKey);
        insert.setString(index++, row.subject);
        insert.setString(index++, row.status);
        insert.setInt(index++, row.attempts);
        setInstant(insert, index++, row.nextAttemptAt);
        setInstant(insert, index++, row.claimedUntil);
        insert.setString(index++, row.lastError);
        setInstant(insert, index++, row.createdAt);
        setInstant(insert, index++, row.finishedAt);
        insert.setString(index++, row.payloadType);
        insert.setString(index, row.payload);
    }

    /** As {@code timestamp with time zone}, the instant itself, independent of the JVM's time zone. */
    static void setInstant(PreparedStatement insert, int index, Instant instant) throws SQLException {
        if (instant == null) {
            insert.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            insert.setObject(index, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private String statement(EntityManager entityManager) {
        String chosen = statement;
        if (chosen == null) {
            chosen = JpaTransactions.dialect(entityManager) instanceof PostgreSQLDialect ? POSTGRESQL : MERGE;
            statement = chosen;
        }
        return chosen;
    }
}
