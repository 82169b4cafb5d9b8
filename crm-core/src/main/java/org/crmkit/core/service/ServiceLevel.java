package org.crmkit.core.service;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.crmkit.core.common.Require;

/**
 * The service-level policy: first-response and resolution targets per priority, measured in calendar time from
 * the moment a case is opened. Immutable and thread-safe.
 *
 * <pre>{@code
 * ServiceLevel sla = ServiceLevel.standard()
 *         .with(CasePriority.URGENT, Duration.ofMinutes(30), Duration.ofHours(4));
 * }</pre>
 */
public final class ServiceLevel {

    private final Map<CasePriority, ServiceTargets> targets;

    private ServiceLevel(Map<CasePriority, ServiceTargets> targets) {
        this.targets = Map.copyOf(targets);
    }

    /**
     * The default policy: urgent 1 h / 8 h, high 4 h / 1 day, normal 8 h / 3 days, low 1 day / 7 days
     * (first response / resolution).
     */
    public static ServiceLevel standard() {
        Map<CasePriority, ServiceTargets> targets = new EnumMap<>(CasePriority.class);
        targets.put(CasePriority.URGENT, ServiceTargets.of(Duration.ofHours(1), Duration.ofHours(8)));
        targets.put(CasePriority.HIGH, ServiceTargets.of(Duration.ofHours(4), Duration.ofDays(1)));
        targets.put(CasePriority.NORMAL, ServiceTargets.of(Duration.ofHours(8), Duration.ofDays(3)));
        targets.put(CasePriority.LOW, ServiceTargets.of(Duration.ofDays(1), Duration.ofDays(7)));
        return new ServiceLevel(targets);
    }

    /** A policy with the given targets; every priority must have one (field {@code targets}). */
    public static ServiceLevel of(Map<CasePriority, ServiceTargets> targets) {
        Require.notNull(targets, "targets");
        for (CasePriority priority : CasePriority.values()) {
            Require.notNull(targets.get(priority), "targets." + priority);
        }
        return new ServiceLevel(targets);
    }

    /** A copy of this policy with other targets for one priority. */
    public ServiceLevel with(CasePriority priority, Duration firstResponse, Duration resolution) {
        Map<CasePriority, ServiceTargets> copy = new EnumMap<>(targets);
        copy.put(Require.notNull(priority, "priority"), ServiceTargets.of(firstResponse, resolution));
        return new ServiceLevel(copy);
    }

    public ServiceTargets targetsFor(CasePriority priority) {
        return targets.get(Require.notNull(priority, "priority"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceLevel other && other.targets.equals(targets);
    }

    @Override
    public int hashCode() {
        return targets.hashCode();
    }

    @Override
    public String toString() {
        return "ServiceLevel" + new EnumMap<>(targets);
    }
}
