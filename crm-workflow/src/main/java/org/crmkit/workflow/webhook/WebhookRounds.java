package org.crmkit.workflow.webhook;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.DeliveryInterruptedException;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.PlannedAction;

/**
 * Delivery in rounds, one subscription at a time: a run plans one round action per subscription with a pending
 * delivery (keyed by that oldest delivery and its attempt, so that planning again, or on another node, plans nothing
 * new while it is pending), and the runtime's dispatcher posts it. A round posts the subscription's pending
 * deliveries in feed order until one fails, then records every attempt in one transaction: the next round starts
 * from where this one stopped. Rounds of different subscriptions run side by side on the runtime's delivery threads.
 */
final class WebhookRounds {

    /** Deliveries one round posts at most, and how long it starts new posts, so that it ends well within the lease. */
    static final int ROUND_SIZE = 50;

    private static final Duration ROUND_TIME = Duration.ofSeconds(60);

    private final WorkflowRuntime runtime;
    private final WebhookStore store;
    private final WebhookSender sender;
    private final Duration timeout;
    private final WebhookRetries retries;
    private final Clock clock;

    WebhookRounds(
            WorkflowRuntime runtime,
            WebhookStore store,
            WebhookSender sender,
            Duration timeout,
            WebhookRetries retries) {
        this.runtime = runtime;
        this.store = store;
        this.sender = sender;
        this.timeout = timeout;
        this.retries = retries;
        this.clock = runtime.crm().clock();
    }

    /** Plans a round for each active subscription with a pending delivery; returns how many it newly planned. */
    int plan() {
        TenantId tenant = runtime.tenant();
        int planned = 0;
        for (WebhookSubscription subscription : store.findSubscriptions(tenant)) {
            if (subscription.isActive()) {
                planned += runtime.inTransactionRetryingCollisions(
                        Webhooks.NAME + " round", () -> planRound(tenant, subscription.id()));
            }
        }
        return planned;
    }

    /**
     * Plans the round that starts at the subscription's oldest pending delivery, keyed by that delivery and its
     * version: every change of the delivery (an attempt recorded, a re-drive) leads to a new round.
     */
    private int planRound(TenantId tenant, WebhookSubscriptionId subscription) {
        Optional<WebhookDelivery> head =
                store.findPending(tenant, subscription, 1).stream().findFirst();
        if (head.isEmpty()) {
            return 0;
        }
        WebhookDelivery first = head.get();
        PlannedAction round = new PlannedAction(
                "webhook:" + first.id() + ":" + first.version(),
                subject(subscription),
                new WebhookRound(subscription, first.id(), first.version()),
                first.nextAttemptAt());
        return runtime.outbox().schedule(Webhooks.NAME, round) ? 1 : 0;
    }

    static String subject(WebhookSubscriptionId subscription) {
        return "webhook-subscription:" + subscription;
    }

    /** The round's posts, outside any transaction, then their record in one. */
    void deliver(Action action, WebhookRound round) {
        TenantId tenant = action.tenant();
        Optional<WebhookSubscription> found = store.findSubscription(tenant, round.subscription());
        if (found.isEmpty() || !found.get().isActive()) {
            return;
        }
        WebhookSubscription subscription = found.get();
        List<WebhookDelivery> pending = store.findPending(tenant, subscription.id(), ROUND_SIZE);
        if (pending.isEmpty()
                || !pending.get(0).id().equals(round.head())
                || pending.get(0).version() != round.headVersion()) {
            return;
        }
        long started = System.nanoTime();
        List<Attempt> attempts = new ArrayList<>();
        for (WebhookDelivery delivery : pending) {
            Instant now = clock.instant();
            if (delivery.nextAttemptAt().isAfter(now)
                    || (!attempts.isEmpty() && System.nanoTime() - started > ROUND_TIME.toNanos())) {
                break;
            }
            Attempt attempt = post(subscription, delivery, now);
            attempts.add(attempt);
            if (!attempt.delivered()) {
                break;
            }
        }
        runtime.inTransactionRetryingCollisions(Webhooks.NAME + " record", () -> {
            attempts.forEach(attempt -> record(tenant, attempt));
            return null;
        });
    }

    /** One post and what came of it: the status answered, or why none came. */
    private record Attempt(WebhookDelivery delivery, Instant at, int status, String failure) {

        boolean delivered() {
            return status >= 200 && status < 300;
        }

        boolean gone() {
            return status == 410;
        }

        String error() {
            return failure != null ? failure : "HTTP " + status;
        }
    }

    private Attempt post(WebhookSubscription subscription, WebhookDelivery delivery, Instant now) {
        WebhookRequest request = new WebhookRequest(
                subscription.endpoint(),
                Map.of(
                        "Content-Type",
                        "application/json; charset=utf-8",
                        WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.header(subscription.secret(), now, delivery.body()),
                        WebhookSignature.DELIVERY_HEADER,
                        delivery.id().toString(),
                        WebhookSignature.EVENT_HEADER,
                        delivery.eventType()),
                delivery.body(),
                timeout);
        try {
            return new Attempt(delivery, now, sender.post(request), null);
        } catch (HttpTimeoutException e) {
            return new Attempt(delivery, now, 0, "no answer within " + timeout + ": " + e.getMessage());
        } catch (DeliveryInterruptedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return new Attempt(delivery, now, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void record(TenantId tenant, Attempt attempt) {
        Optional<WebhookDelivery> stored =
                store.findDelivery(tenant, attempt.delivery().id());
        if (stored.isEmpty()
                || !stored.get().isPending()
                || stored.get().version() != attempt.delivery().version()) {
            // recorded by another node's round already, or re-driven meanwhile
            return;
        }
        WebhookDelivery delivery = stored.get();
        if (attempt.delivered()) {
            store.updateDelivery(delivery.delivered(attempt.at()));
        } else if (attempt.gone()) {
            // the receiver says the endpoint is gone for good: stop, keeping the delivery first in line
            store.updateDelivery(delivery.attemptFailed("HTTP 410 Gone", attempt.at(), attempt.at()));
            store.findSubscription(tenant, delivery.subscription())
                    .filter(WebhookSubscription::isActive)
                    .ifPresent(subscription -> store.updateSubscription(
                            subscription.disabled("the endpoint answered 410 Gone at " + attempt.at())));
        } else {
            store.updateDelivery(delivery.attemptFailed(
                    attempt.error(),
                    attempt.at(),
                    retries.retryAt(delivery.id(), delivery.attempts() + 1, attempt.at())
                            .orElse(null)));
        }
    }
}
