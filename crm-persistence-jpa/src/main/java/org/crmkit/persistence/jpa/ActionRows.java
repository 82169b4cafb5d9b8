package org.crmkit.persistence.jpa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.ActionPayload;
import org.crmkit.workflow.action.ActionStatus;

/**
 * Workflow actions as rows of {@code crm_workflow_action} and back: the payload as JSON with its class in
 * {@code payload_type} (payloads are open to every workflow, so they carry their type).
 */
final class ActionRows {

    /** The stored length of {@code last_error}; longer messages keep their beginning. */
    private static final int ERROR_LENGTH = 2000;

    /**
     * PostgreSQL's order of the primary key, tenant then id: a uuid compares as unsigned bytes, which
     * {@link UUID#compareTo} does not (it compares signed halves). Rows written in this order are locked in the order
     * the database's own reads by key lock them.
     */
    static final Comparator<Action> KEY_ORDER = Comparator.comparing(
                    (Action action) -> action.tenant().value())
            .thenComparing(action -> action.id().value().getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(action -> action.id().value().getLeastSignificantBits(), Long::compareUnsigned);

    private final StateJson json;

    ActionRows(StateJson json) {
        this.json = json;
    }

    /** The row of a new action, version 1. */
    ActionRow newRow(Action action) {
        ActionRow row = new ActionRow();
        row.tenantId = action.tenant().value();
        row.id = action.id().value();
        row.version = 1;
        row.workflow = action.workflow();
        row.deduplicationKey = action.deduplicationKey();
        row.subject = action.subject();
        row.createdAt = action.createdAt();
        row.payloadType = action.payload().getClass().getName();
        row.payload = json.write(action.payload());
        fill(row, action);
        return row;
    }

    /** The JSON of a payload, as stored. */
    String payload(ActionPayload payload) {
        return json.write(payload);
    }

    /** Writes the fields an action changes over its life. */
    static void fill(ActionRow row, Action action) {
        row.status = action.status().name();
        row.attempts = action.attempts();
        row.nextAttemptAt = action.nextAttemptAt();
        row.claimedUntil = action.claimedUntil();
        row.lastError = lastError(action);
        row.finishedAt = action.finishedAt();
    }

    /** The last error as stored: its beginning when it is longer than the column. */
    static String lastError(Action action) {
        return action.lastError() == null || action.lastError().length() <= ERROR_LENGTH
                ? action.lastError()
                : action.lastError().substring(0, ERROR_LENGTH);
    }

    /** The action as a row written from it with {@code version} reads back. */
    static Action stored(Action action, long version) {
        String lastError = lastError(action);
        if (lastError == null || lastError.equals(action.lastError())) {
            return action.withVersion(version);
        }
        return new Action(
                action.id(),
                action.tenant(),
                action.workflow(),
                action.deduplicationKey(),
                action.subject(),
                action.payload(),
                action.status(),
                action.attempts(),
                action.nextAttemptAt(),
                action.claimedUntil(),
                lastError,
                action.createdAt(),
                action.finishedAt(),
                version);
    }

    Action action(ActionRow row) {
        return new Action(
                ActionId.of(row.id),
                TenantId.of(row.tenantId),
                row.workflow,
                row.deduplicationKey,
                row.subject,
                payload(row.payload, row.payloadType, row.id),
                ActionStatus.valueOf(row.status),
                row.attempts,
                row.nextAttemptAt,
                row.claimedUntil,
                row.lastError,
                row.createdAt,
                row.finishedAt,
                row.version);
    }

    /** The action of the result's current row, which has every column of the table. */
    Action action(ResultSet row) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new Action(
                ActionId.of(id),
                TenantId.of(row.getString("tenant_id")),
                row.getString("workflow"),
                row.getString("deduplication_key"),
                row.getString("subject"),
                payload(row.getString("payload"), row.getString("payload_type"), id),
                ActionStatus.valueOf(row.getString("status")),
                row.getInt("attempts"),
                instant(row, "next_attempt_at"),
                instant(row, "claimed_until"),
                row.getString("last_error"),
                instant(row, "created_at"),
                instant(row, "finished_at"),
                row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private ActionPayload payload(String payload, String type, UUID id) {
        return json.read(payload, payloadType(type), "payload of action " + id);
    }

    private static Class<? extends ActionPayload> payloadType(String name) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        for (ClassLoader loader : new ClassLoader[] {context, ActionRows.class.getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(name, false, loader).asSubclass(ActionPayload.class);
            } catch (ClassNotFoundException | ClassCastException e) {
                // try the next loader; the error below names the class
            }
        }
        throw new StorageException(
                "cannot read a stored action: its payload type " + name + " is not an ActionPayload on the class path",
                null);
    }
}
