package org.crmkit.persistence.jpa;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * The ids of the first contacts in name order whose first, last or full name starts with each of many prefixes, in
 * one native statement per {@value #PER_STATEMENT} prefixes that reads the same on H2 and PostgreSQL: a union of one
 * limited select per prefix, each as {@code findByNameStartingWith} selects and orders (through the name indexes).
 * A short last chunk repeats its last prefix, so that every statement has the same text and is prepared once.
 */
final class ContactNames {

    static final int PER_STATEMENT = 50;

    // the id as text: H2 answers a native uuid column as bytes, PostgreSQL as a UUID
    private static final String BRANCH =
            "(select cast(c.id as varchar(36)) from crm_contact c where c.tenant_id = ?1 and"
                    + " (c.last_name_key like ?%1$d escape '!' or c.first_name_key like ?%1$d escape '!'"
                    + " or c.full_name_key like ?%1$d escape '!')"
                    + " order by c.last_name_key, c.first_name_key, c.id fetch first %2$d rows only)";

    private final JpaTransactions transactions;

    ContactNames(JpaTransactions transactions) {
        this.transactions = transactions;
    }

    /** The ids of the first {@code limit} contacts of each prefix, each once, in no particular order. */
    List<UUID> firstStartingWith(TenantId tenant, Collection<String> prefixes, int limit) {
        Require.that(limit >= 1 && limit <= 1_000, "limit", "must be 1 to 1000, was " + limit);
        List<String> patterns = Require.noNulls(prefixes, "prefixes").stream()
                .map(prefix -> RowQuery.prefixPattern(AggregateMapping.lower(
                        Require.notBlank(prefix, "prefix").strip())))
                .distinct()
                .toList();
        if (patterns.isEmpty()) {
            return List.of();
        }
        String statement = IntStream.range(0, PER_STATEMENT)
                .mapToObj(n -> String.format(java.util.Locale.ROOT, BRANCH, n + 2, limit))
                .collect(Collectors.joining(" union all "));
        return transactions.read(entityManager -> {
            List<UUID> ids = new ArrayList<>();
            for (int from = 0; from < patterns.size(); from += PER_STATEMENT) {
                Query select = JpaTransactions.withoutAutoFlush(entityManager.createNativeQuery(statement))
                        .setParameter(1, tenant.value());
                for (int n = 0; n < PER_STATEMENT; n++) {
                    select.setParameter(n + 2, patterns.get(Math.min(from + n, patterns.size() - 1)));
                }
                for (Object id : select.getResultList()) {
                    ids.add(UUID.fromString(id.toString()));
                }
            }
            return ids.stream().distinct().toList();
        });
    }
}
