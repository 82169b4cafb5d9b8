package org.crmkit.core.party;

import java.time.LocalDate;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * What is known about a contact when it is registered. Start with {@link #of} and add what is known:
 * {@code NewContact.of(PersonName.of("Ada", "King"), owner).withEmail(email, ContactPointType.WORK)}.
 * {@code territory} and {@code customerSince} may be null.
 */
public record NewContact(PersonName name, UserId owner, ContactDetails details, ContactPoints contactPoints, Tags tags,
                         CustomFields customFields, TerritoryId territory, LocalDate customerSince) {

    public NewContact {
        Require.notNull(name, "name");
        Require.notNull(owner, "owner");
        Require.notNull(details, "details");
        Require.notNull(contactPoints, "contactPoints");
        Require.notNull(tags, "tags");
        Require.notNull(customFields, "customFields");
    }

    public static NewContact of(PersonName name, UserId owner) {
        return new NewContact(name, owner, ContactDetails.NONE, ContactPoints.NONE, Tags.NONE, CustomFields.NONE, null, null);
    }

    public NewContact withDetails(ContactDetails newDetails) {
        return new NewContact(name, owner, newDetails, contactPoints, tags, customFields, territory, customerSince);
    }

    public NewContact withEmail(EmailAddress email, ContactPointType type) {
        return new NewContact(name, owner, details, contactPoints.withEmail(email, type), tags, customFields, territory, customerSince);
    }

    public NewContact withPhone(PhoneNumber phone, ContactPointType type) {
        return new NewContact(name, owner, details, contactPoints.withPhone(phone, type), tags, customFields, territory, customerSince);
    }

    public NewContact withAddress(PostalAddress address, ContactPointType type) {
        return new NewContact(name, owner, details, contactPoints.withAddress(address, type), tags, customFields, territory, customerSince);
    }

    public NewContact withTag(String tag) {
        return new NewContact(name, owner, details, contactPoints, tags.with(tag), customFields, territory, customerSince);
    }

    public NewContact withCustomField(CustomFieldKey key, CustomFieldValue value) {
        return new NewContact(name, owner, details, contactPoints, tags, customFields.with(key, value), territory, customerSince);
    }

    public NewContact withTerritory(TerritoryId newTerritory) {
        return new NewContact(name, owner, details, contactPoints, tags, customFields, newTerritory, customerSince);
    }

    public NewContact withCustomerSince(LocalDate date) {
        return new NewContact(name, owner, details, contactPoints, tags, customFields, territory, date);
    }
}
