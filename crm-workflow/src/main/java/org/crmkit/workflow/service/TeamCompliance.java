package org.crmkit.workflow.service;

import java.util.OptionalDouble;
import org.crmkit.core.common.Require;

/**
 * One team's service-level figures for a period: how many of its cases met or missed each milestone, and what their
 * customers answered in the survey. A milestone not reached yet counts as missed once its business time is used up.
 *
 * @param team          the team's name; {@code "(unassigned)"} for cases nobody works on, {@code "(no team)"} for
 *                      assignees in no team
 * @param csatSum       the sum of the CSAT answers, {@code csatAnswers} of them
 * @param promoters     NPS answers of 9 or 10
 * @param detractors    NPS answers of 0 to 6
 */
public record TeamCompliance(
        String team,
        int cases,
        int firstResponsesMet,
        int firstResponsesMissed,
        int resolutionsMet,
        int resolutionsMissed,
        int csatSum,
        int csatAnswers,
        int npsAnswers,
        int promoters,
        int detractors) {

    public TeamCompliance {
        Require.notBlank(team, "team");
    }

    /** Met milestones over met and missed ones, 0 to 1; empty while none was decided. */
    public OptionalDouble compliance() {
        int decided = firstResponsesMet + firstResponsesMissed + resolutionsMet + resolutionsMissed;
        return decided == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of((firstResponsesMet + resolutionsMet) / (double) decided);
    }

    public OptionalDouble averageCsat() {
        return csatAnswers == 0 ? OptionalDouble.empty() : OptionalDouble.of(csatSum / (double) csatAnswers);
    }

    /** Promoters minus detractors, in percent of the NPS answers (-100 to 100); empty without answers. */
    public OptionalDouble netPromoterScore() {
        return npsAnswers == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(100.0 * (promoters - detractors) / npsAnswers);
    }
}
