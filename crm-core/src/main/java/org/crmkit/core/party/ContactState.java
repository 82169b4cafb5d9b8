package org.crmkit.core.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * Everything a storage adapter keeps of a {@link Contact}. {@code territory} and {@code customerSince} may be
 * null; {@code consents} is the full consent history, oldest first; {@code externalRefs} the contact's references
 * in other systems (null reads as none).
 */
public record ContactState(
        TenantId tenant,
        ContactId id,
        long version,
        PersonName name,
        ContactDetails details,
        ContactPoints contactPoints,
        Tags tags,
        CustomFields customFields,
        UserId owner,
        TerritoryId territory,
        LocalDate customerSince,
        List<Consent> consents,
        List<Affiliation> affiliations,
        Instant registeredAt,
        List<ExternalRef> externalRefs)
        implements AggregateState<ContactState> {

    public ContactState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(name, "name");
        Require.notNull(details, "details");
        Require.notNull(contactPoints, "contactPoints");
        Require.notNull(tags, "tags");
        Require.notNull(customFields, "customFields");
        Require.notNull(owner, "owner");
        Require.notNull(registeredAt, "registeredAt");
        consents = Require.noNulls(consents, "consents");
        affiliations = Require.noNulls(affiliations, "affiliations");
        externalRefs = ExternalRef.distinct(externalRefs);
    }

    @Override
    public ContactState withVersion(long newVersion) {
        return new ContactState(
                tenant,
                id,
                newVersion,
                name,
                details,
                contactPoints,
                tags,
                customFields,
                owner,
                territory,
                customerSince,
                consents,
                affiliations,
                registeredAt,
                externalRefs);
    }
}
