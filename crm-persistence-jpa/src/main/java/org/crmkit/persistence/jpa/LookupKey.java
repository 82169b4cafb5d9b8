package org.crmkit.persistence.jpa;

import java.time.LocalDate;
import org.crmkit.core.party.DateRange;

/**
 * A multi-valued query key of an aggregate (one of a contact's emails, a tag, a link to an account), kept in
 * {@code crm_lookup} next to the aggregate's row. {@code name} says what the key is ({@code contact.email}); keys
 * that hold only for a while carry the days they hold, {@code validTo} null meaning open-ended.
 */
record LookupKey(String name, String value, LocalDate validFrom, LocalDate validTo) {

    static LookupKey of(String name, Object value) {
        return new LookupKey(name, value.toString(), null, null);
    }

    static LookupKey during(String name, Object value, DateRange period) {
        return new LookupKey(name, value.toString(), period.from(), period.to());
    }
}
