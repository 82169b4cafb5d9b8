package org.crmkit.core.party;

import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Require;

/** An account being a subsidiary of {@code parent} for a period. */
public record ParentLink(AccountId parent, DateRange period) {

    public ParentLink {
        Require.notNull(parent, "parent");
        Require.notNull(period, "period");
    }
}
