package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.ChangeKind;
import org.crmkit.core.spi.ChangeScope;
import org.hibernate.Session;

/**
 * The storage of one aggregate, whatever the aggregate: optimistic saves and deletes of its state, its lookup keys
 * kept in step, and queries that read a page in two statements (the rows, then the count) since each row carries
 * its complete state. Repositories add the port's queries on top.
 */
final class AggregateTable<S extends AggregateState<S>, R extends AggregateRow> {

    private final JpaTransactions transactions;
    private final StateJson json;
    private final IdGenerator ids;
    private final AggregateMapping<S, R> mapping;
    private final String entityName;
    private final RowFilter visible;
    private final AggregateLookups<S, R> lookups;

    AggregateTable(JpaTransactions transactions, StateJson json, IdGenerator ids, AggregateMapping<S, R> mapping) {
        this(transactions, json, ids, mapping, null);
    }

    private AggregateTable(
            JpaTransactions transactions,
            StateJson json,
            IdGenerator ids,
            AggregateMapping<S, R> mapping,
            RowFilter visible) {
        this.transactions = transactions;
        this.json = json;
        this.ids = ids;
        this.mapping = mapping;
        this.entityName = mapping.rowType().getSimpleName();
        this.visible = visible;
        this.lookups = new AggregateLookups<>(this, transactions, mapping.rowType());
    }

    /**
     * The same table, every read ({@link #find} included) restricted to the rows that also match {@code visible}
     * (a user's visibility, see {@link VisibleRows} and {@link VisibleChildren}), inside the statement itself; writes are the same.
     */
    AggregateTable<S, R> restrictedTo(RowFilter visible) {
        return new AggregateTable<>(transactions, json, ids, mapping, visible);
    }

    Optional<S> find(TenantId tenant, EntityId id) {
        if (visible != null) {
            return list(tenant, RowQuery.where("r.id = :id").bind("id", id.value())).stream()
                    .findFirst();
        }
        return transactions.read(entityManager -> Optional.ofNullable(
                        entityManager.find(mapping.rowType(), new RowKey(tenant.value(), id.value())))
                .map(this::state));
    }

    /**
     * Stores the state if its version is the stored one (0 for a new record) and returns it with the next version;
     * flushes, so that a conflict surfaces here and names the record.
     */
    S save(S state) {
        return transactions.withEntityManager(entityManager -> {
            S saved = write(entityManager, state, true, null);
            flush(entityManager, state);
            return saved;
        });
    }

    /**
     * Saves every state as {@link #save} does, with one flush at the end so that the driver can batch the
     * statements; new records (version 0) are inserted without reading first, a duplicate id fails at the flush.
     */
    List<S> saveAll(List<S> states) {
        return transactions.withEntityManager(entityManager -> {
            List<S> saved = new ArrayList<>(states.size());
            TakenKeys taken = lookups.taken(entityManager, uniqueKeys(states));
            for (S state : states) {
                try {
                    saved.add(write(entityManager, state, false, taken));
                } catch (RuntimeException e) {
                    throw Failures.translate(e, mapping.recordType(), state.id(), state.version());
                }
            }
            try {
                entityManager.flush();
            } catch (RuntimeException e) {
                throw Failures.translateSave(e, mapping.recordType(), mapping.rowType(), states, transactions);
            }
            return saved;
        });
    }

    /** Deletes the record with its lookup keys if it has the expected version; false when it does not exist. */
    boolean delete(TenantId tenant, EntityId id, long expectedVersion) {
        return transactions.withEntityManager(entityManager -> {
            R row = entityManager.find(mapping.rowType(), new RowKey(tenant.value(), id.value()));
            if (row == null) {
                return false;
            }
            if (row.version != expectedVersion) {
                throw new StaleVersionException(mapping.recordType(), id, expectedVersion, row.version);
            }
            ChangeScope before = scopeOf(row);
            storedKeys(entityManager, row).forEach(entityManager::remove);
            entityManager.remove(row);
            if (mapping.inChangeFeed()) {
                transactions
                        .changes()
                        .record(
                                entityManager,
                                tenant,
                                mapping.recordType(),
                                id.value(),
                                row.version,
                                ChangeKind.DELETED,
                                null,
                                ChangeScope.NONE,
                                before);
            }
            try {
                entityManager.flush();
            } catch (RuntimeException e) {
                throw Failures.translate(e, mapping.recordType(), id, expectedVersion);
            }
            return true;
        });
    }

    /** Every matching state of the tenant, in the query's order. */
    List<S> list(TenantId tenant, RowQuery query) {
        return transactions.read(entityManager -> rows(entityManager, tenant, query).getResultList().stream()
                .map(this::state)
                .toList());
    }

    /** Whether reads are restricted to some rows ({@link #restrictedTo}). */
    boolean restricted() {
        return visible != null;
    }

    JpaTransactions transactions() {
        return transactions;
    }

    /** The key lookups of this table (by lookup keys, by many values at once), restricted as it is. */
    AggregateLookups<S, R> lookups() {
        return lookups;
    }

    /** The first {@code limit} matching states of the tenant, in the query's order (for keyset paging). */
    List<S> first(TenantId tenant, RowQuery query, int limit) {
        return transactions.read(
                entityManager -> rows(entityManager, tenant, query).setMaxResults(limit).getResultList().stream()
                        .map(this::state)
                        .toList());
    }

    /**
     * What a JPQL {@code selection} of sums and counts over the tenant's matches of the query answers per group of
     * {@code grouping} (both on the alias {@code r}), computed by the database; restricted like every read.
     */
    List<Object[]> grouped(TenantId tenant, String selection, RowQuery unscoped, String grouping) {
        return transactions.read(entityManager -> {
            RowQuery query = scoped(entityManager, tenant, unscoped, false);
            String statement = "select " + selection + " from " + entityName + " r" + query.joined()
                    + " where r.tenantId = :tenant and (" + query.condition() + ") group by " + grouping;
            return bind(
                            JpaTransactions.withoutAutoFlush(entityManager.createQuery(statement, Object[].class)),
                            tenant,
                            query)
                    .getResultList();
        });
    }

    /** One page of the matching states of the tenant, in the query's order, with the total count. */
    Page<S> page(TenantId tenant, RowQuery query, PageRequest page) {
        return transactions.withEntityManager(entityManager -> {
            List<S> items = rows(entityManager, tenant, query)
                    .setFirstResult((int) page.offset())
                    .setMaxResults(page.size())
                    .getResultList()
                    .stream()
                    .map(this::state)
                    .toList();
            long total = page.offset() == 0 && items.size() < page.size()
                    ? items.size()
                    : count(entityManager, tenant, query);
            return new Page<>(items, page, total);
        });
    }

    /** The unique lookup keys (external references) of the states, by tenant. */
    private Map<String, Set<LookupKey>> uniqueKeys(List<S> states) {
        Map<String, Set<LookupKey>> keys = new HashMap<>();
        for (S state : states) {
            for (LookupKey key : mapping.lookupKeys(state)) {
                if (key.unique()) {
                    keys.computeIfAbsent(state.tenant().value(), tenant -> new LinkedHashSet<>())
                            .add(key);
                }
            }
        }
        return keys;
    }

    /** {@code taken}: the holders of the unique keys read ahead, or null to read each key's when it is written. */
    private S write(EntityManager entityManager, S state, boolean readFirst, TakenKeys taken) {
        RowKey key = new RowKey(state.tenant().value(), state.id().value());
        R row = readFirst || state.version() != 0 ? entityManager.find(mapping.rowType(), key) : null;
        if (row != null) {
            // a row read among many was loaded read-only (see AggregateLookups.listAmong): from here on the unit of
            // work compares it with its state as read, so that the changes below are written
            entityManager.unwrap(Session.class).setReadOnly(row, false);
        }
        if (row == null) {
            if (state.version() != 0) {
                throw new RecordNotFoundException(mapping.recordType(), state.id());
            }
            S saved = state.withVersion(1);
            row = mapping.newRow();
            row.tenantId = key.tenantId;
            row.id = key.id;
            row.version = saved.version();
            fill(row, saved);
            entityManager.persist(row);
            for (LookupKey lookup : new LinkedHashSet<>(mapping.lookupKeys(saved))) {
                refuseTaken(entityManager, row, lookup, taken);
                entityManager.persist(LookupRow.of(ids.next(), row.tenantId, row.id, lookup));
            }
            recordChange(entityManager, saved, ChangeScope.NONE);
            return saved;
        }
        if (row.version != state.version()) {
            throw new StaleVersionException(mapping.recordType(), state.id(), state.version(), row.version);
        }
        ChangeScope before = scopeOf(row);
        // the document holds the version, so every save changes the row and JPA raises the version with it
        S saved = state.withVersion(state.version() + 1);
        fill(row, saved);
        if (mapping.hasLookupKeys()) {
            replaceKeys(entityManager, row, mapping.lookupKeys(saved), taken);
        }
        recordChange(entityManager, saved, before);
        return saved;
    }

    /** Records the save in the change feed, with the record's scope before it. */
    private void recordChange(EntityManager entityManager, S saved, ChangeScope before) {
        if (mapping.inChangeFeed()) {
            transactions
                    .changes()
                    .record(
                            entityManager,
                            saved.tenant(),
                            mapping.recordType(),
                            saved.id().value(),
                            saved.version(),
                            ChangeKind.SAVED,
                            null,
                            ChangeScope.of(saved),
                            before);
        }
    }

    /** The stored row's scope, read from its document only for the aggregates that have one. */
    private ChangeScope scopeOf(R row) {
        return mapping.inChangeFeed() && ChangeScope.isScoped(mapping.stateType())
                ? ChangeScope.of(state(row))
                : ChangeScope.NONE;
    }

    private void fill(R row, S state) {
        mapping.writeColumns(state, row);
        row.document = json.write(mapping.document(state));
    }

    private void replaceKeys(EntityManager entityManager, R row, List<LookupKey> keys, TakenKeys taken) {
        Set<LookupKey> wanted = new LinkedHashSet<>(keys);
        for (LookupRow stored : storedKeys(entityManager, row)) {
            if (!wanted.remove(stored.key())) {
                entityManager.remove(stored);
            }
        }
        for (LookupKey key : wanted) {
            refuseTaken(entityManager, row, key, taken);
            entityManager.persist(LookupRow.of(ids.next(), row.tenantId, row.id, key));
        }
    }

    /**
     * Refuses a unique key (an external reference) that another record of the tenant has, naming it; the schema's
     * unique index refuses what two concurrent saves would both write.
     */
    private void refuseTaken(EntityManager entityManager, AggregateRow row, LookupKey key, TakenKeys taken) {
        if (!key.unique()) {
            return;
        }
        List<UUID> holders =
                taken != null ? taken.holders(row.tenantId, key) : lookups.holders(entityManager, row.tenantId, key);
        holders.stream().filter(holder -> !holder.equals(row.id)).findFirst().ifPresent(holder -> {
            throw DuplicateRecordException.externalRefTaken(mapping.recordType(), key.value(), holder);
        });
    }

    private static List<LookupRow> storedKeys(EntityManager entityManager, AggregateRow row) {
        return entityManager
                .createQuery(
                        "select k from LookupRow k where k.tenantId = :tenant and k.recordId = :id", LookupRow.class)
                .setParameter("tenant", row.tenantId)
                .setParameter("id", row.id)
                .getResultList();
    }

    private void flush(EntityManager entityManager, S state) {
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            throw Failures.translateSave(e, mapping.recordType(), mapping.rowType(), List.of(state), transactions);
        }
    }

    /** The state a row of this table holds, e.g. one a repository read with a query of its own. */
    S state(R row) {
        return json.read(row.document, mapping.stateType(), mapping.recordType() + " " + row.id)
                .withVersion(row.version);
    }

    /** The query restricted to the visible rows when this table is restricted. */
    RowQuery scoped(EntityManager entityManager, TenantId tenant, RowQuery query, boolean counting) {
        if (visible == null) {
            return query;
        }
        RowQuery condition = visible.condition(entityManager, tenant, counting);
        RowQuery scoped = query.and(condition.condition());
        for (Map.Entry<String, Object> parameter : condition.parameters().entrySet()) {
            scoped = scoped.bind(parameter.getKey(), parameter.getValue());
        }
        return scoped;
    }

    TypedQuery<R> rows(EntityManager entityManager, TenantId tenant, RowQuery unscoped) {
        RowQuery query = scoped(entityManager, tenant, unscoped, false);
        String statement = "select r from " + entityName + " r" + query.joined() + " where r.tenantId = :tenant and ("
                + query.condition() + ") order by " + query.order();
        return bind(
                JpaTransactions.withoutAutoFlush(entityManager.createQuery(statement, mapping.rowType())),
                tenant,
                query);
    }

    private long count(EntityManager entityManager, TenantId tenant, RowQuery unscoped) {
        RowQuery query = scoped(entityManager, tenant, unscoped, true);
        String count = query.keyCount() != null
                ? query.keyCount()
                : "select count(r) from " + entityName + " r" + query.joined() + " where r.tenantId = :tenant and ("
                        + query.condition() + ")";
        return bind(JpaTransactions.withoutAutoFlush(entityManager.createQuery(count, Long.class)), tenant, query)
                .getSingleResult();
    }

    static <T> TypedQuery<T> bind(TypedQuery<T> typed, TenantId tenant, RowQuery query) {
        typed.setParameter("tenant", tenant.value());
        for (Map.Entry<String, Object> parameter : query.parameters().entrySet()) {
            typed.setParameter(parameter.getKey(), parameter.getValue());
        }
        return typed;
    }
}
