package org.crmkit.core.lead;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.Require;

/**
 * A computed lead score: the points (0 or more), every contribution that makes them up in rule order (the points
 * of the contributions add up to {@code points} unless the sum was negative, in which case the score is 0), the
 * time of the last engagement the decay counted from (null: none, counted from capture), and the qualification
 * level the score reaches.
 */
public record LeadScore(
        int points, List<ScoreContribution> contributions, Instant lastEngagementAt, QualificationLevel level) {

    public LeadScore {
        Require.notNegative(points, "points");
        contributions = Require.noNulls(contributions, "contributions");
        Require.notNull(level, "level");
    }

    /** A score set by hand, with one contribution naming who or what set it. */
    public static LeadScore manual(int points, String setBy, QualificationLevel level) {
        return new LeadScore(points, List.of(new ScoreContribution("manual", points, "set by " + setBy)), null, level);
    }
}
