package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.ChangeKind;
import org.crmkit.core.spi.ChangeLog;
import org.crmkit.core.spi.ChangeScope;
import org.crmkit.core.spi.FeedHead;
import org.crmkit.core.spi.RecordChange;
import org.crmkit.core.spi.ScopeQuery;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * The change feed in {@code crm_change}, {@code crm_change_head} and {@code crm_feed_consumer}.
 *
 * <p>Writers insert their changes without a position, so that they never wait for each other. Positions are given by
 * one sequencer at a time per tenant, before every read: it locks the tenant's head row (an update that changes
 * nothing), numbers every committed change that has none after the head's last position in one statement, and moves
 * the head, all in the reader's transaction. A change that commits after a sequencer ran is numbered by a later one,
 * above every position given before; so a reader that has passed a position never finds a change below it, which a
 * number drawn when the change was written (a sequence, an identity column) cannot promise, as transactions commit in
 * another order than they draw numbers.
 */
final class JpaChangeLog implements ChangeLog {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final UUID NO_ID = new UUID(0, 0);

    private static final String NUMBER_UNPOSITIONED = "merge into crm_change c using (select id, row_number() over"
            + " (order by id) as n from crm_change where tenant_id = ?1 and feed_position is null) s on c.id = s.id"
            + " when matched then update set feed_position = ?2 + s.n";
    private static final String NEW_HEAD_POSTGRESQL = "insert into crm_change_head (tenant_id, last_position,"
            + " discarded_up_to, cursor_key) values (?1, 0, 0, ?2) on conflict (tenant_id) do nothing";
    private static final String NEW_HEAD_MERGE = "merge into crm_change_head h using (values (cast(?1 as"
            + " varchar(64)), cast(?2 as varchar(64)))) k(tenant_id, cursor_key) on h.tenant_id = k.tenant_id"
            + " when not matched then insert (tenant_id, last_position, discarded_up_to, cursor_key)"
            + " values (k.tenant_id, 0, 0, k.cursor_key)";
    private static final String MOVE_CONSUMER_POSTGRESQL = "insert into crm_feed_consumer (tenant_id, name,"
            + " feed_position, moved_at) values (?1, ?2, ?3, ?4) on conflict (tenant_id, name) do update set"
            + " feed_position = excluded.feed_position, moved_at = excluded.moved_at";
    private static final String MOVE_CONSUMER_MERGE =
            "merge into crm_feed_consumer key (tenant_id, name) values (?1, ?2, ?3, ?4)";

    private final JpaTransactions transactions;
    private final IdGenerator ids;
    private final Clock clock;

    JpaChangeLog(JpaTransactions transactions, IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /** Writes a change without a position in the current transaction; the caller flushes. */
    void record(
            EntityManager entityManager,
            TenantId tenant,
            String recordType,
            UUID recordId,
            long version,
            ChangeKind kind,
            UUID mergedInto,
            ChangeScope scope,
            ChangeScope previousScope) {
        ChangeRow row = new ChangeRow();
        row.id = ids.next();
        row.tenant = tenant.value();
        row.recordType = recordType;
        row.recordId = recordId;
        row.recordVersion = version;
        row.kind = kind.name();
        row.mergedInto = mergedInto;
        row.changedAt = clock.instant();
        row.owner = scope.owner();
        row.territory = scope.territory();
        row.account = scope.account();
        row.previousOwner = previousScope.owner();
        row.previousTerritory = previousScope.territory();
        row.previousAccount = previousScope.account();
        entityManager.persist(row);
    }

    @Override
    public List<RecordChange> after(TenantId tenant, long position, Set<String> recordTypes, int limit) {
        Require.noNulls(recordTypes, "recordTypes");
        return changes(tenant, position, recordTypes, "", Map.of(), limit);
    }

    @Override
    public List<RecordChange> afterInScope(TenantId tenant, long position, ScopeQuery query, int limit) {
        Require.notNull(query, "query");
        // a set no id is in, where the query has none, as "in ()" is no valid JPQL
        Set<UUID> owners = query.owners().isEmpty() ? Set.of(NO_ID) : query.owners();
        Set<UUID> territories = query.territories().isEmpty() ? Set.of(NO_ID) : query.territories();
        /*
         * A change is in scope by its record's owner or territory, or by its account as that account stands now. The
         * account is looked up only where it is another record than the changed one (an account's own change carries
         * its owner and territory already) and the previous account only where it differs from the account: one
         * primary-key probe per change of a record that hangs off an account, instead of two for every change.
         */
        String inScope = " and (c.owner in :owners or c.previousOwner in :owners or c.territory in :territories"
                + " or c.previousTerritory in :territories"
                + " or (c.account <> c.recordId and exists (select 1 from AccountRow a where a.tenantId = c.tenant"
                + " and a.id = c.account and (a.ownerId in :owners or a.territoryId in :territories)))"
                + " or (c.previousAccount <> c.recordId and (c.account is null or c.previousAccount <> c.account)"
                + " and exists (select 1 from AccountRow a where a.tenantId = c.tenant and a.id = c.previousAccount"
                + " and (a.ownerId in :owners or a.territoryId in :territories))))";
        return changes(
                tenant,
                position,
                query.recordTypes(),
                inScope,
                Map.of("owners", owners, "territories", territories),
                limit);
    }

    private List<RecordChange> changes(
            TenantId tenant,
            long position,
            Set<String> recordTypes,
            String condition,
            Map<String, Object> parameters,
            int limit) {
        Require.notNull(tenant, "tenant");
        Require.positive(limit, "limit");
        return transactions.withEntityManager(entityManager -> {
            sequence(entityManager, tenant);
            String ofTypes = recordTypes.isEmpty() ? "" : " and c.recordType in :types";
            // columns, not entities: a row this transaction wrote is managed with the position it had then (none)
            var query = JpaTransactions.withoutAutoFlush(entityManager.createQuery(
                            "select c.position, c.recordType, c.recordId, c.recordVersion, c.kind, c.mergedInto,"
                                    + " c.changedAt, c.owner, c.territory, c.account, c.previousOwner,"
                                    + " c.previousTerritory, c.previousAccount from ChangeRow c where c.tenant = :tenant"
                                    + " and c.position > :position" + ofTypes + condition + " order by c.position",
                            Object[].class))
                    .setParameter("tenant", tenant.value())
                    .setParameter("position", position)
                    .setMaxResults(limit);
            if (!recordTypes.isEmpty()) {
                query.setParameter("types", recordTypes);
            }
            parameters.forEach(query::setParameter);
            return query.getResultList().stream()
                    .map(columns -> change(tenant, columns))
                    .toList();
        });
    }

    @Override
    public Optional<Instant> lastChangedAt(TenantId tenant, UUID recordId) {
        Require.notNull(tenant, "tenant");
        Require.notNull(recordId, "recordId");
        // committed or not, numbered or not: the changes of this transaction count too
        return transactions.withEntityManager(entityManager -> Optional.ofNullable(entityManager
                .createQuery(
                        "select max(c.changedAt) from ChangeRow c where c.tenant = :tenant and c.recordId = :record",
                        Instant.class)
                .setParameter("tenant", tenant.value())
                .setParameter("record", recordId)
                .getSingleResult()));
    }

    @Override
    public long sequence(TenantId tenant) {
        Require.notNull(tenant, "tenant");
        return transactions.withEntityManager(entityManager -> {
            sequence(entityManager, tenant);
            return number(headRow(entityManager, tenant, false)[0]);
        });
    }

    @Override
    public FeedHead head(TenantId tenant) {
        Require.notNull(tenant, "tenant");
        return transactions.withEntityManager(entityManager -> {
            Object[] head = headRow(entityManager, tenant, false);
            return new FeedHead(number(head[0]), number(head[1]), (String) head[2]);
        });
    }

    @Override
    public void recordMerge(TenantId tenant, String recordType, UUID merged, long version, UUID survivor) {
        Require.notNull(tenant, "tenant");
        Require.notBlank(recordType, "recordType");
        Require.notNull(merged, "merged");
        Require.notNull(survivor, "survivor");
        requireTransaction("ChangeLog.recordMerge");
        transactions.withEntityManager(entityManager -> {
            record(
                    entityManager,
                    tenant,
                    recordType,
                    merged,
                    version,
                    ChangeKind.MERGED,
                    survivor,
                    ChangeScope.NONE,
                    ChangeScope.NONE);
            entityManager.flush();
            return null;
        });
    }

    @Override
    public int discardChangedBefore(TenantId tenant, Instant before) {
        Require.notNull(tenant, "tenant");
        Require.notNull(before, "before");
        requireTransaction("ChangeLog.discardChangedBefore");
        return transactions.withEntityManager(entityManager -> {
            sequence(entityManager, tenant);
            Object[] head = headRow(entityManager, tenant, true);
            long last = number(head[0]);
            Number firstKept = (Number) entityManager
                    .createQuery(
                            "select min(c.position) from ChangeRow c where c.tenant = :tenant"
                                    + " and c.position is not null and c.changedAt >= :before",
                            Long.class)
                    .setParameter("tenant", tenant.value())
                    .setParameter("before", before)
                    .getSingleResult();
            long discardedUpTo = Math.max(number(head[1]), firstKept == null ? last : firstKept.longValue() - 1);
            int discarded = entityManager
                    .createQuery("delete from ChangeRow c where c.tenant = :tenant and c.position <= :upTo")
                    .setParameter("tenant", tenant.value())
                    .setParameter("upTo", discardedUpTo)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("update crm_change_head set discarded_up_to = ?1 where tenant_id = ?2")
                    .setParameter(1, discardedUpTo)
                    .setParameter(2, tenant.value())
                    .executeUpdate();
            return discarded;
        });
    }

    @Override
    public OptionalLong consumerPosition(TenantId tenant, String consumer) {
        Require.notNull(tenant, "tenant");
        Require.notBlank(consumer, "consumer");
        return transactions.withEntityManager(entityManager -> {
            List<?> found = entityManager
                    .createNativeQuery("select feed_position from crm_feed_consumer where tenant_id = ?1 and name = ?2")
                    .setParameter(1, tenant.value())
                    .setParameter(2, consumer)
                    .getResultList();
            return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(number(found.get(0)));
        });
    }

    @Override
    public void moveConsumer(TenantId tenant, String consumer, long position) {
        Require.notNull(tenant, "tenant");
        Require.notBlank(consumer, "consumer");
        Require.notNegative(position, "position");
        requireTransaction("ChangeLog.moveConsumer");
        transactions.withEntityManager(entityManager -> entityManager
                .createNativeQuery(onPostgres(entityManager) ? MOVE_CONSUMER_POSTGRESQL : MOVE_CONSUMER_MERGE)
                .setParameter(1, tenant.value())
                .setParameter(2, consumer)
                .setParameter(3, position)
                .setParameter(4, clock.instant())
                .executeUpdate());
    }

    /**
     * Numbers the tenant's committed changes that have no position yet, under the lock of the tenant's head; does
     * nothing (and takes no lock) when there are none.
     */
    private void sequence(EntityManager entityManager, TenantId tenant) {
        List<?> unpositioned = entityManager
                .createNativeQuery(
                        "select id from crm_change where tenant_id = ?1 and feed_position is null fetch first 1 rows only")
                .setParameter(1, tenant.value())
                .getResultList();
        if (unpositioned.isEmpty()) {
            return;
        }
        long last = number(headRow(entityManager, tenant, true)[0]);
        int numbered = entityManager
                .createNativeQuery(NUMBER_UNPOSITIONED)
                .setParameter(1, tenant.value())
                .setParameter(2, last)
                .executeUpdate();
        entityManager
                .createNativeQuery("update crm_change_head set last_position = ?1 where tenant_id = ?2")
                .setParameter(1, last + numbered)
                .setParameter(2, tenant.value())
                .executeUpdate();
    }

    /**
     * The tenant's head as {@code last_position, discarded_up_to, cursor_key}, made first when the tenant has none;
     * locked until the transaction ends when {@code lock}. The lock is taken by an update that changes nothing and the
     * row is read after it, so that a sequencer that waited for another one reads the head as that one committed it,
     * on every database.
     */
    private Object[] headRow(EntityManager entityManager, TenantId tenant, boolean lock) {
        String select = "select last_position, discarded_up_to, cursor_key from crm_change_head where tenant_id = ?1";
        if (lock && lockHead(entityManager, tenant) == 0
                || !lock && read(entityManager, select, tenant).isEmpty()) {
            createHead(entityManager, tenant);
            if (lock) {
                lockHead(entityManager, tenant);
            }
        }
        return (Object[]) read(entityManager, select, tenant).get(0);
    }

    /**
     * Makes the tenant's head unless another transaction made it meanwhile. PostgreSQL does so in the caller's
     * transaction ({@code on conflict do nothing}); other databases have no such insert (two {@code MERGE}s of H2
     * both insert), so there the head is made in a transaction of its own and a refused duplicate is ignored.
     */
    private static void createHead(EntityManager entityManager, TenantId tenant) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        if (onPostgres(entityManager)) {
            entityManager
                    .createNativeQuery(NEW_HEAD_POSTGRESQL)
                    .setParameter(1, tenant.value())
                    .setParameter(2, key)
                    .executeUpdate();
            return;
        }
        EntityManager own = entityManager.getEntityManagerFactory().createEntityManager();
        try {
            own.getTransaction().begin();
            own.createNativeQuery(NEW_HEAD_MERGE)
                    .setParameter(1, tenant.value())
                    .setParameter(2, key)
                    .executeUpdate();
            own.getTransaction().commit();
        } catch (PersistenceException madeMeanwhile) {
            if (own.getTransaction().isActive()) {
                own.getTransaction().rollback();
            }
        } finally {
            own.close();
        }
    }

    private static int lockHead(EntityManager entityManager, TenantId tenant) {
        return entityManager
                .createNativeQuery("update crm_change_head set last_position = last_position where tenant_id = ?1")
                .setParameter(1, tenant.value())
                .executeUpdate();
    }

    private static List<?> read(EntityManager entityManager, String select, TenantId tenant) {
        return entityManager
                .createNativeQuery(select)
                .setParameter(1, tenant.value())
                .getResultList();
    }

    private void requireTransaction(String operation) {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException(operation);
        }
    }

    private static boolean onPostgres(EntityManager entityManager) {
        return JpaTransactions.dialect(entityManager) instanceof PostgreSQLDialect;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static RecordChange change(TenantId tenant, Object[] columns) {
        return new RecordChange(
                tenant,
                number(columns[0]),
                (String) columns[1],
                (UUID) columns[2],
                number(columns[3]),
                ChangeKind.valueOf((String) columns[4]),
                (UUID) columns[5],
                (Instant) columns[6],
                new ChangeScope((UUID) columns[7], (UUID) columns[8], (UUID) columns[9]),
                new ChangeScope((UUID) columns[10], (UUID) columns[11], (UUID) columns[12]));
    }
}
