package org.crmkit.core.sales;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/** The deals of one forecast category: how many, their amount and their weighted amount. */
public record CategoryTotal(long deals, Money amount, Money weighted) {

    public CategoryTotal {
        Require.notNegative(deals, "deals");
        Require.notNull(amount, "amount");
        Require.notNull(weighted, "weighted");
    }
}
