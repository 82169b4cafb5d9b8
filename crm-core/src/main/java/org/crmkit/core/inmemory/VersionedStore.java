package org.crmkit.core.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.ChangeKind;

/**
 * Thread-safe store of one aggregate's states, keyed by tenant and id, with optimistic locking and secondary
 * indexes that follow every change (including rollbacks). Repositories build their queries on it.
 */
final class VersionedStore<S extends AggregateState<S>> {

    record Key(TenantId tenant, UUID id) {}

    private final String recordType;
    private final InMemoryTransactions transactions;
    private final ConcurrentHashMap<Key, S> rows;
    private final List<StoreIndex<S>> indexes;
    private final Predicate<? super S> visible;
    /** Whether saves and deletes go into the change feed (not for bookkeeping records such as merge records). */
    private final boolean inChangeFeed;

    VersionedStore(String recordType, InMemoryTransactions transactions) {
        this(recordType, transactions, new ConcurrentHashMap<>(), new ArrayList<>(), state -> true, true);
    }

    /** A store whose records stay out of the change feed. */
    static <S extends AggregateState<S>> VersionedStore<S> outsideChangeFeed(
            String recordType, InMemoryTransactions transactions) {
        Predicate<S> everyState = state -> true;
        return new VersionedStore<S>(
                recordType, transactions, new ConcurrentHashMap<>(), new ArrayList<>(), everyState, false);
    }

    private VersionedStore(
            String recordType,
            InMemoryTransactions transactions,
            ConcurrentHashMap<Key, S> rows,
            List<StoreIndex<S>> indexes,
            Predicate<? super S> visible,
            boolean inChangeFeed) {
        this.recordType = recordType;
        this.transactions = transactions;
        this.rows = rows;
        this.indexes = indexes;
        this.visible = visible;
        this.inChangeFeed = inChangeFeed;
    }

    /**
     * The same rows and indexes, read through a filter: {@link #find}, {@link #query} and {@link #findAll} answer
     * only the states {@code visible} accepts (a user's visibility), before any paging; writes are the same.
     */
    VersionedStore<S> restrictedTo(Predicate<? super S> visible) {
        return new VersionedStore<>(recordType, transactions, rows, indexes, visible, inChangeFeed);
    }

    /** Whether the filter of this store lets the state through. */
    boolean isVisible(S state) {
        return visible.test(state);
    }

    /** Adds an index; call before the first write. */
    <I extends StoreIndex<S>> I index(I index) {
        indexes.add(index);
        return index;
    }

    Optional<S> find(TenantId tenant, EntityId id) {
        return transactions.read(
                () -> Optional.ofNullable(rows.get(new Key(tenant, id.value()))).filter(visible::test));
    }

    /**
     * Stores the state if its version equals the stored one (0 for a record that does not exist yet) and returns
     * it with the next version. Joins the caller's transaction or runs in one of its own.
     */
    S save(S state) {
        return transactions.inTransaction(() -> {
            Key key = new Key(state.tenant(), state.id().value());
            S stored = rows.get(key);
            long storedVersion = stored == null ? 0 : stored.version();
            if (state.version() != storedVersion) {
                if (stored == null) {
                    throw new RecordNotFoundException(recordType, state.id());
                }
                throw new StaleVersionException(recordType, state.id(), state.version(), storedVersion);
            }
            S saved = state.withVersion(storedVersion + 1);
            for (StoreIndex<S> index : indexes) {
                index.check(key.tenant(), key.id(), saved);
            }
            put(key, stored, saved);
            transactions.onRollback(() -> put(key, saved, stored));
            if (inChangeFeed) {
                transactions.recordChange(
                        key.tenant(), recordType, key.id(), saved.version(), ChangeKind.SAVED, saved, stored);
            }
            return saved;
        });
    }

    /** Inserts a brand-new state with version 1; refuses an id that exists. For bulk loads and imports. */
    S insert(S state) {
        return transactions.inTransaction(() -> {
            Key key = new Key(state.tenant(), state.id().value());
            if (rows.containsKey(key)) {
                throw new DuplicateRecordException(recordType, state.id());
            }
            return save(state);
        });
    }

    /** Deletes the record if the given version is the stored one; false when it does not exist. */
    boolean delete(TenantId tenant, EntityId id, long expectedVersion) {
        return transactions.inTransaction(() -> {
            Key key = new Key(tenant, id.value());
            S stored = rows.get(key);
            if (stored == null) {
                return false;
            }
            if (stored.version() != expectedVersion) {
                throw new StaleVersionException(recordType, id, expectedVersion, stored.version());
            }
            put(key, stored, null);
            transactions.onRollback(() -> put(key, null, stored));
            if (inChangeFeed) {
                transactions.recordChange(
                        tenant, recordType, key.id(), stored.version(), ChangeKind.DELETED, null, stored);
            }
            return true;
        });
    }

    /** All states of the tenant that match, in the given order. */
    List<S> query(TenantId tenant, Predicate<? super S> filter, Comparator<? super S> order) {
        return transactions.read(() -> {
            List<S> result = new ArrayList<>();
            for (S state : rows.values()) {
                if (state.tenant().equals(tenant) && filter.test(state) && visible.test(state)) {
                    result.add(state);
                }
            }
            result.sort(order);
            return result;
        });
    }

    /** The states with the given ids, skipping ids that do not exist. */
    List<S> findAll(TenantId tenant, Iterable<UUID> ids) {
        return transactions.read(() -> {
            List<S> result = new ArrayList<>();
            for (UUID id : ids) {
                S state = rows.get(new Key(tenant, id));
                if (state != null && visible.test(state)) {
                    result.add(state);
                }
            }
            return result;
        });
    }

    long count(TenantId tenant) {
        return transactions.read(() -> rows.keySet().stream()
                .filter(key -> key.tenant().equals(tenant))
                .count());
    }

    private void put(Key key, S old, S replacement) {
        if (replacement == null) {
            rows.remove(key);
        } else {
            rows.put(key, replacement);
        }
        for (StoreIndex<S> index : indexes) {
            index.replace(key.tenant(), key.id(), old, replacement);
        }
    }
}
