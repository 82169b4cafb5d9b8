package org.crmkit.workflow.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.common.CountryCode;
import org.crmkit.core.common.Require;

/**
 * A case's service-level clock: the policy it runs under, the country whose business days and the customer time
 * zone whose working hours it counts, the business time consumed before {@code runningSince}, and its milestones.
 * The clock runs while the case is worked and stops while it waits on the customer ({@code runningSince} null).
 *
 * @param zone the customer's time zone id, e.g. {@code Europe/Warsaw}
 */
public record SlaClock(
        String policy,
        CountryCode country,
        String zone,
        Duration warnBefore,
        Duration consumed,
        Instant runningSince,
        List<SlaTarget> targets) {

    public SlaClock {
        Require.notBlank(policy, "policy");
        Require.notNull(country, "country");
        Require.notBlank(zone, "zone");
        Require.notNull(warnBefore, "warnBefore");
        Require.notNull(consumed, "consumed");
        targets = Require.noNulls(targets, "targets");
    }

    /** Whether the clock stands still because the case waits on the customer (or is resolved). */
    public boolean paused() {
        return runningSince == null;
    }

    /** The milestone's state. */
    public SlaTarget target(Milestone milestone) {
        return targets.stream()
                .filter(target -> target.milestone() == milestone)
                .findFirst()
                .orElseThrow();
    }

    /** The next time the clock needs looking at: a warning or a breach not yet handled; empty when none. */
    public Optional<Instant> nextCheckAt() {
        return targets.stream()
                .flatMap(target -> java.util.stream.Stream.of(
                        target.warned() ? null : target.warnAt(), target.escalated() ? null : target.dueAt()))
                .filter(Objects::nonNull)
                .min(Instant::compareTo);
    }

    SlaClock with(Duration newConsumed, Instant newRunningSince, List<SlaTarget> newTargets) {
        return new SlaClock(policy, country, zone, warnBefore, newConsumed, newRunningSince, newTargets);
    }
}
