package org.crmkit.workflow.service;

import java.time.Duration;
import org.crmkit.core.common.Require;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CasePriority;

/**
 * A service-level policy as data: the cases it applies to (a priority, a category, both, or neither for every
 * case) and its first-response and resolution targets in business time: the working hours of business days of the
 * case's country in the customer's time zone. A warning goes out {@code warnBefore} (business time) before a target
 * is due. Time waiting on the customer does not count.
 *
 * <pre>{@code
 * SlaPolicy urgentBilling = SlaPolicy.of("urgent billing", Duration.ofHours(1), Duration.ofHours(8))
 *         .forPriority(CasePriority.URGENT)
 *         .forCategory(CaseCategory.of("billing"))
 *         .warningBefore(Duration.ofMinutes(15));
 * }</pre>
 *
 * @param priority null for every priority
 * @param category null for every category
 */
public record SlaPolicy(
        String name,
        CasePriority priority,
        CaseCategory category,
        Duration firstResponse,
        Duration resolution,
        Duration warnBefore) {

    public SlaPolicy {
        name = Require.maxLength(Require.notBlank(name, "name"), 100, "name");
        requirePositive(firstResponse, "firstResponse");
        requirePositive(resolution, "resolution");
        Require.that(
                resolution.compareTo(firstResponse) >= 0,
                "resolution",
                "must not be shorter than the first-response target " + firstResponse + ", was " + resolution);
        Require.notNull(warnBefore, "warnBefore");
        Require.that(!warnBefore.isNegative(), "warnBefore", "must not be negative, was " + warnBefore);
    }

    /** A policy for every case, warning an hour before a target. */
    public static SlaPolicy of(String name, Duration firstResponse, Duration resolution) {
        return new SlaPolicy(name, null, null, firstResponse, resolution, Duration.ofHours(1));
    }

    /** Four business hours to the first response, three business days of eight hours to the resolution. */
    public static SlaPolicy standard() {
        return of("standard", Duration.ofHours(4), Duration.ofHours(24));
    }

    public SlaPolicy forPriority(CasePriority priority) {
        return new SlaPolicy(
                name, Require.notNull(priority, "priority"), category, firstResponse, resolution, warnBefore);
    }

    public SlaPolicy forCategory(CaseCategory category) {
        return new SlaPolicy(
                name, priority, Require.notNull(category, "category"), firstResponse, resolution, warnBefore);
    }

    public SlaPolicy warningBefore(Duration warnBefore) {
        return new SlaPolicy(name, priority, category, firstResponse, resolution, warnBefore);
    }

    /** Whether the policy applies to a case of the priority and category. */
    public boolean appliesTo(CasePriority casePriority, CaseCategory caseCategory) {
        return (priority == null || priority == casePriority) && (category == null || category.equals(caseCategory));
    }

    /** 2 for priority and category, 1 for one of them, 0 for a policy of every case: the more specific wins. */
    int specificity() {
        return (priority == null ? 0 : 1) + (category == null ? 0 : 1);
    }

    Duration target(Milestone milestone) {
        return milestone == Milestone.FIRST_RESPONSE ? firstResponse : resolution;
    }

    private static void requirePositive(Duration duration, String field) {
        Require.notNull(duration, field);
        Require.that(!duration.isNegative() && !duration.isZero(), field, "must be positive, was " + duration);
    }
}
