package org.crmkit.persistence.jpa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.party.DateRange;

/**
 * A multi-valued query key of an aggregate (one of a contact's emails, a tag, a link to an account), kept in
 * {@code crm_lookup} next to the aggregate's row. {@code name} says what the key is ({@code contact.email}); keys
 * that hold only for a while carry the days they hold, {@code validTo} null meaning open-ended. Keys whose records a
 * query lists in time order (an activity on a timeline) carry that time, so that the index of the keys alone
 * gives the order.
 */
record LookupKey(String name, String value, LocalDate validFrom, LocalDate validTo, Instant time) {

    private static final String EXTERNAL_REF = ".externalRef";

    static LookupKey of(String name, Object value) {
        return new LookupKey(name, value.toString(), null, null, null);
    }

    /** A key whose value is a reference to any record, as {@link #recordValue} writes it. */
    static LookupKey of(String name, RecordRef record) {
        return new LookupKey(name, recordValue(record), null, null, null);
    }

    /** A key whose value is a reference to any record, listed in the order of the time (see {@link RowQuery#withKeyInTime}). */
    static LookupKey inTime(String name, RecordRef record, Instant time) {
        return new LookupKey(name, recordValue(record), null, null, time);
    }

    /** A record reference as a key value: its type and id, {@code CONTACT:0190...}. */
    static String recordValue(RecordRef record) {
        return record.type().name() + ":" + record.id();
    }

    /**
     * The keys of a record's references in other systems: {@code <record>.externalRef} ({@code account.externalRef})
     * with the value {@code system/key}, unambiguous as a system has no '/'. The schema's unique index on these keys
     * lets no two records of a type and tenant share one.
     */
    static List<LookupKey> externalRefs(String record, List<ExternalRef> refs) {
        return refs.stream().map(ref -> of(externalRefName(record), ref)).toList();
    }

    static String externalRefName(String record) {
        return record + EXTERNAL_REF;
    }

    /** Whether no two records may share the key (an external reference). */
    boolean unique() {
        return name.endsWith(EXTERNAL_REF);
    }

    static LookupKey during(String name, Object value, DateRange period) {
        return new LookupKey(name, value.toString(), period.from(), period.to(), null);
    }
}
