package org.crmkit.analytics;

import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.Require;

/**
 * Names a segment for every (recency score, frequency score) cell of an RFM grid with scores 1..q. Rules are
 * rectangles of the grid; the first rule that holds a cell names it, and every cell must be named. Immutable.
 */
public final class SegmentMap {

    private record Rule(String name, int recencyFrom, int recencyTo, int frequencyFrom, int frequencyTo) {
        boolean holds(int r, int f) {
            return r >= recencyFrom && r <= recencyTo && f >= frequencyFrom && f <= frequencyTo;
        }
    }

    private final int scores;
    private final List<Rule> rules;

    private SegmentMap(int scores, List<Rule> rules) {
        this.scores = scores;
        this.rules = List.copyOf(rules);
        for (int r = 1; r <= scores; r++) {
            for (int f = 1; f <= scores; f++) {
                segmentOf(r, f);
            }
        }
    }

    /**
     * The usual eleven segments on a 5 x 5 grid (R = rows, F = columns):
     * <pre>
     * R5: new | potential loyalists x2 | champions x2
     * R4: promising | potential loyalists x2 | loyal x2
     * R3: about to sleep x2 | need attention | loyal x2
     * R2: hibernating x2 | at risk x3
     * R1: lost x2 | at risk x2 | can't lose
     * </pre>
     */
    public static SegmentMap standard() {
        return builder(5)
                .segment("champions", 5, 5, 4, 5)
                .segment("loyal", 3, 4, 4, 5)
                .segment("potential loyalists", 4, 5, 2, 3)
                .segment("new", 5, 5, 1, 1)
                .segment("promising", 4, 4, 1, 1)
                .segment("need attention", 3, 3, 3, 3)
                .segment("about to sleep", 3, 3, 1, 2)
                .segment("can't lose", 1, 1, 5, 5)
                .segment("at risk", 1, 2, 3, 5)
                .segment("hibernating", 2, 2, 1, 2)
                .segment("lost", 1, 1, 1, 2)
                .build();
    }

    /** A builder for a grid of scores 1..{@code scores}. */
    public static Builder builder(int scores) {
        return new Builder(scores);
    }

    /** Number of score levels q. */
    public int scores() {
        return scores;
    }

    /** The segment of a cell. */
    public String segmentOf(int recencyScore, int frequencyScore) {
        for (Rule rule : rules) {
            if (rule.holds(recencyScore, frequencyScore)) {
                return rule.name();
            }
        }
        throw AnalyticsException.invalidArgument(
                "segments", "no segment holds R=" + recencyScore + ", F=" + frequencyScore);
    }

    /** Collects rules in order. */
    public static final class Builder {
        private final int scores;
        private final List<Rule> rules = new ArrayList<>();

        private Builder(int scores) {
            if (scores < 2) {
                throw AnalyticsException.invalidArgument("scores", "must be at least 2, was " + scores);
            }
            this.scores = scores;
        }

        /** Names the cells with recency score in [recencyFrom, recencyTo] and frequency in [frequencyFrom, frequencyTo]. */
        public Builder segment(String name, int recencyFrom, int recencyTo, int frequencyFrom, int frequencyTo) {
            Require.notNull(name, "name");
            if (recencyFrom < 1
                    || recencyTo > scores
                    || recencyFrom > recencyTo
                    || frequencyFrom < 1
                    || frequencyTo > scores
                    || frequencyFrom > frequencyTo) {
                throw AnalyticsException.invalidArgument("segments", "rule '" + name + "' is outside 1.." + scores);
            }
            rules.add(new Rule(name, recencyFrom, recencyTo, frequencyFrom, frequencyTo));
            return this;
        }

        /** Builds the map; refuses a grid with an unnamed cell. */
        public SegmentMap build() {
            return new SegmentMap(scores, rules);
        }
    }
}
