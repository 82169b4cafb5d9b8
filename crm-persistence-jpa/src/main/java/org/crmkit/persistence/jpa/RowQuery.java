package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crmkit.core.common.RecordRef;

/**
 * A query over one aggregate table, already scoped to a tenant by {@link AggregateTable}: a JPQL condition on the
 * row alias {@code r}, its parameters, and the order. Immutable; build it with the static factories and the
 * {@code with...} methods.
 *
 * <pre>{@code RowQuery.where("r.ownerId = :owner").bind("owner", owner.value()).orderBy(NAME_ORDER)}</pre>
 *
 * <p>{@code joined} names more entities for the {@code from} clause (", LookupRow k"), which the condition joins
 * to {@code r}. {@code keyCount}, when not null, is a JPQL statement that counts the matches from the lookup keys
 * alone (no row read); a further {@link #and} condition or {@link #bind} drops it.
 */
record RowQuery(String joined, String condition, Map<String, Object> parameters, String order, String keyCount) {

    /** Every row of the tenant, by id. */
    static RowQuery all() {
        return where("1 = 1");
    }

    /** Rows that match a JPQL condition on {@code r}; bind its parameters with {@link #bind}. By id. */
    static RowQuery where(String condition) {
        return new RowQuery("", condition, Map.of(), "r.id", null);
    }

    /** Rows that have the lookup key with the value. By id. */
    static RowQuery withKey(String keyName, Object value) {
        return where("r.id in (select k.recordId from LookupRow k where k.tenantId = :tenant"
                        + " and k.name = :keyName and k.value = :keyValue)")
                .bind("keyName", keyName)
                .bind("keyValue", value.toString());
    }

    /** Rows that have the lookup key with the value on the day (within its validity). By id. */
    static RowQuery withKeyOn(String keyName, Object value, LocalDate day) {
        return where("r.id in (select k.recordId from LookupRow k where k.tenantId = :tenant"
                        + " and k.name = :keyName and k.value = :keyValue"
                        + " and k.validFrom <= :day and (k.validTo is null or k.validTo >= :day))")
                .bind("keyName", keyName)
                .bind("keyValue", value.toString())
                .bind("day", day);
    }

    /** Rows that reference the record through the lookup key (see {@link LookupKey#of(String, RecordRef)}). By id. */
    static RowQuery withRecordKey(String keyName, RecordRef record) {
        return withKey(keyName, LookupKey.recordValue(record));
    }

    /**
     * Rows that reference the record through a key kept {@link LookupKey#inTime in time order}, newest first (ties:
     * descending id), read through the index of the keys: a page reads only its own rows, whatever the number of
     * matches, and the count reads the keys alone. The key is {@code k} for further conditions.
     */
    static RowQuery withKeyInTime(String keyName, RecordRef record) {
        String keyMatches = "k.tenantId = :tenant and k.name = :keyName and k.value = :keyValue";
        return new RowQuery(
                ", LookupRow k",
                "k.recordId = r.id and k.tenantId = r.tenantId and " + keyMatches,
                Map.of("keyName", keyName, "keyValue", LookupKey.recordValue(record)),
                "k.time desc, k.recordId desc",
                "select count(k) from LookupRow k where " + keyMatches);
    }

    /** The rows of this query that also match another JPQL condition on {@code r} (and the joined entities). */
    RowQuery and(String moreCondition) {
        return new RowQuery(joined, "(" + condition + ") and (" + moreCondition + ")", parameters, order, null);
    }

    /** The same query with the named parameter bound. */
    RowQuery bind(String name, Object value) {
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put(name, value);
        return new RowQuery(joined, condition, Map.copyOf(all), order, null);
    }

    /** The same query with another JPQL order on {@code r}; end it with {@code r.id} so that it is total. */
    RowQuery orderBy(String order) {
        return new RowQuery(joined, condition, parameters, order, keyCount);
    }

    /** Escapes a text for a {@code like ... escape '!'} pattern and appends the wildcard: a prefix match. */
    static String prefixPattern(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
