package org.crmkit.workflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.InvalidValueException;
import org.junit.jupiter.api.Test;

class WebhookRetriesTest {

    private static final Instant FAILED = Instant.parse("2026-06-01T07:00:00Z");
    private static final WebhookDeliveryId DELIVERY =
            WebhookDeliveryId.of(UUID.fromString("018f0000-0000-7000-8000-000000000001"));

    @Test
    void withoutJitterTheDelaysDoubleUpToTheMaximumAndEndAfterTheLastAttempt() {
        WebhookRetries retries = new WebhookRetries(6, Duration.ofMinutes(1), Duration.ofMinutes(10), 0);

        assertThat(retries.retryAt(DELIVERY, 1, FAILED)).contains(FAILED.plus(Duration.ofMinutes(1)));
        assertThat(retries.retryAt(DELIVERY, 2, FAILED)).contains(FAILED.plus(Duration.ofMinutes(2)));
        assertThat(retries.retryAt(DELIVERY, 4, FAILED)).contains(FAILED.plus(Duration.ofMinutes(8)));
        assertThat(retries.retryAt(DELIVERY, 5, FAILED)).contains(FAILED.plus(Duration.ofMinutes(10)));
        assertThat(retries.retryAt(DELIVERY, 6, FAILED)).isEmpty();
    }

    @Test
    void jitterShortensEachDelayByAtMostItsShareSpreadOverDeliveriesAndTheSameOnEveryNode() {
        WebhookRetries retries = new WebhookRetries(10, Duration.ofMinutes(10), Duration.ofHours(6), 0.2);
        Set<Instant> times = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            WebhookDeliveryId delivery =
                    WebhookDeliveryId.of(new UUID(0x018f000000007000L + i, 0x8000000000000000L + i));
            Instant at = retries.retryAt(delivery, 3, FAILED).orElseThrow();
            assertThat(at).isBetween(FAILED.plus(Duration.ofMinutes(32)), FAILED.plus(Duration.ofMinutes(40)));
            assertThat(retries.retryAt(delivery, 3, FAILED)).contains(at);
            times.add(at);
        }
        assertThat(times).hasSizeGreaterThan(150);
    }

    @Test
    void aJitterAboveHalfTheDelayIsRefused() {
        assertThatThrownBy(() -> new WebhookRetries(3, Duration.ofMinutes(1), Duration.ofHours(1), 0.6))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("jitter"));
    }
}
