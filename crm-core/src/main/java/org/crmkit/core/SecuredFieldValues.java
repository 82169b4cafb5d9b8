package org.crmkit.core;

import org.crmkit.core.access.SecuredField;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.AccountState;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.party.CreditHold;
import org.crmkit.core.party.CustomFieldValue;
import org.crmkit.core.party.CustomFields;

/** Reads and replaces the value of a {@link SecuredField} in a contact's or an account's state (null: absent). */
final class SecuredFieldValues {

    private SecuredFieldValues() {}

    static Object value(ContactState state, SecuredField field) {
        if (field.equals(SecuredField.CONTACT_BIRTHDAY)) {
            return state.details().birthday();
        }
        return state.customFields().get(field.customFieldKey()).orElse(null);
    }

    static Object value(AccountState state, SecuredField field) {
        if (field.equals(SecuredField.ACCOUNT_TAX_ID)) {
            return state.details().taxId();
        }
        if (field.equals(SecuredField.ACCOUNT_CREDIT_HOLD)) {
            return state.creditHold();
        }
        return state.customFields().get(field.customFieldKey()).orElse(null);
    }

    /** The state with the field set to the value (of the field's type, or null for absent). */
    static ContactState with(ContactState state, SecuredField field, Object value) {
        ContactDetails details = state.details();
        CustomFields custom = state.customFields();
        if (field.equals(SecuredField.CONTACT_BIRTHDAY)) {
            details = new ContactDetails(details.preferredLanguage(), (java.time.LocalDate) value, details.timeZone());
        } else {
            custom = custom(custom, field, value);
        }
        return new ContactState(
                state.tenant(),
                state.id(),
                state.version(),
                state.name(),
                details,
                state.contactPoints(),
                state.tags(),
                custom,
                state.owner(),
                state.territory(),
                state.customerSince(),
                state.consents(),
                state.affiliations(),
                state.registeredAt(),
                state.externalRefs());
    }

    /** The state with the field set to the value (of the field's type, or null for absent). */
    static AccountState with(AccountState state, SecuredField field, Object value) {
        AccountDetails details = state.details();
        CustomFields custom = state.customFields();
        CreditHold creditHold = state.creditHold();
        if (field.equals(SecuredField.ACCOUNT_TAX_ID)) {
            details = new AccountDetails(details.legalName(), details.industry(), details.website(), (String) value);
        } else if (field.equals(SecuredField.ACCOUNT_CREDIT_HOLD)) {
            creditHold = (CreditHold) value;
        } else {
            custom = custom(custom, field, value);
        }
        return new AccountState(
                state.tenant(),
                state.id(),
                state.version(),
                state.name(),
                details,
                state.contactPoints(),
                state.tags(),
                custom,
                state.owner(),
                state.territory(),
                state.customerSince(),
                state.parents(),
                creditHold,
                state.registeredAt(),
                state.externalRefs());
    }

    private static CustomFields custom(CustomFields fields, SecuredField field, Object value) {
        return value == null
                ? fields.without(field.customFieldKey())
                : fields.with(field.customFieldKey(), (CustomFieldValue) value);
    }
}
