package org.crmkit.core.sales;

/** The part a contact plays in a deal's buying decision. */
public enum BuyingRole {
    DECISION_MAKER,
    ECONOMIC_BUYER,
    CHAMPION,
    INFLUENCER,
    TECHNICAL_EVALUATOR,
    END_USER,
    BLOCKER,
    OTHER
}
