package org.crmkit.core.party;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
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
public record NewContact(
        PersonName name,
        UserId owner,
        ContactDetails details,
        ContactPoints contactPoints,
        Tags tags,
        CustomFields customFields,
        TerritoryId territory,
        LocalDate customerSince,
        List<ExternalRef> externalRefs) {

    public NewContact {
        Require.notNull(name, "name");
        Require.notNull(owner, "owner");
        Require.notNull(details, "details");
        Require.notNull(contactPoints, "contactPoints");
        Require.notNull(tags, "tags");
        Require.notNull(customFields, "customFields");
        externalRefs = ExternalRef.distinct(externalRefs);
    }

    public static NewContact of(PersonName name, UserId owner) {
        return new NewContact(
                name,
                owner,
                ContactDetails.NONE,
                ContactPoints.NONE,
                Tags.NONE,
                CustomFields.NONE,
                null,
                null,
                List.of());
    }

    public NewContact withDetails(ContactDetails newDetails) {
        return new NewContact(
                name, owner, newDetails, contactPoints, tags, customFields, territory, customerSince, externalRefs);
    }

    public NewContact withEmail(EmailAddress email, ContactPointType type) {
        return new NewContact(
                name,
                owner,
                details,
                contactPoints.withEmail(email, type),
                tags,
                customFields,
                territory,
                customerSince,
                externalRefs);
    }

    public NewContact withPhone(PhoneNumber phone, ContactPointType type) {
        return new NewContact(
                name,
                owner,
                details,
                contactPoints.withPhone(phone, type),
                tags,
                customFields,
                territory,
                customerSince,
                externalRefs);
    }

    public NewContact withAddress(PostalAddress address, ContactPointType type) {
        return new NewContact(
                name,
                owner,
                details,
                contactPoints.withAddress(address, type),
                tags,
                customFields,
                territory,
                customerSince,
                externalRefs);
    }

    public NewContact withTag(String tag) {
        return new NewContact(
                name,
                owner,
                details,
                contactPoints,
                tags.with(tag),
                customFields,
                territory,
                customerSince,
                externalRefs);
    }

    public NewContact withCustomField(CustomFieldKey key, CustomFieldValue value) {
        return new NewContact(
                name,
                owner,
                details,
                contactPoints,
                tags,
                customFields.with(key, value),
                territory,
                customerSince,
                externalRefs);
    }

    public NewContact withTerritory(TerritoryId newTerritory) {
        return new NewContact(
                name, owner, details, contactPoints, tags, customFields, newTerritory, customerSince, externalRefs);
    }

    public NewContact withCustomerSince(LocalDate date) {
        return new NewContact(name, owner, details, contactPoints, tags, customFields, territory, date, externalRefs);
    }

    /** With a reference of another system; see {@link ExternalRef}. */
    public NewContact withExternalRef(ExternalRef ref) {
        return new NewContact(
                name,
                owner,
                details,
                contactPoints,
                tags,
                customFields,
                territory,
                customerSince,
                ExternalRef.adding(externalRefs, ref));
    }
}
