package org.crmkit.core.common;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A valid phone number stored in E.164 form ({@code +4930123456}). Parsed with libphonenumber, so national
 * formats are accepted when a default region is given.
 */
public record PhoneNumber(String e164) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        String text = Require.notBlank(e164, "phone");
        Phonenumber.PhoneNumber parsed = parseValid(text, null, "phone");
        String formatted = PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        if (!formatted.equals(text)) {
            throw InvalidValueException.invalid("phone", "'" + e164 + "' is not in E.164 form; use PhoneNumber.parse");
        }
    }

    /** Parses an international number ({@code +49 30 123456}). */
    public static PhoneNumber parse(String text) {
        return parse(text, null);
    }

    /**
     * Parses a number in international form, or in the national form of {@code defaultRegion} (ISO 3166 alpha-2,
     * may be null when the text starts with '+').
     */
    public static PhoneNumber parse(String text, String defaultRegion) {
        Require.notBlank(text, "phone");
        Phonenumber.PhoneNumber parsed = parseValid(text, defaultRegion, "phone");
        return new PhoneNumber(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    private static Phonenumber.PhoneNumber parseValid(String text, String region, String field) {
        try {
            Phonenumber.PhoneNumber parsed =
                    PHONES.parse(text, region == null ? null : region.strip().toUpperCase(java.util.Locale.ROOT));
            if (!PHONES.isValidNumber(parsed)) {
                throw InvalidValueException.invalid(field, "'" + text + "' is not a valid phone number");
            }
            return parsed;
        } catch (NumberParseException e) {
            throw InvalidValueException.invalid(
                    field, "'" + text + "' cannot be read as a phone number (" + e.getErrorType() + ")");
        }
    }

    /** The ISO 3166 region the number belongs to, e.g. {@code DE}. */
    public String region() {
        try {
            return PHONES.getRegionCodeForNumber(PHONES.parse(e164, null));
        } catch (NumberParseException e) {
            throw InvalidValueException.invalid(
                    "phone", "the stored E.164 number " + e164 + " no longer parses (" + e.getErrorType() + ")");
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}
