package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
     * Updates the actions as {@code ActionStore.updateAll} says: one JDBC batch, in key order (so that two
     * transactions updating some of the same rows lock them in the same order), each update on the version given.
     * An action whose update found no such row (deleted, changed in between, or its payload replaced) goes to
     * {@code single}, which throws the precise failure or writes it; returns the stored copies in the given order.
     */
    List<Action> updateAll(EntityManager entityManager, List<Action> actions, UnaryOperator<Action> single) {
        detachLoaded(entityManager, actions);
        List<Action> inKeyOrder = actions.stream().sorted(ActionRows.KEY_ORDER).toList();
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
        List<Action> missed = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
                missed.add(inKeyOrder.get(i));
            }
        }
        List<Action> written = new ArrayList<>(missed.size());
        for (Action action : missed) {
            written.add(single.apply(action));
        }
        List<Action> stored = new ArrayList<>(actions.size());
        for (Action action : actions) {
            int index = missed.indexOf(action);
            stored.add(index < 0 ? ActionRows.stored(action, action.version() + 1) : written.get(index));
        }
        return stored;
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
