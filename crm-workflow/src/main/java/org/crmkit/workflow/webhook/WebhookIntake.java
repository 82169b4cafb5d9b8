package org.crmkit.workflow.webhook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crmkit.core.ChangeFeed;
import org.crmkit.core.FeedConsumer;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.feed.ChangeBatch;
import org.crmkit.core.feed.ChangeFilter;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.feed.ResyncNeededException;
import org.crmkit.workflow.WorkflowRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the tenant's change feed as the webhooks' named consumer and turns each change into a pending delivery for
 * every active subscription that wants it, moving the consumer's cursor in the same transaction: a change becomes
 * deliveries exactly once, however many nodes read at the same moment (the second one collides on the subscription
 * and position, and reads on from the cursor the first one stored).
 */
final class WebhookIntake {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

    /** Changes read per transaction, and transactions per run at most (a run takes at most 10,000 changes). */
    static final int BATCH = 500;

    private static final int BATCHES_PER_RUN = 20;

    private final WorkflowRuntime runtime;
    private final WebhookStore store;
    private final String consumerName;
    private final Clock clock;
    private final IdGenerator ids;

    WebhookIntake(WorkflowRuntime runtime, WebhookStore store, String consumerName) {
        this.runtime = runtime;
        this.store = store;
        this.consumerName = consumerName;
        this.clock = runtime.crm().clock();
        this.ids = new IdGenerator(clock);
    }

    /** Places the consumer after every change committed so far: a first subscription gets the changes from now on. */
    void startFromNow() {
        ChangeFeed feed = runtime.crm().changeFeed();
        feed.consumer(consumerName).acknowledge(feed.now());
    }

    /** Reads what the feed has for the calling tenant; returns how many deliveries it stored. */
    int readFeed() {
        int stored = 0;
        for (int batch = 0; batch < BATCHES_PER_RUN; batch++) {
            Intake intake = runtime.inTransactionRetryingCollisions(Webhooks.NAME + " intake", this::readBatch);
            stored += intake.stored();
            if (!intake.hasMore()) {
                break;
            }
        }
        return stored;
    }

    private record Intake(int stored, boolean hasMore) {}

    private Intake readBatch() {
        TenantId tenant = runtime.tenant();
        ChangeFeed feed = runtime.crm().changeFeed();
        FeedConsumer consumer = feed.consumer(consumerName);
        List<WebhookSubscription> active = store.findSubscriptions(tenant).stream()
                .filter(WebhookSubscription::isActive)
                .toList();
        if (active.isEmpty()) {
            consumer.acknowledge(feed.now());
            return new Intake(0, false);
        }
        ChangeBatch changes;
        try {
            changes = consumer.next(filterOf(active), BATCH);
        } catch (ResyncNeededException e) {
            // retention discarded changes before the webhooks read them: they cannot be sent any more
            LOG.error(
                    "webhooks of tenant {} skip the changes the feed no longer keeps and go on from now: {}",
                    tenant,
                    e.getMessage());
            consumer.acknowledge(feed.now());
            return new Intake(0, false);
        }
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (FeedItem item : changes.items()) {
            for (WebhookSubscription subscription : active) {
                if (WebhookBodies.wants(subscription, item)) {
                    WebhookDeliveryId id = WebhookDeliveryId.next(ids);
                    deliveries.add(WebhookDelivery.pending(
                            tenant,
                            id,
                            subscription.id(),
                            item.position(),
                            WebhookBodies.eventType(item),
                            item.recordId(),
                            WebhookBodies.body(id, tenant, item),
                            clock.instant()));
                }
            }
        }
        if (!deliveries.isEmpty()) {
            store.addDeliveries(deliveries);
        }
        consumer.acknowledge(changes.next());
        return new Intake(deliveries.size(), changes.hasMore());
    }

    /** The record types the active subscriptions want, so that the feed reads no record nobody wants. */
    private static ChangeFilter filterOf(List<WebhookSubscription> active) {
        Set<String> recordTypes = new HashSet<>();
        for (WebhookSubscription subscription : active) {
            for (String type : subscription.eventTypes()) {
                if (type.equals("*")) {
                    return ChangeFilter.all();
                }
                recordTypes.add(type.substring(0, type.indexOf('.')));
            }
        }
        return new ChangeFilter(recordTypes);
    }
}
