package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/** The row locks of {@code ActionStore.lock}: crmkit's records locked in one fixed order. */
final class RecordLocks {

    /** How many records one locking statement takes. */
    private static final int LOCKS_PER_STATEMENT = 64;
    /** PostgreSQL and H2 compare uuids as unsigned bytes; {@link UUID#compareTo} compares signed longs. */
    private static final Comparator<UUID> DATABASE_UUID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };
    /** The table of each record type's rows. */
    private static final Map<RecordType, String> TABLES = Map.of(
            RecordType.CONTACT,
            "crm_contact",
            RecordType.ACCOUNT,
            "crm_account",
            RecordType.LEAD,
            "crm_lead",
            RecordType.OPPORTUNITY,
            "crm_opportunity",
            RecordType.INVOICE,
            "crm_invoice",
            RecordType.PAYMENT,
            "crm_payment",
            RecordType.CAMPAIGN,
            "crm_campaign",
            RecordType.CASE,
            "crm_case",
            RecordType.TASK,
            "crm_task",
            RecordType.ACTIVITY,
            "crm_activity");

    private RecordLocks() {}

    /**
     * {@code SELECT id ... ORDER BY id FOR UPDATE} on the records' rows in their tables ({@code crm_account},
     * {@code crm_contact}, {@code crm_task} ...): record types in the order of {@link RecordType}, each type's ids
     * sorted as the database sorts uuids (unsigned, byte by byte) and locked {@value #LOCKS_PER_STATEMENT} per
     * statement, so every caller locks in the same order. The ids are bound to a fixed number of parameters (the
     * last one repeated), so each statement is prepared once.
     */
    static void lock(EntityManager entityManager, TenantId tenant, Collection<RecordRef> records) {
        Map<RecordType, TreeSet<UUID>> idsByType = new EnumMap<>(RecordType.class);
        for (RecordRef record : records) {
            Require.notNull(record, "records[]");
            idsByType
                    .computeIfAbsent(record.type(), type -> new TreeSet<>(DATABASE_UUID_ORDER))
                    .add(record.id());
        }
        idsByType.forEach((type, ids) -> {
            List<UUID> sorted = List.copyOf(ids);
            String sql = "select id from " + TABLES.get(type) + " where tenant_id = ?1 and id in ("
                    + IntStream.range(0, LOCKS_PER_STATEMENT)
                            .mapToObj(i -> "?" + (i + 2))
                            .collect(Collectors.joining(", "))
                    + ") order by id for update";
            for (int from = 0; from < sorted.size(); from += LOCKS_PER_STATEMENT) {
                Query query = entityManager.createNativeQuery(sql).setParameter(1, tenant.value());
                for (int i = 0; i < LOCKS_PER_STATEMENT; i++) {
                    query.setParameter(i + 2, sorted.get(Math.min(from + i, sorted.size() - 1)));
                }
                query.getResultList();
            }
        });
    }
}
