package org.crmkit.workflow.retention;

import java.time.Period;
import org.crmkit.core.common.Require;

/**
 * A rule of how long a kind of personal data is kept, as data: {@code leadsNotConvertedWithin(Period.ofMonths(24))}
 * erases a lead that was captured 24 months ago or earlier and never converted; {@code
 * contactsWithoutActivityFor(Period.ofYears(3))} erases a contact registered three years ago or earlier with no
 * activity on its timeline in the last three years.
 *
 * @param name a stable name, part of the erasures' deduplication keys and reason, e.g. {@code leads-24-months}
 */
public record RetentionRule(String name, Kind kind, Period keptFor) {

    /** What a rule erases. */
    public enum Kind {
        /** Leads not converted within the period after they were captured. */
        LEADS_NOT_CONVERTED,
        /** Contacts without an activity in the period (and registered before it). */
        CONTACTS_WITHOUT_ACTIVITY
    }

    public RetentionRule {
        Require.maxLength(Require.notBlank(name, "name"), 60, "name");
        Require.that(name.matches("[a-z0-9][a-z0-9._-]*"), "name", "must be of [a-z0-9._-], was '" + name + "'");
        Require.notNull(kind, "kind");
        Require.notNull(keptFor, "keptFor");
        Require.that(
                !keptFor.isNegative() && !keptFor.isZero(), "keptFor", "must be a positive period, was " + keptFor);
    }

    /** Leads not converted within {@code period} of their capture, named {@code leads-<period>}. */
    public static RetentionRule leadsNotConvertedWithin(Period period) {
        Require.notNull(period, "period");
        return new RetentionRule("leads-" + period.toString().toLowerCase(), Kind.LEADS_NOT_CONVERTED, period);
    }

    /** Contacts without activity for {@code period}, named {@code contacts-<period>}. */
    public static RetentionRule contactsWithoutActivityFor(Period period) {
        Require.notNull(period, "period");
        return new RetentionRule("contacts-" + period.toString().toLowerCase(), Kind.CONTACTS_WITHOUT_ACTIVITY, period);
    }
}
