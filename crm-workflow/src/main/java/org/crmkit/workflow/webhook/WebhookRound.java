package org.crmkit.workflow.webhook;

import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.ActionPayload;

/**
 * The action of one round of a subscription's deliveries: starting with the delivery {@code head} as it stood at
 * {@code headVersion} (the subscription's oldest pending one), the due deliveries are posted in order until one fails.
 * A round whose head has moved on meanwhile (delivered by another node's round, re-driven) posts nothing. It names
 * records by id only; the bodies stay in the webhook store.
 */
public record WebhookRound(WebhookSubscriptionId subscription, WebhookDeliveryId head, long headVersion)
        implements ActionPayload {

    public WebhookRound {
        Require.notNull(subscription, "subscription");
        Require.notNull(head, "head");
        Require.notNegative(headVersion, "headVersion");
    }

    @Override
    public String describe() {
        return "WEBHOOK round of subscription " + subscription + " from delivery " + head;
    }

    @Override
    public boolean holdsPersonalData() {
        return false;
    }
}
