package org.crmkit.core.access;

import java.util.Locale;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.CustomFieldKey;

/**
 * A field of a contact or an account that {@link FieldSecurity} may restrict: one of the constants, or a custom
 * field ({@link #customField}). {@code name} is how refusals and the docs name it: {@code birthday}, {@code
 * taxId}, {@code creditHold}, {@code customFields.<key>}.
 */
public record SecuredField(RecordType recordType, String name) {

    /** A contact's birthday ({@code ContactDetails.birthday}). */
    public static final SecuredField CONTACT_BIRTHDAY = new SecuredField(RecordType.CONTACT, "birthday");

    /** An account's VAT or tax id ({@code AccountDetails.taxId}). */
    public static final SecuredField ACCOUNT_TAX_ID = new SecuredField(RecordType.ACCOUNT, "taxId");

    /** An account's credit hold ({@code Account.creditHold}). */
    public static final SecuredField ACCOUNT_CREDIT_HOLD = new SecuredField(RecordType.ACCOUNT, "creditHold");

    private static final String CUSTOM = "customFields.";

    public SecuredField {
        Require.notNull(recordType, "recordType");
        Require.notBlank(name, "name");
        boolean custom =
                name.startsWith(CUSTOM) && (recordType == RecordType.CONTACT || recordType == RecordType.ACCOUNT);
        if (custom) {
            CustomFieldKey.of(name.substring(CUSTOM.length())); // refuses a malformed key, naming it
        }
        boolean known = custom
                || (recordType == RecordType.CONTACT && name.equals("birthday"))
                || (recordType == RecordType.ACCOUNT && (name.equals("taxId") || name.equals("creditHold")));
        if (!known) {
            throw InvalidValueException.invalid(
                    "securedField", recordType + "." + name + " is no field that field-level security can restrict");
        }
    }

    /** The custom field with the key of contacts or of accounts. */
    public static SecuredField customField(RecordType recordType, CustomFieldKey key) {
        return new SecuredField(recordType, CUSTOM + Require.notNull(key, "key").value());
    }

    /** The key when this is a custom field, else null. */
    public CustomFieldKey customFieldKey() {
        return name.startsWith(CUSTOM) ? CustomFieldKey.of(name.substring(CUSTOM.length())) : null;
    }

    @Override
    public String toString() {
        return recordType.name().toLowerCase(Locale.ROOT) + "." + name;
    }
}
