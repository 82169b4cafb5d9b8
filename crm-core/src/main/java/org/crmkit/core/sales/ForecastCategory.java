package org.crmkit.core.sales;

/** How an opportunity in a stage counts in a forecast, from least to most certain; closed deals count as CLOSED. */
public enum ForecastCategory {
    OMITTED,
    PIPELINE,
    BEST_CASE,
    COMMIT,
    CLOSED
}
