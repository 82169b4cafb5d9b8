package org.crmkit.workflow.webhook;

import java.util.UUID;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;

/** Id of a webhook subscription. */
public record WebhookSubscriptionId(UUID value) implements EntityId {

    public WebhookSubscriptionId {
        Require.notNull(value, "subscriptionId");
    }

    public static WebhookSubscriptionId of(UUID value) {
        return new WebhookSubscriptionId(value);
    }

    /** A new time-ordered id. */
    public static WebhookSubscriptionId next(IdGenerator ids) {
        return new WebhookSubscriptionId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
