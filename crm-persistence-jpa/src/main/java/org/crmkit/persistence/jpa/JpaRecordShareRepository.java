package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.access.RecordShare;
import org.crmkit.core.access.ShareAccess;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.RecordShareRepository;

/**
 * Record shares in {@code crm_record_share}. A save is flushed at once, so that the visibility condition of a query
 * later in the same transaction (whose statements do not flush, see {@link JpaTransactions#withoutAutoFlush}) sees it.
 */
final class JpaRecordShareRepository implements RecordShareRepository {

    private final JpaTransactions transactions;
    private final IdGenerator ids;

    JpaRecordShareRepository(JpaTransactions transactions, IdGenerator ids) {
        this.transactions = transactions;
        this.ids = ids;
    }

    @Override
    public RecordShare save(RecordShare share) {
        Require.notNull(share, "share");
        return transactions.withEntityManager(entityManager -> {
            RecordShareRow row = rows(entityManager, share.tenant(), share.record(), share.grantee()).stream()
                    .findFirst()
                    .orElseGet(() -> {
                        RecordShareRow created = new RecordShareRow();
                        created.tenantId = share.tenant().value();
                        created.id = ids.next();
                        created.recordType = share.record().type().name();
                        created.recordId = share.record().id();
                        created.granteeId = share.grantee();
                        created.access = share.access().name();
                        entityManager.persist(created);
                        return created;
                    });
            row.access = share.access().name();
            entityManager.flush();
            return share;
        });
    }

    @Override
    public boolean delete(TenantId tenant, RecordRef record, UUID grantee) {
        Require.notNull(tenant, "tenant");
        Require.notNull(record, "record");
        Require.notNull(grantee, "grantee");
        return transactions.withEntityManager(entityManager -> {
            List<RecordShareRow> found = rows(entityManager, tenant, record, grantee);
            found.forEach(entityManager::remove);
            entityManager.flush();
            return !found.isEmpty();
        });
    }

    @Override
    public List<RecordShare> findByRecord(TenantId tenant, RecordRef record) {
        Require.notNull(tenant, "tenant");
        Require.notNull(record, "record");
        return transactions.read(entityManager -> entityManager
                .createQuery(
                        "select s from RecordShareRow s where s.tenantId = :tenant and s.recordId = :record"
                                + " order by s.granteeId",
                        RecordShareRow.class)
                .setParameter("tenant", tenant.value())
                .setParameter("record", record.id())
                .getResultList()
                .stream()
                .map(row -> new RecordShare(
                        TenantId.of(row.tenantId),
                        new RecordRef(RecordType.valueOf(row.recordType), row.recordId),
                        row.granteeId,
                        ShareAccess.valueOf(row.access)))
                .toList());
    }

    private static List<RecordShareRow> rows(
            EntityManager entityManager, TenantId tenant, RecordRef record, UUID grantee) {
        return entityManager
                .createQuery(
                        "select s from RecordShareRow s where s.tenantId = :tenant and s.recordId = :record"
                                + " and s.granteeId = :grantee",
                        RecordShareRow.class)
                .setParameter("tenant", tenant.value())
                .setParameter("record", record.id())
                .setParameter("grantee", grantee)
                .getResultList();
    }
}
