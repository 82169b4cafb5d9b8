package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
            return entityManager.unwrap(Session.class).doReturningWork(connection -> {
                int[] counts;
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    for (Action action : actions) {
                        bind(insert, newRow.apply(action), keyFirst);
                        insert.addBatch();
                    }
                    counts = insert.executeBatch();
                }
                List<Action> unknown = new ArrayList<>();
                for (int i = 0; i < actions.size(); i++) {
                    if (counts[i] == Statement.SUCCESS_NO_INFO) {
                        unknown.add(actions.get(i));
                    }
                }
                Set<UUID> stored = unknown.isEmpty() ? Set.of() : storedAmong(connection, unknown);
                List<Action> inserted = new ArrayList<>();
                for (int i = 0; i < actions.size(); i++) {
                    if (counts[i] > 0 || stored.contains(actions.get(i).id().value())) {
                        inserted.add(actions.get(i));
                    }
                }
                return inserted;
            });
        } catch (RuntimeException e) {
            // Hibernate hands a SQLException of the work on as its JDBCException, which Failures reads
            throw Failures.translate(e, "Action", failureId, 0);
        }
    }

    /**
     * Which of the actions are stored under their own ids, asked when the driver does not count the rows of each
     * statement of a batch (pgjdbc with {@code reWriteBatchedInserts}): one statement per 100 actions of a tenant, on
     * the transaction's connection, so that Hibernate neither counts it nor flushes the persistence context first
     * (which it did for every action when this was a native query: a dunning chunk's thousands of loaded rows
     * checked for changes once per notice planned).
     */
    private static Set<UUID> storedAmong(Connection connection, List<Action> actions) throws SQLException {
        Set<UUID> stored = new HashSet<>();
        Map<String, List<UUID>> byTenant = new LinkedHashMap<>();
        actions.forEach(action -> byTenant.computeIfAbsent(action.tenant().value(), t -> new ArrayList<>())
                .add(action.id().value()));
        for (Map.Entry<String, List<UUID>> tenant : byTenant.entrySet()) {
            List<UUID> ids = tenant.getValue();
            for (int from = 0; from < ids.size(); from += 100) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
                String sql = "select id from crm_workflow_action where tenant_id = ? and id in ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
                try (PreparedStatement read = connection.prepareStatement(sql)) {
                    read.setString(1, tenant.getKey());
                    for (int i = 0; i < chunk.size(); i++) {
                        read.setObject(i + 2, chunk.get(i));
                    }
                    try (ResultSet found = read.executeQuery()) {
                        while (found.next()) {
                            stored.add(found.getObject(1, UUID.class));
                        }
                    }
                }
            }
        }
        return stored;
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
