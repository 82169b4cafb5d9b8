package org.crmkit.workflow.dunning;

import java.math.BigDecimal;

/**
 * The statutory rate of interest on late payment, as points above the reference rate, and whether the flat
 * compensation for recovery costs (EUR 40 per invoice) is granted.
 */
public enum InterestMode {
    /** Business to business under Germany's BGB section 288 (2) and (5): reference rate + 9 points, EUR 40 flat. */
    B2B_GERMANY(new BigDecimal("9"), true),
    /** Business to business under EU directive 2011/7/EU, articles 2 (6) and 6: reference rate + 8 points, EUR 40 flat. */
    B2B_EU_DIRECTIVE(new BigDecimal("8"), true),
    /** Consumers (BGB section 288 (1)): reference rate + 5 points, no flat compensation. */
    CONSUMER(new BigDecimal("5"), false);

    private final BigDecimal pointsAboveReference;
    private final boolean flatCompensation;

    InterestMode(BigDecimal pointsAboveReference, boolean flatCompensation) {
        this.pointsAboveReference = pointsAboveReference;
        this.flatCompensation = flatCompensation;
    }

    public BigDecimal pointsAboveReference() {
        return pointsAboveReference;
    }

    /** Whether the law grants the flat compensation for recovery costs. */
    public boolean grantsFlatCompensation() {
        return flatCompensation;
    }
}
