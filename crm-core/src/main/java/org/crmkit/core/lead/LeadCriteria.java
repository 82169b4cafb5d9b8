package org.crmkit.core.lead;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.common.Require;

/**
 * Which leads an assignment rule takes: a place and industry rule (country, region, postcode prefix, industry; see
 * {@link TerritoryRule}, whose unset criteria hold for anything) and an optional company size range
 * ({@code minEmployees}..{@code maxEmployees}, either null: open; a lead of unknown size does not match a range).
 */
public record LeadCriteria(TerritoryRule place, Integer minEmployees, Integer maxEmployees) {

    /** Every lead. */
    public static final LeadCriteria ANY = new LeadCriteria(TerritoryRule.any(), null, null);

    public LeadCriteria {
        place = place == null ? TerritoryRule.any() : place;
        Require.that(minEmployees == null || minEmployees > 0, "minEmployees", "must be positive, was " + minEmployees);
        Require.that(
                minEmployees == null || maxEmployees == null || maxEmployees >= minEmployees,
                "maxEmployees",
                "must not be below minEmployees " + minEmployees);
    }

    public static LeadCriteria place(TerritoryRule place) {
        return new LeadCriteria(Require.notNull(place, "place"), null, null);
    }

    /** The same place, for companies of {@code min}..{@code max} employees (either null: open). */
    public LeadCriteria withEmployees(Integer min, Integer max) {
        return new LeadCriteria(place, min, max);
    }

    public boolean matches(LeadDetails lead) {
        Require.notNull(lead, "lead");
        boolean sized = minEmployees == null && maxEmployees == null
                || lead.employeeCount() != null
                        && (minEmployees == null || lead.employeeCount() >= minEmployees)
                        && (maxEmployees == null || lead.employeeCount() <= maxEmployees);
        return sized && place.matches(lead.country(), lead.region(), lead.postcode(), lead.industry());
    }

    /** The criteria in words, e.g. {@code country DE, region Berlin, 50..500 employees}; "any lead" when none. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (place.country() != null) {
            parts.add("country " + place.country().value());
        }
        if (place.region() != null) {
            parts.add("region " + place.region());
        }
        if (place.postcodePrefix() != null) {
            parts.add("postcode " + place.postcodePrefix() + "*");
        }
        if (place.industry() != null) {
            parts.add("industry " + place.industry());
        }
        if (minEmployees != null || maxEmployees != null) {
            parts.add((minEmployees == null ? "" : minEmployees) + ".." + (maxEmployees == null ? "" : maxEmployees)
                    + " employees");
        }
        return parts.isEmpty() ? "any lead" : String.join(", ", parts);
    }
}
