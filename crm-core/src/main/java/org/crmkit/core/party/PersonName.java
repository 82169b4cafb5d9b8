package org.crmkit.core.party;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.core.common.Require;

/**
 * The name of a person: an optional salutation ({@code "Ms"}, {@code "Dr"}), optional first and middle names and
 * a required last name. Parts are trimmed, at most 100 characters each.
 */
public record PersonName(String salutation, String firstName, String middleName, String lastName) {

    public PersonName {
        salutation = Require.maxLength(Require.optional(salutation), 100, "name.salutation");
        firstName = Require.maxLength(Require.optional(firstName), 100, "name.firstName");
        middleName = Require.maxLength(Require.optional(middleName), 100, "name.middleName");
        lastName = Require.maxLength(Require.notBlank(lastName, "name.lastName"), 100, "name.lastName");
    }

    public static PersonName of(String firstName, String lastName) {
        return new PersonName(null, firstName, null, lastName);
    }

    /** First, middle and last name separated by spaces, e.g. {@code "Ada King"}. */
    public String fullName() {
        return Stream.of(firstName, middleName, lastName)
                .filter(part -> part != null)
                .collect(Collectors.joining(" "));
    }

    /** Whether the first name, the last name or the full name starts with the prefix, ignoring case. */
    public boolean startsWith(String prefix) {
        String wanted = prefix.strip().toLowerCase(Locale.ROOT);
        return lastName.toLowerCase(Locale.ROOT).startsWith(wanted)
                || (firstName != null && firstName.toLowerCase(Locale.ROOT).startsWith(wanted))
                || fullName().toLowerCase(Locale.ROOT).startsWith(wanted);
    }
}
