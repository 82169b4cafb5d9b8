package org.crmkit.workflow.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.RetryPolicy;

/**
 * When a failed webhook delivery is tried again: exponential backoff from {@code firstDelay}, doubling per failed
 * attempt up to {@code maxDelay} ({@link RetryPolicy#delayAfter}), shortened by a jitter of up to {@code jitter}
 * (0 to 0.5) of the delay, so that the retries of many deliveries that failed together (an endpoint that was down)
 * spread out instead of arriving at once. The jitter is drawn from the delivery's id and the attempt, so that every
 * node computes the same time and a test can predict it. After {@code maxAttempts} attempts the delivery becomes a
 * dead letter.
 */
public record WebhookRetries(int maxAttempts, Duration firstDelay, Duration maxDelay, double jitter) {

    public WebhookRetries {
        Require.that(jitter >= 0 && jitter <= 0.5, "jitter", "must be between 0 and 0.5, was " + jitter);
        // validates the attempts and delays
        new RetryPolicy(maxAttempts, firstDelay, maxDelay);
    }

    /** Ten attempts: 1 minute after the first failure, then 2, 4, ... up to 6 hours apart (about 8.5 hours in all). */
    public static WebhookRetries standard() {
        return new WebhookRetries(10, Duration.ofMinutes(1), Duration.ofHours(6), 0.2);
    }

    /**
     * When to try the delivery again after its failed attempt {@code failedAttempt} (1 for the first) at
     * {@code failedAt}: the backoff delay less its jitter; empty when it was the last attempt.
     */
    public Optional<Instant> retryAt(WebhookDeliveryId delivery, int failedAttempt, Instant failedAt) {
        Require.notNull(delivery, "delivery");
        Require.notNull(failedAt, "failedAt");
        RetryPolicy backoff = new RetryPolicy(maxAttempts, firstDelay, maxDelay);
        return backoff.retryAt(failedAttempt, failedAt).map(full -> {
            Duration delay = backoff.delayAfter(failedAttempt);
            long shortenedMillis = (long) (delay.toMillis() * jitter * fraction(delivery, failedAttempt));
            return full.minusMillis(shortenedMillis);
        });
    }

    /** A fraction in [0, 1) spread evenly over deliveries and attempts. */
    private static double fraction(WebhookDeliveryId delivery, int attempt) {
        long mixed = delivery.value().getMostSignificantBits() * 31
                ^ delivery.value().getLeastSignificantBits()
                ^ attempt * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 33;
        mixed *= 0xff51afd7ed558ccdL;
        mixed ^= mixed >>> 33;
        return (mixed >>> 11) / (double) (1L << 53);
    }
}
