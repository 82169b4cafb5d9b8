package org.crmkit.workflow.webhook;

import java.util.UUID;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;

/** Id of one delivery of a webhook: the id its receiver drops repeats by. */
public record WebhookDeliveryId(UUID value) implements EntityId {

    public WebhookDeliveryId {
        Require.notNull(value, "deliveryId");
    }

    public static WebhookDeliveryId of(UUID value) {
        return new WebhookDeliveryId(value);
    }

    /** A new time-ordered id. */
    public static WebhookDeliveryId next(IdGenerator ids) {
        return new WebhookDeliveryId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
