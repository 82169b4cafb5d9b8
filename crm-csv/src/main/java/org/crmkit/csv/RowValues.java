package org.crmkit.csv;

import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.PostalAddress;

/**
 * The values of one CSV row by field, through the mapping: each value read or parsed is checked, and what fails is
 * kept as a {@link RowError} naming the row and the column.
 */
final class RowValues<F extends Enum<F>> {

    private final long row;
    private final Map<String, String> values;
    private final CsvMapping<F> mapping;
    private final List<RowError> errors = new ArrayList<>();

    RowValues(long row, Map<String, String> values, CsvMapping<F> mapping) {
        this.row = row;
        this.values = values;
        this.mapping = mapping;
    }

    /** The field's value, stripped; null when the field is not mapped or the cell is blank. */
    String text(F field) {
        return mapping.headerOf(field)
                .map(values::get)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .orElse(null);
    }

    /** The field's value parsed, or null when blank or when it fails (kept as an error). */
    <T> T parsed(F field, Function<String, T> parse) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (CrmException e) {
            fail(field, e);
            return null;
        }
    }

    /**
     * The field's value converted by a function of the JDK ({@code LocalDate::parse}, {@code BigDecimal::new}, an
     * enum's {@code valueOf}), or null when blank or when it fails: kept as an error saying what was expected.
     */
    <T> T converted(F field, Function<String, T> convert, String expected) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            return convert.apply(text);
        } catch (CrmException e) {
            fail(field, e);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            errors.add(new RowError(row, header(field), "'" + text + "' is not " + expected));
        }
        return null;
    }

    /** Keeps that a required field's cell is blank. */
    void missing(F field) {
        errors.add(new RowError(row, header(field), "is blank but required"));
    }

    /** Keeps a problem of the field's value. */
    void fail(F field, String reason) {
        errors.add(new RowError(row, header(field), reason));
    }

    private String header(F field) {
        return mapping.headerOf(field).orElse(field.name());
    }

    /** The address of the row, when it has a street, postal code or city; errors name the failing column. */
    PostalAddress address(F street, F postcode, F city, F country) {
        String streetText = text(street);
        String postcodeText = text(postcode);
        String cityText = text(city);
        String countryText = text(country);
        if (streetText == null && postcodeText == null && cityText == null) {
            return null;
        }
        if (mapping.headerOf(street).isEmpty()) {
            F given = postcodeText != null ? postcode : city;
            errors.add(new RowError(
                    row,
                    mapping.headerOf(given).orElse(given.name()),
                    "an address needs a street, and the mapping has no column for it"));
            return null;
        }
        try {
            return PostalAddress.of(streetText, postcodeText, cityText, countryText);
        } catch (CrmException e) {
            String field = e.violations().isEmpty() || e.violations().get(0).field() == null
                    ? ""
                    : e.violations().get(0).field();
            F column = field.endsWith("country")
                    ? country
                    : field.endsWith("city") ? city : field.endsWith("postalCode") ? postcode : street;
            fail(column, e);
            return null;
        }
    }

    /** Keeps the refusal of the field's value as an error of its column. */
    void fail(F field, CrmException e) {
        String reason = e.violations().isEmpty()
                ? e.getMessage()
                : e.violations().get(0).code() + ": " + e.violations().get(0).message();
        errors.add(new RowError(row, mapping.headerOf(field).orElse(field.name()), reason));
    }

    /** Keeps a refusal of the whole row (no one column's). */
    void fail(CrmException e) {
        errors.add(new RowError(row, null, e.getMessage()));
    }

    List<RowError> errors() {
        return List.copyOf(errors);
    }
}
