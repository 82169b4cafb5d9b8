package org.crmkit.examples.trial;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.workflow.TransactionRequiredException;

/**
 * Trials in the host's own table {@code example_trial} (created by the example's SQL, {@link #SCHEMA}), in the
 * database and the transactions of a {@link JpaStorage}: every statement runs through
 * {@link JpaStorage#withEntityManager}, so a trial's change commits or rolls back with crmkit's records and the
 * workflow's actions. Plain SQL, so that the host's persistence unit needs no entity of the example's. Thread-safe.
 */
public final class JpaTrialStore implements TrialStore {

    /** The example's SQL that creates its table, on the class path (the same for H2 and PostgreSQL). */
    public static final String SCHEMA = "db/example/trial.sql";

    private static final String COLUMNS = "select id, account_id, ends_on, status, version from example_trial ";
    private static final String RUNNING = "status in ('RUNNING', 'REMINDED')";

    private final JpaStorage storage;

    private JpaTrialStore(JpaStorage storage) {
        this.storage = storage;
    }

    /** The store in the database of {@code storage}, whose table must exist ({@link #SCHEMA}). */
    public static JpaTrialStore create(JpaStorage storage) {
        return new JpaTrialStore(Require.notNull(storage, "storage"));
    }

    @Override
    public Trial save(Trial trial) {
        Require.notNull(trial, "trial");
        if (!storage.transactions().isActive()) {
            throw new TransactionRequiredException("writes to the trial store");
        }
        return storage.withEntityManager(
                entityManager -> trial.version() == 0 ? insert(entityManager, trial) : update(entityManager, trial));
    }

    private static Trial insert(EntityManager entityManager, Trial trial) {
        entityManager
                .createNativeQuery("insert into example_trial (tenant_id, id, account_id, ends_on, status,"
                        + " version) values (:tenant, :id, :account, :endsOn, :status, 1)")
                .setParameter("tenant", trial.tenant().value())
                .setParameter("id", trial.id())
                .setParameter("account", trial.account().value())
                .setParameter("endsOn", trial.endsOn())
                .setParameter("status", trial.status().name())
                .executeUpdate();
        return trial.withVersion(1);
    }

    private static Trial update(EntityManager entityManager, Trial trial) {
        int updated = entityManager
                .createNativeQuery("update example_trial set status = :status, version = :next"
                        + " where tenant_id = :tenant and id = :id and version = :version")
                .setParameter("status", trial.status().name())
                .setParameter("next", trial.version() + 1)
                .setParameter("tenant", trial.tenant().value())
                .setParameter("id", trial.id())
                .setParameter("version", trial.version())
                .executeUpdate();
        if (updated == 0) {
            List<?> stored = entityManager
                    .createNativeQuery("select version from example_trial" + " where tenant_id = :tenant and id = :id")
                    .setParameter("tenant", trial.tenant().value())
                    .setParameter("id", trial.id())
                    .getResultList();
            if (stored.isEmpty()) {
                throw new RecordNotFoundException("Trial", trial.id());
            }
            throw new StaleVersionException("Trial", trial.id(), trial.version(), ((Number) stored.get(0)).longValue());
        }
        return trial.withVersion(trial.version() + 1);
    }

    @Override
    public Optional<Trial> find(TenantId tenant, UUID id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return storage
                .withEntityManager(entityManager -> trials(
                        tenant,
                        entityManager
                                .createNativeQuery(COLUMNS + "where tenant_id = :tenant and id = :id")
                                .setParameter("tenant", tenant.value())
                                .setParameter("id", id)))
                .stream()
                .findFirst();
    }

    @Override
    public List<Trial> findRunning(TenantId tenant, AccountId account) {
        Require.notNull(tenant, "tenant");
        Require.notNull(account, "account");
        return storage.withEntityManager(entityManager -> trials(
                tenant,
                entityManager
                        .createNativeQuery(COLUMNS + "where tenant_id = :tenant and account_id = :account and "
                                + RUNNING + " order by ends_on, id")
                        .setParameter("tenant", tenant.value())
                        .setParameter("account", account.value())));
    }

    @Override
    public List<Trial> findRunningEndingBy(TenantId tenant, LocalDate day, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(day, "day");
        Require.positive(limit, "limit");
        return storage.withEntityManager(entityManager -> trials(
                tenant,
                entityManager
                        .createNativeQuery(COLUMNS + "where tenant_id = :tenant and " + RUNNING + " and ends_on <= :day"
                                + " order by ends_on, id")
                        .setParameter("tenant", tenant.value())
                        .setParameter("day", day)
                        .setMaxResults(limit)));
    }

    private static List<Trial> trials(TenantId tenant, Query query) {
        return ((List<?>) query.getResultList())
                .stream()
                        .map(row -> {
                            Object[] columns = (Object[]) row;
                            return new Trial(
                                    tenant,
                                    uuid(columns[0]),
                                    AccountId.of(uuid(columns[1])),
                                    date(columns[2]),
                                    TrialStatus.valueOf((String) columns[3]),
                                    ((Number) columns[4]).longValue());
                        })
                        .toList();
    }

    /** A UUID column as the provider returns it: a UUID (PostgreSQL) or its 16 bytes (H2). */
    private static UUID uuid(Object column) {
        if (column instanceof byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return (UUID) column;
    }

    /** A DATE column as the provider returns it: a {@code LocalDate} or a {@code java.sql.Date}. */
    private static LocalDate date(Object column) {
        return column instanceof LocalDate day ? day : ((java.sql.Date) column).toLocalDate();
    }
}
