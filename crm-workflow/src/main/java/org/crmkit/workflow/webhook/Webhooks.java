package org.crmkit.workflow.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;

/**
 * Webhooks on the workflow runtime: the tenant's committed changes, read from crmkit's change feed as a named
 * consumer of their own (so that other consumers keep their own cursors), posted to the endpoints of
 * {@link WebhookSubscription}s that want them, signed with HMAC-SHA256 ({@link WebhookSignature}).
 *
 * <p>Each run ({@link #planDue}, called by the runtime's {@code runDue}) reads the changes committed since the last
 * one into a {@link WebhookDelivery} per subscription that wants each change (a new subscription gets the changes
 * read after it was added), then plans one round per subscription with pending deliveries, which the runtime's
 * dispatcher delivers: the subscription's deliveries go out one after the other in the order of the feed, each
 * POSTed with its JSON body and the headers {@code Crmkit-Signature}, {@code Crmkit-Delivery} (the delivery's id,
 * the same on every attempt: receivers drop repeats by it) and {@code Crmkit-Event}. A 2xx answer delivers it; 410
 * Gone disables the subscription (it keeps its pending deliveries for {@link #enable}); any other answer, no answer
 * within the timeout, or no connection is a failed attempt, tried again with exponential backoff and jitter
 * ({@link WebhookRetries}). A failing delivery holds back the later ones of its subscription, never another
 * subscription's; after the last attempt it becomes a dead letter ({@link #deliveries} with
 * {@link DeliveryStatus#DEAD_LETTER}), which staff inspect and {@link #redrive}, and the subscription's later
 * deliveries go on. Delivery is at least once: a node that dies mid-round leaves the round to another node after the
 * runtime's lease, which posts its deliveries again under the same ids.
 *
 * <p>The body, made when the change is read, is a JSON object: {@code deliveryId}, {@code eventType} (e.g.
 * {@code Account.changed}), {@code tenant}, {@code position} (in the tenant's feed), {@code recordType},
 * {@code recordId}, and {@code record} (the record's state, as crmkit stores it) for a changed record or
 * {@code mergedInto} (the survivor's id, or null) for a removed one. A person's erasure replaces the bodies of
 * deliveries about them by the envelope with {@code "erased": true}. Thread-safe.
 *
 * <pre>{@code
 * Webhooks webhooks = Webhooks.builder(runtime).store(JpaWebhookStore.create(storage)).build();
 * webhooks.subscribe(URI.create("https://erp.example.com/crm-hooks"), secret, Set.of("Account.*"),
 *         Map.of("territory", north.value().toString()));
 * runtime.runDue();
 * }</pre>
 */
public final class Webhooks implements Workflow {

    /** The name actions of this workflow are stored under. */
    public static final String NAME = "webhooks";

    private final WorkflowRuntime runtime;
    private final WebhookStore store;
    private final WebhookIntake intake;
    private final WebhookRounds rounds;
    private final IdGenerator ids;

    private Webhooks(Builder builder) {
        this.runtime = builder.runtime;
        this.store = builder.store;
        this.intake = new WebhookIntake(runtime, store, builder.consumer);
        this.rounds = new WebhookRounds(runtime, store, builder.sender, builder.timeout, builder.retries);
        this.ids = new IdGenerator(runtime.crm().clock());
        runtime.register(this);
        runtime.handle(WebhookRound.class, rounds::deliver);
        runtime.crm().privacy().register(new WebhookPersonalData(store));
    }

    /** Starts configuring webhooks on the runtime; {@link Builder#build()} registers them. */
    public static Builder builder(WorkflowRuntime runtime) {
        return new Builder(Require.notNull(runtime, "runtime"));
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Adds an active subscription of the calling tenant (see {@link WebhookSubscription} for event types and field
     * conditions); it receives the changes committed after the webhooks' next read. Bad values throw
     * {@code InvalidValueException} naming the field, and nothing is stored.
     */
    public WebhookSubscription subscribe(
            URI endpoint, String secret, Set<String> eventTypes, Map<String, String> fieldEquals) {
        TenantId tenant = runtime.tenant();
        WebhookSubscription subscription = WebhookSubscription.create(
                tenant,
                WebhookSubscriptionId.next(ids),
                endpoint,
                secret,
                eventTypes,
                fieldEquals,
                runtime.crm().clock().instant());
        return runtime.transactions().inTransaction(() -> {
            if (store.findSubscriptions(tenant).isEmpty()) {
                intake.startFromNow();
            }
            return store.addSubscription(subscription);
        });
    }

    public Optional<WebhookSubscription> subscription(WebhookSubscriptionId id) {
        return store.findSubscription(runtime.tenant(), Require.notNull(id, "id"));
    }

    /** The calling tenant's subscriptions, active and disabled, oldest first. */
    public List<WebhookSubscription> subscriptions() {
        return store.findSubscriptions(runtime.tenant());
    }

    /** Stops the subscription: no new deliveries, none posted; {@code reason} is kept with it. */
    public WebhookSubscription disable(WebhookSubscriptionId id, String reason) {
        Require.notBlank(reason, "reason");
        return changeSubscription(id, true, subscription -> subscription.disabled(reason));
    }

    /** Starts a disabled subscription again: its pending deliveries go out first, then the changes read from now. */
    public WebhookSubscription enable(WebhookSubscriptionId id) {
        return changeSubscription(id, false, WebhookSubscription::enabled);
    }

    /** The calling tenant's deliveries in the status, by feed position: {@code DEAD_LETTER} is the dead-letter list. */
    public Page<WebhookDelivery> deliveries(DeliveryStatus status, PageRequest page) {
        return store.findByStatus(runtime.tenant(), Require.notNull(status, "status"), Require.notNull(page, "page"));
    }

    /** One delivery with its body, attempts and last error. */
    public Optional<WebhookDelivery> delivery(WebhookDeliveryId id) {
        return store.findDelivery(runtime.tenant(), Require.notNull(id, "id"));
    }

    /**
     * Sends a dead letter again: pending, due now, with a fresh count of attempts. It goes out in its feed order,
     * before its subscription's later deliveries still pending. Throws {@code IllegalTransitionException} for a
     * delivery that is not a dead letter.
     */
    public WebhookDelivery redrive(WebhookDeliveryId id) {
        Require.notNull(id, "id");
        return runtime.inTransactionRetryingCollisions(NAME + " redrive", () -> {
            WebhookDelivery delivery = store.findDelivery(runtime.tenant(), id)
                    .orElseThrow(() -> new RecordNotFoundException("WebhookDelivery", id));
            if (delivery.status() != DeliveryStatus.DEAD_LETTER) {
                throw new IllegalTransitionException("WebhookDelivery", delivery.status(), DeliveryStatus.PENDING);
            }
            return store.updateDelivery(delivery.redriven(runtime.crm().clock().instant()));
        });
    }

    /** Reads the changes committed since the last run into deliveries and plans the rounds that post them. */
    @Override
    public int planDue(Instant asOf) {
        Require.notNull(asOf, "asOf");
        intake.readFeed();
        return rounds.plan();
    }

    private WebhookSubscription changeSubscription(
            WebhookSubscriptionId id, boolean mustBeActive, UnaryOperator<WebhookSubscription> change) {
        Require.notNull(id, "id");
        return runtime.inTransactionRetryingCollisions(NAME + " subscription", () -> {
            WebhookSubscription subscription = store.findSubscription(runtime.tenant(), id)
                    .orElseThrow(() -> new RecordNotFoundException("WebhookSubscription", id));
            if (subscription.isActive() != mustBeActive) {
                throw new IllegalTransitionException(
                        "WebhookSubscription",
                        subscription.status(),
                        mustBeActive ? SubscriptionStatus.DISABLED : SubscriptionStatus.ACTIVE);
            }
            return store.updateSubscription(change.apply(subscription));
        });
    }

    /** Configures {@link Webhooks}: the store is required; every other setting has a default. */
    public static final class Builder {

        private final WorkflowRuntime runtime;
        private WebhookStore store;
        private WebhookSender sender = WebhookSender.http(Duration.ofSeconds(5));
        private Duration timeout = Duration.ofSeconds(10);
        private WebhookRetries retries = WebhookRetries.standard();
        private String consumer = NAME;

        private Builder(WorkflowRuntime runtime) {
            this.runtime = runtime;
        }

        /**
         * Where subscriptions and deliveries are kept (required): {@link InMemoryWebhookStore} beside an
         * {@code InMemoryStorage}, {@code JpaWebhookStore} beside a {@code JpaStorage}.
         */
        public Builder store(WebhookStore store) {
            this.store = Require.notNull(store, "store");
            return this;
        }

        /** Who posts the webhooks; {@link WebhookSender#http} with a 5-second connect timeout by default. */
        public Builder sender(WebhookSender sender) {
            this.sender = Require.notNull(sender, "sender");
            return this;
        }

        /** How long one post may take in all before it counts as failed; 10 seconds by default. */
        public Builder timeout(Duration timeout) {
            Require.notNull(timeout, "timeout");
            Require.that(!timeout.isNegative() && !timeout.isZero(), "timeout", "must be positive, was " + timeout);
            this.timeout = timeout;
            return this;
        }

        /** When failed deliveries are tried again; {@link WebhookRetries#standard()} by default. */
        public Builder retries(WebhookRetries retries) {
            this.retries = Require.notNull(retries, "retries");
            return this;
        }

        /**
         * The name of the change-feed consumer whose cursor the webhooks keep; {@code webhooks} by default. Two
         * {@code Webhooks} on the same storage (two nodes) use the same name, so that each change is read once.
         */
        public Builder consumer(String name) {
            // the feed checks the name as it checks every consumer's
            this.consumer = runtime.crm().changeFeed().consumer(name).name();
            return this;
        }

        public Webhooks build() {
            Require.that(store != null, "store", "webhooks need the store of their subscriptions and deliveries");
            return new Webhooks(this);
        }
    }
}
