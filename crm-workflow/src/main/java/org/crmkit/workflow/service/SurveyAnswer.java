package org.crmkit.workflow.service;

import java.time.Instant;
import org.crmkit.core.common.Require;

/**
 * A customer's answer to the satisfaction survey after a case was resolved: customer satisfaction (CSAT, 1 to 5)
 * and net promoter score (NPS, "how likely are you to recommend us", 0 to 10); either may be left out, not both.
 *
 * @param comment optional, at most 2,000 characters
 */
public record SurveyAnswer(Integer csat, Integer nps, String comment, Instant answeredAt) {

    public SurveyAnswer {
        Require.that(csat != null || nps != null, "survey", "needs a CSAT or an NPS answer");
        Require.that(csat == null || (csat >= 1 && csat <= 5), "csat", "must be 1 to 5, was " + csat);
        Require.that(nps == null || (nps >= 0 && nps <= 10), "nps", "must be 0 to 10, was " + nps);
        comment = Require.maxLength(Require.optional(comment), 2_000, "comment");
        Require.notNull(answeredAt, "answeredAt");
    }

    /** A promoter answers 9 or 10, a detractor 0 to 6. */
    public boolean promoter() {
        return nps != null && nps >= 9;
    }

    public boolean detractor() {
        return nps != null && nps <= 6;
    }
}
