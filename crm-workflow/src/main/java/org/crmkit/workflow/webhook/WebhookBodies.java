package org.crmkit.workflow.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.RecordJson;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.feed.FeedItem;

/**
 * The event types and JSON bodies of webhooks, and which subscription wants which change (see {@link Webhooks} for
 * the body's form).
 */
final class WebhookBodies {

    private WebhookBodies() {}

    static String eventType(FeedItem item) {
        return item.recordType() + (item instanceof FeedItem.Changed ? ".changed" : ".removed");
    }

    /** Whether the subscription wants the change: its event type, and for a changed record its field values. */
    static boolean wants(WebhookSubscription subscription, FeedItem item) {
        if (!subscription.wantsEventType(eventType(item))) {
            return false;
        }
        if (!(item instanceof FeedItem.Changed changed)
                || subscription.fieldEquals().isEmpty()) {
            return true;
        }
        Record state = RecordJson.state(changed.record());
        return subscription.fieldEquals().entrySet().stream()
                .allMatch(condition -> RecordJson.field(state, condition.getKey())
                        .map(WebhookBodies::text)
                        .filter(condition.getValue()::equals)
                        .isPresent());
    }

    static String body(WebhookDeliveryId delivery, TenantId tenant, FeedItem item) {
        Map<String, Object> body = envelope(delivery, tenant, eventType(item), item.position(), item.recordId());
        if (item instanceof FeedItem.Changed changed) {
            body.put("record", changed.record());
        } else if (item instanceof FeedItem.Removed removed) {
            body.put("mergedInto", removed.mergedInto());
        }
        return RecordJson.write(body);
    }

    /** The body of a delivery whose record's person was erased: the envelope alone, marked erased. */
    static String erasedBody(WebhookDelivery delivery) {
        Map<String, Object> body = envelope(
                delivery.id(), delivery.tenant(), delivery.eventType(), delivery.position(), delivery.recordId());
        body.put("erased", true);
        return RecordJson.write(body);
    }

    private static Map<String, Object> envelope(
            WebhookDeliveryId delivery, TenantId tenant, String eventType, long position, UUID recordId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveryId", delivery);
        body.put("eventType", eventType);
        body.put("tenant", tenant);
        body.put("position", position);
        body.put("recordType", eventType.substring(0, eventType.indexOf('.')));
        body.put("recordId", recordId);
        return body;
    }

    /** A field's value as a filter compares it: ids as their UUID, enums by name, others as their text. */
    private static String text(Object value) {
        if (value instanceof Optional<?> optional) {
            return optional.map(WebhookBodies::text).orElse(null);
        } else if (value instanceof EntityId id) {
            return id.value().toString();
        } else if (value instanceof TenantId tenant) {
            return tenant.value();
        } else if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return Objects.toString(value, null);
    }
}
