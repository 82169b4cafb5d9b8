package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.common.TenantId;

/**
 * Finds a tenant's rows whose text columns mention one of a person's identifiers (ignoring case), in one native
 * statement that reads the same on H2 and PostgreSQL: a JSON column is searched as its text. For the outbox's and the
 * workflow outbox's part in subject access exports and erasures.
 */
final class TextSearch {

    private TextSearch() {}

    /**
     * The values of {@code key} (e.g. {@code id}) of the tenant's rows of {@code table} where one of the columns
     * holds one of the identifiers; empty for no identifiers.
     */
    static List<?> keysMentioning(
            EntityManager entityManager,
            String table,
            String key,
            List<String> columns,
            TenantId tenant,
            Collection<String> identifiers) {
        if (identifiers.isEmpty()) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        for (String identifier : identifiers) {
            patterns.add(containing(identifier));
            String parameter = "?" + (patterns.size() + 1);
            for (String column : columns) {
                conditions.add("lower(cast(" + column + " as varchar)) like " + parameter + " escape '\\'");
            }
        }
        Query select = entityManager
                .createNativeQuery("select " + key + " from " + table + " where tenant_id = ?1 and ("
                        + String.join(" or ", conditions) + ")")
                .setParameter(1, tenant.value());
        for (int n = 0; n < patterns.size(); n++) {
            select.setParameter(n + 2, patterns.get(n));
        }
        return select.getResultList();
    }

    /** A {@code like} pattern (escape character {@code \}) for text containing {@code text}, in lower case. */
    static String containing(String text) {
        return "%"
                + text.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }
}
