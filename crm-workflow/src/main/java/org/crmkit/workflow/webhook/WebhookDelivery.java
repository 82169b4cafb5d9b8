package org.crmkit.workflow.webhook;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * One change on its way to one subscription: the signed body is made once, when the change is read from the feed,
 * and sent as it is on every attempt (with a fresh signature timestamp). A subscription's deliveries go out in the
 * order of their feed position; a pending one holds back the later ones until it is delivered or becomes a dead
 * letter. Immutable; the store keeps a changed copy with the next {@code version}.
 *
 * @param position      the change's position in the tenant's change feed: the order of the subscription's deliveries
 * @param body          the JSON body as posted (see {@link Webhooks}), byte for byte what is signed
 * @param attempts      attempts made so far
 * @param nextAttemptAt when the next attempt is due (while pending)
 * @param lastError     what the last failed attempt got (an HTTP status, a timeout), null when none failed
 * @param finishedAt    when it was delivered or became a dead letter; null while pending
 */
public record WebhookDelivery(
        TenantId tenant,
        WebhookDeliveryId id,
        WebhookSubscriptionId subscription,
        long position,
        String eventType,
        UUID recordId,
        String body,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant finishedAt,
        long version) {

    public WebhookDelivery {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(subscription, "subscription");
        Require.that(position > 0, "position", "must be positive, was " + position);
        Require.notBlank(eventType, "eventType");
        Require.notNull(recordId, "recordId");
        Require.notBlank(body, "body");
        Require.notNull(status, "status");
        Require.notNegative(attempts, "attempts");
        Require.notNull(nextAttemptAt, "nextAttemptAt");
        Require.notNull(createdAt, "createdAt");
        Require.notNegative(version, "version");
    }

    /** A new pending delivery, due at once (version 0, not stored yet). */
    public static WebhookDelivery pending(
            TenantId tenant,
            WebhookDeliveryId id,
            WebhookSubscriptionId subscription,
            long position,
            String eventType,
            UUID recordId,
            String body,
            Instant now) {
        return new WebhookDelivery(
                tenant,
                id,
                subscription,
                position,
                eventType,
                recordId,
                body,
                DeliveryStatus.PENDING,
                0,
                now,
                null,
                now,
                null,
                0);
    }

    public boolean isPending() {
        return status == DeliveryStatus.PENDING;
    }

    public WebhookDelivery delivered(Instant at) {
        return copy(body, DeliveryStatus.DELIVERED, attempts + 1, nextAttemptAt, lastError, at, version);
    }

    /**
     * One more failed attempt: pending again from {@code retryAt}, or a dead letter when {@code retryAt} is null
     * (that was the last attempt).
     */
    public WebhookDelivery attemptFailed(String error, Instant at, Instant retryAt) {
        Require.notBlank(error, "error");
        String shortened = error.length() > 1000 ? error.substring(0, 1000) : error;
        return retryAt == null
                ? copy(body, DeliveryStatus.DEAD_LETTER, attempts + 1, nextAttemptAt, shortened, at, version)
                : copy(body, DeliveryStatus.PENDING, attempts + 1, retryAt, shortened, null, version);
    }

    /** A dead letter sent again: pending, due at {@code at}, with a fresh count of attempts. */
    public WebhookDelivery redriven(Instant at) {
        return copy(body, DeliveryStatus.PENDING, 0, at, lastError, null, version);
    }

    /** This delivery with another body (an erasure's); status and attempts stay. */
    public WebhookDelivery withBody(String body) {
        return copy(body, status, attempts, nextAttemptAt, lastError, finishedAt, version);
    }

    /** A copy with another version; only stores call this. */
    public WebhookDelivery withVersion(long version) {
        return copy(body, status, attempts, nextAttemptAt, lastError, finishedAt, version);
    }

    private WebhookDelivery copy(
            String body,
            DeliveryStatus status,
            int attempts,
            Instant nextAttemptAt,
            String lastError,
            Instant finishedAt,
            long version) {
        return new WebhookDelivery(
                tenant,
                id,
                subscription,
                position,
                eventType,
                recordId,
                body,
                status,
                attempts,
                nextAttemptAt,
                lastError,
                createdAt,
                finishedAt,
                version);
    }
}
