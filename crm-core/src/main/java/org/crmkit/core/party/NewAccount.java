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
 * What is known about an account when it is registered. Start with {@link #of} and add what is known.
 * The name is trimmed, at most 200 characters; {@code territory} and {@code customerSince} may be null.
 */
public record NewAccount(
        String name,
        UserId owner,
        AccountDetails details,
        ContactPoints contactPoints,
        Tags tags,
        CustomFields customFields,
        TerritoryId territory,
        LocalDate customerSince,
        List<ExternalRef> externalRefs) {

    public NewAccount {
        name = Account.validName(name);
        Require.notNull(owner, "owner");
        Require.notNull(details, "details");
        Require.notNull(contactPoints, "contactPoints");
        Require.notNull(tags, "tags");
        Require.notNull(customFields, "customFields");
        externalRefs = ExternalRef.distinct(externalRefs);
    }

    public static NewAccount of(String name, UserId owner) {
        return new NewAccount(
                name,
                owner,
                AccountDetails.NONE,
                ContactPoints.NONE,
                Tags.NONE,
                CustomFields.NONE,
                null,
                null,
                List.of());
    }

    public NewAccount withDetails(AccountDetails newDetails) {
        return new NewAccount(
                name, owner, newDetails, contactPoints, tags, customFields, territory, customerSince, externalRefs);
    }

    public NewAccount withEmail(EmailAddress email, ContactPointType type) {
        return new NewAccount(
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

    public NewAccount withPhone(PhoneNumber phone, ContactPointType type) {
        return new NewAccount(
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

    public NewAccount withAddress(PostalAddress address, ContactPointType type) {
        return new NewAccount(
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

    public NewAccount withTag(String tag) {
        return new NewAccount(
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

    public NewAccount withCustomField(CustomFieldKey key, CustomFieldValue value) {
        return new NewAccount(
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

    public NewAccount withTerritory(TerritoryId newTerritory) {
        return new NewAccount(
                name, owner, details, contactPoints, tags, customFields, newTerritory, customerSince, externalRefs);
    }

    public NewAccount withCustomerSince(LocalDate date) {
        return new NewAccount(name, owner, details, contactPoints, tags, customFields, territory, date, externalRefs);
    }

    /** With a reference of another system; see {@link ExternalRef}. */
    public NewAccount withExternalRef(ExternalRef ref) {
        return new NewAccount(
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
