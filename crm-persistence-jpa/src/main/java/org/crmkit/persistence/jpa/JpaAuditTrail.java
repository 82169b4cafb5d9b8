package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.privacy.FieldChange;
import org.crmkit.core.spi.AuditTrail;

/** The audit trail in {@code crm_audit_trail}, read per record through {@code crm_audit_trail_by_record}. */
final class JpaAuditTrail implements AuditTrail {

    private static final String OF_RECORD =
            " from AuditRow r where r.tenantId = :tenant and r.recordType = :type and r.recordId = :id";

    private final JpaTransactions transactions;

    JpaAuditTrail(JpaTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void record(List<FieldChange> changes) {
        Require.noNulls(changes, "changes");
        requireTransaction("AuditTrail.record");
        transactions.withEntityManager(entityManager -> {
            changes.forEach(change -> entityManager.persist(AuditRow.of(change)));
            entityManager.flush();
            return null;
        });
    }

    @Override
    public Page<FieldChange> history(TenantId tenant, RecordRef record, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(record, "record");
        Require.notNull(page, "page");
        return transactions.read(entityManager -> {
            List<FieldChange> items = bind(
                            entityManager.createQuery(
                                    "select r" + OF_RECORD + " order by r.changedAt desc, r.id desc", AuditRow.class),
                            tenant,
                            record)
                    .setFirstResult((int) page.offset())
                    .setMaxResults(page.size())
                    .getResultList()
                    .stream()
                    .map(AuditRow::change)
                    .toList();
            long total = page.offset() == 0 && items.size() < page.size()
                    ? items.size()
                    : bind(entityManager.createQuery("select count(r)" + OF_RECORD, Long.class), tenant, record)
                            .getSingleResult();
            return new Page<>(items, page, total);
        });
    }

    @Override
    public int eraseValues(TenantId tenant, Collection<RecordRef> records, Collection<String> identifiers) {
        Require.notNull(tenant, "tenant");
        Require.noNulls(records, "records");
        Require.noNulls(identifiers, "identifiers");
        requireTransaction("AuditTrail.eraseValues");
        return transactions.withEntityManager(entityManager -> {
            int changed = 0;
            for (RecordRef record : records) {
                changed += bind(
                                entityManager.createQuery(
                                        "update AuditRow r set r.oldValue = null, r.newValue = null, r.valuesErased = true"
                                                + " where r.tenantId = :tenant and r.recordType = :type and r.recordId = :id"
                                                + " and r.valuesErased = false"),
                                tenant,
                                record)
                        .executeUpdate();
            }
            changed += eraseMentioning(entityManager, tenant, identifiers);
            return changed;
        });
    }

    /** Erases the values of the entries whose values mention one of the identifiers, in one statement. */
    private static int eraseMentioning(EntityManager entityManager, TenantId tenant, Collection<String> identifiers) {
        if (identifiers.isEmpty()) {
            return 0;
        }
        List<String> conditions = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (String identifier : identifiers) {
            int n = patterns.size();
            conditions.add(
                    "lower(r.oldValue) like :p" + n + " escape '\\' or lower(r.newValue) like :p" + n + " escape '\\'");
            patterns.add(TextSearch.containing(identifier));
        }
        Query update = entityManager
                .createQuery("update AuditRow r set r.oldValue = null, r.newValue = null, r.valuesErased = true"
                        + " where r.tenantId = :tenant and r.valuesErased = false and ("
                        + String.join(" or ", conditions) + ")")
                .setParameter("tenant", tenant.value());
        for (int n = 0; n < patterns.size(); n++) {
            update.setParameter("p" + n, patterns.get(n));
        }
        return update.executeUpdate();
    }

    private static <Q extends Query> Q bind(Q query, TenantId tenant, RecordRef record) {
        query.setParameter("tenant", tenant.value());
        query.setParameter("type", record.type().name());
        query.setParameter("id", record.id());
        return query;
    }

    private void requireTransaction(String what) {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException(what);
        }
    }
}
