package org.crmkit.core.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;

/**
 * Everything a storage adapter keeps of an {@link Account}. {@code territory}, {@code customerSince} and
 * {@code creditHold} may be null; {@code parents} holds every parent link, oldest first; {@code externalRefs} the
 * account's references in other systems (null reads as none).
 */
public record AccountState(
        TenantId tenant,
        AccountId id,
        long version,
        String name,
        AccountDetails details,
        ContactPoints contactPoints,
        Tags tags,
        CustomFields customFields,
        UserId owner,
        TerritoryId territory,
        LocalDate customerSince,
        List<ParentLink> parents,
        CreditHold creditHold,
        Instant registeredAt,
        List<ExternalRef> externalRefs)
        implements AggregateState<AccountState> {

    public AccountState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(name, "name");
        Require.notNull(details, "details");
        Require.notNull(contactPoints, "contactPoints");
        Require.notNull(tags, "tags");
        Require.notNull(customFields, "customFields");
        Require.notNull(owner, "owner");
        Require.notNull(registeredAt, "registeredAt");
        parents = Require.noNulls(parents, "parents");
        externalRefs = ExternalRef.distinct(externalRefs);
    }

    @Override
    public AccountState withVersion(long newVersion) {
        return new AccountState(
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
                parents,
                creditHold,
                registeredAt,
                externalRefs);
    }
}
