package org.crmkit.persistence.jpa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentMatch;
import org.crmkit.core.marketing.SegmentRule;

/**
 * A segment rule as a JPQL condition on a party's row {@code r}: what the columns and lookup keys answer, tags
 * (lookup keys {@code <party>.tag}, where the party has them), the owner and the territory, and the criteria on the
 * customer score (tier, RFM segment, lifetime value, churn risk) as a subquery on the party's row of
 * {@code crm_customer_score}. A consent or custom-field
 * criterion lives only in the JSON document, so the condition leaves it out ("any row"): "all of" keeps the other
 * criteria, "any of" with such an alternative keeps no condition at all. The condition then selects a superset of the
 * matches, and {@code exact} says whether it selects exactly them; when not, the caller tests the rule on the rows.
 *
 * <p>When every match must have a tag ("all of" with a tag criterion), {@code drivingTag} is one such tag: a page
 * then reads that tag's lookup keys in record order from the cursor on and only their rows, rather than the party's
 * rows in id order until enough of them have the tag (which reads a hundred rows per match of a tag one in a hundred
 * has).
 */
record SegmentCondition(
        String condition, Map<String, Object> parameters, boolean exact, String tagKey, String drivingTag) {

    /**
     * The condition of the rule; {@code tagKey} names the tags' lookup key, null when the party's tags have none;
     * {@code customerType} is the parties' type among the customer scores.
     */
    static SegmentCondition of(SegmentRule rule, String tagKey, RecordType customerType) {
        SegmentCriterion.HasTags tagged = tagKey == null || rule.match() != SegmentMatch.ALL
                ? null
                : rule.criteria().stream()
                        .filter(SegmentCriterion.HasTags.class::isInstance)
                        .map(SegmentCriterion.HasTags.class::cast)
                        .findFirst()
                        .orElse(null);
        String drivingTag = tagged == null ? null : tagged.tags().iterator().next();
        // the driving tag's keys are joined, so the condition leaves that tag out: the database then reads the
        // keys in order instead of matching every one of them against the page
        List<SegmentCriterion> criteria = new ArrayList<>(rule.criteria());
        if (tagged != null) {
            criteria.remove(tagged);
            Set<String> others = new HashSet<>(tagged.tags());
            others.remove(drivingTag);
            if (!others.isEmpty()) {
                criteria.add(new SegmentCriterion.HasTags(others));
            }
        }
        Translation translation = new Translation(tagKey, customerType);
        String condition = translation.criteria(rule.match(), criteria);
        return new SegmentCondition(
                condition == null ? "1 = 1" : condition,
                Map.copyOf(translation.parameters),
                translation.exact,
                tagKey,
                drivingTag);
    }

    /** The rows after the cursor (null: from the first) that meet this condition, in id order. */
    RowQuery after(EntityId after) {
        if (drivingTag == null) {
            RowQuery all = after == null
                    ? RowQuery.all()
                    : RowQuery.where("r.id > :after").bind("after", after.value());
            return narrow(all.orderBy("r.id"));
        }
        RowQuery keys = new RowQuery(
                ", LookupRow d",
                "d.tenantId = r.tenantId and d.recordId = r.id and d.name = :drivingKey and d.value = :drivingTag"
                        + (after == null ? "" : " and d.recordId > :after"),
                Map.of("drivingKey", tagKey, "drivingTag", drivingTag),
                "d.recordId",
                null);
        return narrow(after == null ? keys : keys.bind("after", after.value()));
    }

    /** The rows of the query that also meet this condition, its parameters bound. */
    private RowQuery narrow(RowQuery query) {
        RowQuery narrowed = query.and(condition);
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            narrowed = narrowed.bind(parameter.getKey(), parameter.getValue());
        }
        return narrowed;
    }

    /** Writes one rule's condition; null stands for "any row" (a criterion the columns cannot answer). */
    private static final class Translation {

        private static final String PARAMETER = "segment";

        private final String tagKey;
        private final RecordType customerType;
        private final Map<String, Object> parameters = new LinkedHashMap<>();
        private boolean exact = true;

        Translation(String tagKey, RecordType customerType) {
            this.tagKey = tagKey;
            this.customerType = customerType;
        }

        /** The condition of criteria combined as {@code match} says; null for "any row" (also when there are none). */
        String criteria(SegmentMatch match, List<SegmentCriterion> criteria) {
            int boundBefore = parameters.size();
            List<String> parts = new ArrayList<>();
            for (SegmentCriterion criterion : criteria) {
                String part = criterion(criterion);
                if (part == null && match == SegmentMatch.ANY) {
                    // the alternatives written so far are not part of the condition, nor their parameters
                    parameters.keySet().removeIf(name -> index(name) >= boundBefore);
                    return null;
                }
                if (part != null) {
                    parts.add("(" + part + ")");
                }
            }
            if (parts.isEmpty()) {
                return null;
            }
            return String.join(match == SegmentMatch.ALL ? " and " : " or ", parts);
        }

        private String criterion(SegmentCriterion criterion) {
            if (criterion instanceof SegmentCriterion.Nested nested) {
                return criteria(nested.rule().match(), nested.rule().criteria());
            }
            if (criterion instanceof SegmentCriterion.OwnedBy owned) {
                return "r.ownerId = :" + bind(owned.owner().value());
            }
            if (criterion instanceof SegmentCriterion.InTerritory territory) {
                return "r.territoryId = :" + bind(territory.territory().value());
            }
            if (criterion instanceof SegmentCriterion.HasTags tags && tagKey != null) {
                List<String> each = new ArrayList<>();
                for (String tag : tags.tags()) {
                    each.add("r.id in (select k.recordId from LookupRow k where k.tenantId = :tenant and k.name = :"
                            + bind(tagKey) + " and k.value = :" + bind(tag) + ")");
                }
                return String.join(" and ", each);
            }
            if (criterion.readsScore()) {
                return "exists (select s.id from CustomerScoreRow s where s.tenantId = r.tenantId and s.id = r.id"
                        + " and s.customerType = :" + bind(customerType.name()) + " and " + score(criterion) + ")";
            }
            exact = false;
            return null;
        }

        /** The condition on the score {@code s} of a criterion on scores, as the criterion tests a score. */
        private String score(SegmentCriterion criterion) {
            if (criterion instanceof SegmentCriterion.InTier tier) {
                return "s.tier = :" + bind(tier.tier().name());
            }
            if (criterion instanceof SegmentCriterion.InRfmSegment segment) {
                return "s.rfmSegment = :" + bind(segment.rfmSegment());
            }
            if (criterion instanceof SegmentCriterion.LifetimeValue value) {
                return "s.currency = :" + bind(value.value().currencyCode()) + " and s.lifetimeValue "
                        + comparison(value.comparison()) + " :"
                        + bind(value.value().amount());
            }
            SegmentCriterion.ChurnRisk churn = (SegmentCriterion.ChurnRisk) criterion;
            // the same arithmetic as CustomerScore.Prediction.churnProbability, in double precision
            return "s.probabilityAlive is not null and 1 - s.probabilityAlive " + comparison(churn.comparison()) + " :"
                    + bind(churn.risk());
        }

        private static String comparison(SegmentCriterion.Comparison comparison) {
            return comparison == SegmentCriterion.Comparison.GREATER_THAN ? ">" : "<";
        }

        private String bind(Object value) {
            String name = PARAMETER + parameters.size();
            parameters.put(name, value);
            return name;
        }

        private static int index(String parameter) {
            return Integer.parseInt(parameter.substring(PARAMETER.length()));
        }
    }
}
