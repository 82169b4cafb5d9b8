package org.crmkit.core.lead;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.crmkit.core.common.Require;

/**
 * How leads are scored: an ordered list of {@link ScoringRule}s, a half-life for decay, and the thresholds into the
 * {@link QualificationLevel}s. Immutable and thread-safe; configure it once on the {@code Crm} builder.
 *
 * <p>The score is the sum of every applying rule's points, then decayed: halved for every {@code halfLife} since the
 * last engagement (or since capture, when there was none), rounded half-up to whole points, and never below 0. The
 * decay is a contribution line of its own, so the explanation always adds up. The same inputs and the same time
 * give the same score.
 */
public record LeadScoringModel(
        List<ScoringRule> rules, Duration halfLife, Integer marketingQualifiedAt, Integer salesQualifiedAt) {

    /** No rules, no decay, no thresholds: every lead scores 0 and stays unqualified. */
    public static final LeadScoringModel NONE = new LeadScoringModel(List.of(), null, null, null);

    /**
     * @param halfLife             null: no decay; else positive
     * @param marketingQualifiedAt score from which a lead is marketing-qualified, null: never
     * @param salesQualifiedAt     score from which a lead is sales-qualified (not below the marketing threshold), null: never
     */
    public LeadScoringModel {
        rules = Require.noNulls(rules, "rules");
        Require.that(
                halfLife == null || (!halfLife.isNegative() && !halfLife.isZero()),
                "halfLife",
                "must be positive, was " + halfLife);
        Require.that(
                marketingQualifiedAt == null || marketingQualifiedAt > 0,
                "marketingQualifiedAt",
                "must be positive, was " + marketingQualifiedAt);
        Require.that(
                salesQualifiedAt == null || salesQualifiedAt > 0,
                "salesQualifiedAt",
                "must be positive, was " + salesQualifiedAt);
        Require.that(
                marketingQualifiedAt == null || salesQualifiedAt == null || salesQualifiedAt >= marketingQualifiedAt,
                "salesQualifiedAt",
                "must not be below marketingQualifiedAt " + marketingQualifiedAt);
    }

    /** Scores a lead as of {@code asOf}. */
    public LeadScore score(
            LeadDetails details, LeadSource source, List<Engagement> engagements, Instant capturedAt, Instant asOf) {
        Require.notNull(details, "details");
        Require.notNull(source, "source");
        List<Engagement> checked = Require.noNulls(engagements, "engagements");
        Require.notNull(capturedAt, "capturedAt");
        Require.notNull(asOf, "asOf");
        List<ScoreContribution> contributions = new ArrayList<>();
        long raw = 0;
        for (ScoringRule rule : rules) {
            var contribution = rule.apply(details, source, checked);
            if (contribution.isPresent()) {
                contributions.add(contribution.get());
                raw += contribution.get().points();
            }
        }
        Instant lastEngagement = checked.stream()
                .map(Engagement::at)
                .filter(at -> !at.isAfter(asOf))
                .max(Comparator.naturalOrder())
                .orElse(null);
        long total = raw;
        if (halfLife != null && raw > 0) {
            Instant since = lastEngagement == null ? capturedAt : lastEngagement;
            Duration quiet = since.isBefore(asOf) ? Duration.between(since, asOf) : Duration.ZERO;
            double halfLives = (double) quiet.toSeconds() / halfLife.toSeconds();
            long decayed = BigDecimal.valueOf(raw * StrictMath.pow(0.5, halfLives))
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact();
            if (decayed != raw) {
                contributions.add(new ScoreContribution(
                        "decay",
                        (int) (decayed - raw),
                        days(quiet.toDays()) + " since the last engagement, half-life " + days(halfLife.toDays())));
            }
            total = decayed;
        }
        int points = (int) Math.max(0, Math.min(total, Integer.MAX_VALUE));
        return new LeadScore(points, contributions, lastEngagement, levelOf(points));
    }

    /** The qualification level a score reaches. */
    public QualificationLevel levelOf(int points) {
        if (salesQualifiedAt != null && points >= salesQualifiedAt) {
            return QualificationLevel.SALES_QUALIFIED;
        }
        if (marketingQualifiedAt != null && points >= marketingQualifiedAt) {
            return QualificationLevel.MARKETING_QUALIFIED;
        }
        return QualificationLevel.UNQUALIFIED;
    }

    /** "1 day", "30 days". */
    private static String days(long count) {
        return count + (count == 1 ? " day" : " days");
    }
}
