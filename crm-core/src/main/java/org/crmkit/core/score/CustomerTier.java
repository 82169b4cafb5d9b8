package org.crmkit.core.score;

/**
 * Where a customer stands by the profit it brings in, as crm-analytics' profitability classifies it: key customers
 * earn at least the key threshold, small ones less but still a profit, unprofitable ones cost more than they bring.
 */
public enum CustomerTier {
    /** Profit at least the key threshold of the refresh that scored the customer. */
    KEY,
    /** A profit below the key threshold. */
    SMALL,
    /** A loss: revenue below the cost of goods and the cost to serve. */
    UNPROFITABLE
}
