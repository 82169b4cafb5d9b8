package org.crmkit.core.marketing;

import java.time.LocalDate;
import org.crmkit.core.common.Require;

/** The days a campaign runs, both inclusive; the end is not before the start. */
public record CampaignPeriod(LocalDate start, LocalDate end) {

    public CampaignPeriod {
        Require.notNull(start, "start");
        Require.notNull(end, "end");
        Require.that(!end.isBefore(start), "end", "must not be before the start " + start + ", was " + end);
    }

    public static CampaignPeriod of(LocalDate start, LocalDate end) {
        return new CampaignPeriod(start, end);
    }

    public boolean contains(LocalDate day) {
        Require.notNull(day, "day");
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
