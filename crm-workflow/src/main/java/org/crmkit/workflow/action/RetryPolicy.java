package org.crmkit.workflow.action;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.common.Require;

/**
 * How often and how soon a failed delivery is tried again: exponential backoff from {@code firstDelay}, doubling
 * per attempt up to {@code maxDelay}, and no more than {@code maxAttempts} attempts in all; after the last one the
 * action is {@link ActionStatus#FAILED}.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

    public RetryPolicy {
        Require.positive(maxAttempts, "maxAttempts");
        Require.notNull(firstDelay, "firstDelay");
        Require.that(
                !firstDelay.isNegative() && !firstDelay.isZero(), "firstDelay", "must be positive, was " + firstDelay);
        Require.notNull(maxDelay, "maxDelay");
        Require.that(
                maxDelay.compareTo(firstDelay) >= 0,
                "maxDelay",
                "must not be shorter than firstDelay " + firstDelay + ", was " + maxDelay);
    }

    /** Five attempts, one minute after the first failure, then 2, 4 and 8 minutes; never more than an hour apart. */
    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofHours(1));
    }

    public static RetryPolicy exponential(int maxAttempts, Duration firstDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, firstDelay, maxDelay);
    }

    /** The delay after the given failed attempt (1 for the first): firstDelay × 2^(attempt−1), capped at maxDelay. */
    public Duration delayAfter(int failedAttempt) {
        Require.positive(failedAttempt, "failedAttempt");
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** When to try again after the given failed attempt at {@code failedAt}; empty when it was the last attempt. */
    public Optional<Instant> retryAt(int failedAttempt, Instant failedAt) {
        return failedAttempt >= maxAttempts ? Optional.empty() : Optional.of(failedAt.plus(delayAfter(failedAttempt)));
    }
}
