package org.crmkit.persistence.jpa;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TransactionConflictException;
import org.hibernate.StaleObjectStateException;

/**
 * Turns what JPA and JDBC throw into crmkit's exceptions: a version conflict into {@link StaleVersionException},
 * a unique-key violation into {@link DuplicateRecordException}, a deadlock or serialization failure into
 * {@link TransactionConflictException} (which workflows run again in a fresh transaction), a lost connection or any
 * other database failure into a {@link StorageException} that says what happened. Exceptions that are not the database's (a
 * {@code CrmException}, or whatever the host's work threw) pass unchanged.
 */
final class Failures {

    /** SQLSTATE of a unique violation, the same on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE of a serialization failure (H2 reports its deadlocks with it too). */
    private static final String SERIALIZATION_FAILURE = "40001";
    /** PostgreSQL's SQLSTATE of a deadlock it broke by ending one of the transactions. */
    private static final String DEADLOCK_DETECTED = "40P01";

    private Failures() {}

    static RuntimeException translate(RuntimeException failure) {
        if (!(failure instanceof PersistenceException)) {
            return failure;
        }
        return translate(failure, "Record", "(unknown id)", -1);
    }

    /** Translates a failure of saving the given record, so that the exception names it. */
    static RuntimeException translate(RuntimeException failure, String recordType, Object id, long expectedVersion) {
        if (!(failure instanceof PersistenceException)) {
            return failure;
        }
        String state = sqlState(failure);
        // before the version check: Hibernate reports PostgreSQL's deadlock on a row lock as an optimistic lock failure
        if (DEADLOCK_DETECTED.equals(state) || SERIALIZATION_FAILURE.equals(state)) {
            return new TransactionConflictException(
                    "the database ended the transaction because it conflicted with a "
                            + "concurrent one ("
                            + (DEADLOCK_DETECTED.equals(state) ? "deadlock" : "serialization failure")
                            + "): " + rootMessage(failure) + "; nothing of it was stored, and the work can be retried",
                    failure);
        }
        if (causedBy(failure, OptimisticLockException.class)) {
            return new StaleVersionException(recordType, id, expectedVersion, -1);
        }
        if (connectionLost(failure)) {
            return new StorageException(
                    "the connection to the database was lost; the transaction was rolled back, "
                            + "nothing of it was stored, and the work can be retried",
                    failure);
        }
        if (UNIQUE_VIOLATION.equals(state)) {
            return withCause(new DuplicateRecordException(recordType, id), failure);
        }
        return new StorageException("the database refused the work: " + rootMessage(failure), failure);
    }

    /**
     * Translates a failure of flushing the rows of {@code states} (saved through one table of {@code rowType}). A
     * version conflict names the record the database refused, with the version the record has now: read on a
     * connection of its own, as the failed transaction may take no more statements (PostgreSQL), so the pool must
     * hold a second connection; when even that read fails, the conflict says the stored version is unknown. A record
     * deleted meanwhile is reported as not found.
     */
    static RuntimeException translateSave(
            RuntimeException failure,
            String recordType,
            Class<? extends AggregateRow> rowType,
            List<? extends AggregateState<?>> states,
            JpaTransactions transactions) {
        Map<RowKey, AggregateState<?>> byKey = new HashMap<>();
        states.forEach(
                state -> byKey.put(new RowKey(state.tenant().value(), state.id().value()), state));
        AggregateState<?> only = states.size() == 1 ? states.get(0) : null;
        RuntimeException translated = translate(
                failure,
                recordType,
                only != null ? only.id() : "(one of the " + states.size() + " saved together)",
                only != null ? only.version() : -1);
        if (!(translated instanceof StaleVersionException)) {
            return translated;
        }
        Optional<AggregateState<?>> refused =
                refusedRow(failure).map(byKey::get).or(() -> Optional.ofNullable(only));
        if (refused.isEmpty()) {
            return translated;
        }
        AggregateState<?> state = refused.get();
        OptionalLong stored;
        try {
            stored = transactions.committedVersion(
                    rowType, new RowKey(state.tenant().value(), state.id().value()));
        } catch (RuntimeException unreadable) {
            translated.addSuppressed(unreadable);
            return translated;
        }
        RuntimeException precise = stored.isPresent()
                ? new StaleVersionException(recordType, state.id(), state.version(), stored.getAsLong())
                : new RecordNotFoundException(recordType, state.id());
        return withCause(precise, failure);
    }

    /** The key of the row whose update or delete Hibernate found stale, when it says which. */
    private static Optional<RowKey> refusedRow(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleObjectStateException stale && stale.getIdentifier() instanceof RowKey key) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static boolean connectionLost(Throwable failure) {
        String state = sqlState(failure);
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return true; // connection exception; PostgreSQL's 57P01..03: the server ended the session
        }
        return causedBy(failure, SQLTransientConnectionException.class);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static <E extends RuntimeException> E withCause(E exception, Throwable cause) {
        exception.initCause(cause);
        return exception;
    }
}
