package org.crmkit.core.party;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.crmkit.core.common.InvalidValueException;

/**
 * Personal details of a contact, each optional (null when unknown): the preferred language (a locale with a
 * language), the birthday and the time zone.
 */
public record ContactDetails(Locale preferredLanguage, LocalDate birthday, ZoneId timeZone) {

    public static final ContactDetails NONE = new ContactDetails(null, null, null);

    public ContactDetails {
        if (preferredLanguage != null && preferredLanguage.getLanguage().isEmpty()) {
            throw InvalidValueException.invalid("preferredLanguage", "'" + preferredLanguage + "' has no language");
        }
    }
}
