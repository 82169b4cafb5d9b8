package org.crmkit.core.common;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A postal address. {@code streetLines} holds one to three lines (street and number, building, c/o);
 * {@code region} (state, province) may be null; {@code country} is ISO 3166.
 */
public record PostalAddress(
        List<String> streetLines, String postalCode, String city, String region, CountryCode country) {

    public PostalAddress {
        List<String> lines = Require.noNulls(streetLines, "address.streetLines");
        Require.that(
                !lines.isEmpty() && lines.size() <= 3,
                "address.streetLines",
                "must have 1 to 3 lines, had " + lines.size());
        lines = lines.stream()
                .map(line ->
                        Require.maxLength(Require.notBlank(line, "address.streetLines"), 200, "address.streetLines"))
                .toList();
        streetLines = lines;
        postalCode = Require.maxLength(Require.optional(postalCode), 20, "address.postalCode");
        city = Require.maxLength(Require.notBlank(city, "address.city"), 100, "address.city");
        region = Require.maxLength(Require.optional(region), 100, "address.region");
        Require.notNull(country, "address.country");
    }

    /**
     * The address on one line, as letters and notices carry it: the street lines, the postal code and city, and the
     * country code, separated by commas, e.g. {@code "Hauptstr. 1, 10115 Berlin, DE"}. The region is left out; a
     * missing postal code leaves the city alone.
     */
    public String oneLine() {
        String town = postalCode == null ? city : postalCode + " " + city;
        return Stream.concat(streetLines.stream(), Stream.of(town, country.value()))
                .collect(Collectors.joining(", "));
    }

    public static PostalAddress of(String street, String postalCode, String city, String countryCode) {
        return new PostalAddress(
                List.of(Require.notBlank(street, "address.streetLines")),
                postalCode,
                city,
                null,
                CountryCode.of(countryCode));
    }
}
