package org.crmkit.core.lead;

/**
 * How far a lead's score has come, from least to most qualified: the thresholds of the {@link LeadScoringModel}
 * decide. Independent of the {@link LeadStatus}, which people move.
 */
public enum QualificationLevel {
    UNQUALIFIED,
    MARKETING_QUALIFIED,
    SALES_QUALIFIED
}
