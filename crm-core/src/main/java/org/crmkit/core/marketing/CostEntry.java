package org.crmkit.core.marketing;

import java.time.Instant;
import java.time.LocalDate;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/** One cost of a campaign (a print run, an ad booking, a venue): positive amount, the day it was incurred. */
public record CostEntry(String description, Money amount, LocalDate incurredOn, Instant recordedAt) {

    public CostEntry {
        description = Require.maxLength(Require.notBlank(description, "description"), 200, "description");
        Require.notNull(amount, "amount");
        Require.that(amount.isPositive(), "amount", "must be positive, was " + amount);
        Require.notNull(incurredOn, "incurredOn");
        Require.notNull(recordedAt, "recordedAt");
    }
}
