package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.action.Action;
import org.hibernate.Session;
import org.hibernate.engine.spi.PersistenceContext;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The dispatcher's writes of many actions at once, in plain SQL on the transaction's connection, without loading
 * rows into the persistence context (where Hibernate would copy each row, parse its payload and check it for
 * changes at the flush): the claim of a batch (on PostgreSQL one {@code UPDATE ... RETURNING} over the rows chosen
 * {@code FOR UPDATE SKIP LOCKED}, each action's payload read once) and the update of a batch (one JDBC batch of
 * updates, each on the version the caller read). Rows of the same actions that the transaction had loaded as
 * entities are detached first, so that a later read in it does not see their former state.
 */
final class ActionBatchWrites {

    private static final String CLAIM = "update crm_workflow_action a set claimed_until = ?, version = a.version + 1"
            + " from (select c.tenant_id, c.id from crm_workflow_action c"
            + " where c.tenant_id = ? and c.status = 'PENDING' and c.next_attempt_at <= ?"
            + " and (c.claimed_until is null or c.claimed_until <= ?)"
            + " order by c.next_attempt_at, c.id limit ? for update skip locked) due"
            + " where a.tenant_id = due.tenant_id and a.id = due.id returning a.*";

    /**
     * The payload type is a condition too: only an erasure replaces a payload, and such an update goes the way of a
     * single update, which rewrites the payload.
     */
    private static final String UPDATE = "update crm_workflow_action set version = ?, status = ?, attempts = ?,"
            + " next_attempt_at = ?, claimed_until = ?, last_error = ?, finished_at = ?"
            + " where tenant_id = ? and id = ? and version = ? and payload_type = ?";

    /**
     * PostgreSQL's way: one statement for the tenant's actions, their new values given as arrays (times as ISO-8601
     * text); it returns the ids it updated.
     */
    private static final String UPDATE_ON_POSTGRES = "update crm_workflow_action a set version = a.version + 1,"
            + " status = v.status, attempts = v.attempts, next_attempt_at = cast(v.next_attempt_at as timestamptz),"
            + " claimed_until = cast(v.claimed_until as timestamptz), last_error = v.last_error,"
            + " finished_at = cast(v.finished_at as timestamptz)"
            + " from unnest(cast(? as uuid[]), cast(? as bigint[]), cast(? as varchar[]), cast(? as int[]),"
            + " cast(? as text[]), cast(? as text[]), cast(? as varchar[]), cast(? as text[]), cast(? as varchar[]))"
            + " as v(id, version, status, attempts, next_attempt_at, claimed_until, last_error, finished_at,"
            + " payload_type)"
            + " where a.tenant_id = ? and a.id = v.id and a.version = v.version and a.payload_type = v.payload_type"
            + " returning a.id";

    private final ActionRows rows;

    ActionBatchWrites(ActionRows rows) {
        this.rows = rows;
    }

    /** Claims due actions as {@code ActionStore.claim} says, in one statement (PostgreSQL only). */
    List<Action> claimOnPostgres(
            EntityManager entityManager, TenantId tenant, Instant now, int limit, Instant leaseUntil) {
        List<Action> claimed = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                ActionInserts.setInstant(claim, 1, leaseUntil);
                claim.setString(2, tenant.value());
                ActionInserts.setInstant(claim, 3, now);
                ActionInserts.setInstant(claim, 4, now);
                claim.setInt(5, limit);
                List<Action> found = new ArrayList<>(limit);
                try (ResultSet result = claim.executeQuery()) {
                    while (result.next()) {
                        found.add(rows.action(result));
                    }
                }
                return found;
            }
        });
        detachLoaded(entityManager, claimed);
        // RETURNING gives the rows in no particular order
        claimed.sort((a, b) -> a.nextAttemptAt().equals(b.nextAttemptAt())
                ? ActionRows.KEY_ORDER.compare(a, b)
                : a.nextAttemptAt().compareTo(b.nextAttemptAt()));
        return claimed;
    }

    /**
     * Updates the actions as {@code ActionStore.updateAll} says, each on the version given: on PostgreSQL one
     * statement per tenant, elsewhere one JDBC batch in key order (so that two transactions updating some of the same
     * rows lock them in the same order). An action whose update found no such row (deleted, changed in between, or
     * its payload replaced) goes to {@code single}, which throws the precise failure or writes it; returns the
     * stored copies in the given order.
     */
    List<Action> updateAll(
            EntityManager entityManager, List<Action> actions, boolean postgres, UnaryOperator<Action> single) {
        detachLoaded(entityManager, actions);
        List<Action> inKeyOrder = actions.stream().sorted(ActionRows.KEY_ORDER).toList();
        Set<Action> missed = postgres ? missedOnPostgres(entityManager, inKeyOrder) : missed(entityManager, inKeyOrder);
        Map<Action, Action> written = new HashMap<>();
        for (Action action : inKeyOrder) {
            if (missed.contains(action)) {
                written.put(action, single.apply(action));
            }
        }
        return actions.stream()
                .map(action -> written.getOrDefault(action, ActionRows.stored(action, action.version() + 1)))
                .toList();
    }

    /** Updates the actions in one JDBC batch; returns those whose update found no row to change. */
    private static Set<Action> missed(EntityManager entityManager, List<Action> inKeyOrder) {
        int[] counts = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
                for (Action action : inKeyOrder) {
                    update.setLong(1, action.version() + 1);
                    update.setString(2, action.status().name());
                    update.setInt(3, action.attempts());
                    ActionInserts.setInstant(update, 4, action.nextAttemptAt());
                    ActionInserts.setInstant(update, 5, action.claimedUntil());
                    update.setString(6, ActionRows.lastError(action));
                    ActionInserts.setInstant(update, 7, action.finishedAt());
                    update.setString(8, action.tenant().value());
                    update.setObject(9, action.id().value());
                    update.setLong(10, action.version());
                    update.setString(11, action.payload().getClass().getName());
                    update.addBatch();
                }
                return update.executeBatch();
            }
        });
        Set<Action> missed = new HashSet<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                missed.add(inKeyOrder.get(i));
            }
        }
        return missed;
    }

    /** Updates each tenant's actions in one statement; returns those whose update found no row to change. */
    private static Set<Action> missedOnPostgres(EntityManager entityManager, List<Action> inKeyOrder) {
        Map<TenantId, List<Action>> byTenant = new LinkedHashMap<>();
        inKeyOrder.forEach(action -> byTenant.computeIfAbsent(action.tenant(), t -> new ArrayList<>())
                .add(action));
        Set<Action> missed = new HashSet<>();
        byTenant.forEach((tenant, ofTenant) -> {
            Set<UUID> updated = entityManager.unwrap(Session.class).doReturningWork(connection -> {
                try (PreparedStatement update = connection.prepareStatement(UPDATE_ON_POSTGRES)) {
                    update.setArray(
                            1,
                            array(
                                    connection,
                                    "uuid",
                                    ofTenant,
                                    action -> action.id().value()));
                    update.setArray(2, array(connection, "int8", ofTenant, Action::version));
                    update.setArray(
                            3,
                            array(
                                    connection,
                                    "varchar",
                                    ofTenant,
                                    action -> action.status().name()));
                    update.setArray(4, array(connection, "int4", ofTenant, Action::attempts));
                    update.setArray(5, array(connection, "text", ofTenant, action -> text(action.nextAttemptAt())));
                    update.setArray(6, array(connection, "text", ofTenant, action -> text(action.claimedUntil())));
                    update.setArray(7, array(connection, "varchar", ofTenant, ActionRows::lastError));
                    update.setArray(8, array(connection, "text", ofTenant, action -> text(action.finishedAt())));
                    update.setArray(
                            9,
                            array(
                                    connection,
                                    "varchar",
                                    ofTenant,
                                    action -> action.payload().getClass().getName()));
                    update.setString(10, tenant.value());
                    Set<UUID> ids = new HashSet<>();
                    try (ResultSet result = update.executeQuery()) {
                        while (result.next()) {
                            ids.add(result.getObject(1, UUID.class));
                        }
                    }
                    return ids;
                }
            });
            ofTenant.stream()
                    .filter(action -> !updated.contains(action.id().value()))
                    .forEach(missed::add);
        });
        return missed;
    }

    private static Array array(Connection connection, String type, List<Action> actions, Function<Action, ?> value)
            throws SQLException {
        return connection.createArrayOf(type, actions.stream().map(value).toArray());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Detaches the entities of these actions' rows that the transaction has loaded. */
    private static void detachLoaded(EntityManager entityManager, Collection<Action> actions) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        PersistenceContext loaded = session.getPersistenceContextInternal();
        if (loaded.getNumberOfManagedEntities() == 0) {
            return;
        }
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(ActionRow.class);
        for (Action action : actions) {
            Object row = loaded.getEntity(session.generateEntityKey(
                    new RowKey(action.tenant().value(), action.id().value()), persister));
            if (row != null) {
                entityManager.detach(row);
            }
        }
    }
}
