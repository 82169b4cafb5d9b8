package org.crmkit.core.access;

import java.util.Locale;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Require;

/**
 * One rule of a territory: each criterion that is set must hold, an unset (null) one holds for anything. The
 * region and industry compare ignoring case; the postcode prefix compares ignoring case and spaces. A criterion
 * that is set does not hold for a value that is unknown.
 */
public record TerritoryRule(CountryCode country, String region, String postcodePrefix, String industry) {

    public TerritoryRule {
        region = Require.maxLength(Require.optional(region), 100, "rule.region");
        postcodePrefix = postcodePrefix == null || postcodePrefix.isBlank()
                ? null
                : Require.maxLength(compact(postcodePrefix), 20, "rule.postcodePrefix");
        industry = Require.maxLength(Require.optional(industry), 100, "rule.industry");
    }

    /** A rule on the country only. */
    public static TerritoryRule country(String countryCode) {
        return new TerritoryRule(CountryCode.of(countryCode), null, null, null);
    }

    /** A rule that holds for everything: the catch-all of a lowest-priority territory. */
    public static TerritoryRule any() {
        return new TerritoryRule(null, null, null, null);
    }

    private static String compact(String postcode) {
        return postcode.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the rule holds for a party in the given place and industry; any argument may be null when unknown. */
    public boolean matches(CountryCode country, String region, String postcode, String industry) {
        return (this.country == null || this.country.equals(country))
                && (this.region == null || (region != null && this.region.equalsIgnoreCase(region.strip())))
                && (this.postcodePrefix == null
                        || (postcode != null && compact(postcode).startsWith(this.postcodePrefix)))
                && (this.industry == null || (industry != null && this.industry.equalsIgnoreCase(industry.strip())));
    }
}
