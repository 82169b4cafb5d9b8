package org.crmkit.csv;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.party.AccountDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;

/** Turns a row's values into the contact or account to import, keeping every failing column as an error. */
final class PartyRows {

    private PartyRows() {}

    /** The contact of the row, or null when a column failed (see {@code values.errors()}). */
    static NewContact contact(RowValues<ContactField> values, CsvMapping<ContactField> mapping) {
        EmailAddress email = values.parsed(ContactField.EMAIL, EmailAddress::of);
        PhoneNumber phone = values.parsed(ContactField.PHONE, PhoneNumber::parse);
        PostalAddress address =
                values.address(ContactField.STREET, ContactField.POSTCODE, ContactField.CITY, ContactField.COUNTRY);
        String last = values.text(ContactField.LAST_NAME);
        if (last == null) {
            values.fail(ContactField.LAST_NAME, required("name.lastName"));
            return null;
        }
        PersonName name = attempt(
                values,
                ContactField.FIRST_NAME,
                () -> new PersonName(
                        values.text(ContactField.SALUTATION), values.text(ContactField.FIRST_NAME), null, last));
        NewContact contact = name == null ? null : NewContact.of(name, mapping.owner());
        if (contact == null || !values.errors().isEmpty()) {
            return null;
        }
        if (email != null) {
            contact = contact.withEmail(email, ContactPointType.WORK);
        }
        if (phone != null) {
            contact = contact.withPhone(phone, ContactPointType.WORK);
        }
        if (address != null) {
            contact = contact.withAddress(address, ContactPointType.WORK);
        }
        return tagged(values, ContactField.TAGS, contact, NewContact::withTag);
    }

    /** The account of the row, or null when a column failed (see {@code values.errors()}). */
    static NewAccount account(RowValues<AccountField> values, CsvMapping<AccountField> mapping) {
        EmailAddress email = values.parsed(AccountField.EMAIL, EmailAddress::of);
        PhoneNumber phone = values.parsed(AccountField.PHONE, PhoneNumber::parse);
        PostalAddress address =
                values.address(AccountField.STREET, AccountField.POSTCODE, AccountField.CITY, AccountField.COUNTRY);
        AccountDetails details = values.parsed(
                AccountField.TAX_ID,
                taxId -> new AccountDetails(
                        values.text(AccountField.LEGAL_NAME),
                        values.text(AccountField.INDUSTRY),
                        values.text(AccountField.WEBSITE),
                        taxId));
        if (details == null && values.text(AccountField.TAX_ID) == null) {
            details = attempt(
                    values,
                    AccountField.WEBSITE,
                    () -> new AccountDetails(
                            values.text(AccountField.LEGAL_NAME),
                            values.text(AccountField.INDUSTRY),
                            values.text(AccountField.WEBSITE),
                            null));
        }
        String name = values.text(AccountField.NAME);
        if (name == null) {
            values.fail(AccountField.NAME, required("name"));
            return null;
        }
        AccountDetails checkedDetails = details;
        NewAccount account = attempt(
                values,
                AccountField.NAME,
                () -> NewAccount.of(name, mapping.owner()).withDetails(checkedDetails));
        if (account == null || !values.errors().isEmpty()) {
            return null;
        }
        if (email != null) {
            account = account.withEmail(email, ContactPointType.WORK);
        }
        if (phone != null) {
            account = account.withPhone(phone, ContactPointType.WORK);
        }
        if (address != null) {
            account = account.withAddress(address, ContactPointType.WORK);
        }
        return tagged(values, AccountField.TAGS, account, NewAccount::withTag);
    }

    private static <F extends Enum<F>, T> T attempt(RowValues<F> values, F field, Supplier<T> make) {
        try {
            return make.get();
        } catch (CrmException e) {
            values.fail(field, e);
            return null;
        }
    }

    private static <F extends Enum<F>, T> T tagged(
            RowValues<F> values, F field, T party, BiFunction<T, String, T> withTag) {
        String tags = values.text(field);
        if (tags == null) {
            return party;
        }
        T tagged = party;
        for (String tag : List.of(tags.split(";"))) {
            if (!tag.isBlank()) {
                T current = tagged;
                tagged = attempt(values, field, () -> withTag.apply(current, tag.strip()));
                if (tagged == null) {
                    return null;
                }
            }
        }
        return tagged;
    }

    private static CrmException required(String field) {
        return InvalidValueException.invalid(field, "is required");
    }
}
