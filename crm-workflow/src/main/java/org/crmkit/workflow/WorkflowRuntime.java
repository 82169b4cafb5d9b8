package org.crmkit.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.TenantResolver;
import org.crmkit.core.spi.Transactions;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.ActionPayload;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.CallQueueEntry;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.MessageChannel;
import org.crmkit.workflow.action.RetryPolicy;

/**
 * The shared workflow runtime: the entry point of crm-workflow. Workflows ({@link Workflow}) plan actions into the
 * {@link #outbox() action outbox} in the transaction of their state change; the dispatcher hands due actions to
 * the handler registered for their payload ({@link Message}s to the host's {@link MessageChannel}s,
 * {@link CallQueueEntry call-queue entries} to crmkit's task list, other payloads to their workflow's handler),
 * retries failures with exponential backoff, and leaves an action {@link ActionStatus#FAILED} after the last
 * attempt for staff to see and {@link #retry}.
 *
 * <p>{@link #runDue(Instant)} is idempotent and scheduler-neutral: call it from {@link DefaultRunner}, Quartz,
 * db-scheduler, Spring's {@code @Scheduled} or a cron job. Delivery is at least once: a node that dies between
 * the commit and the delivery leaves the action pending (its claim expires after the lease), and a redelivery
 * carries the same deduplication key. Thread-safe.
 *
 * <p>When built, the runtime subscribes to its {@code Crm}'s domain events and passes each to every registered
 * workflow ({@link Workflow#onEvent}), so that a workflow reacts to a committed change at once without the host
 * forwarding events to it; and it registers its actions with {@code crm.privacy()}, so that a subject access export
 * lists the actions that carry a person's data and an erasure erases them (cancelling those not delivered yet).
 */
public final class WorkflowRuntime {

    private final Crm crm;
    private final Storage storage;
    private final Transactions transactions;
    private final WorkflowStore store;
    private final TenantResolver tenants;
    private final Clock clock;
    private final ActionOutbox outbox;
    private final Registrations registrations = new Registrations();
    private final Dispatcher dispatcher;
    private final WorkflowMonitor monitor;

    private WorkflowRuntime(Builder builder) {
        this.crm = builder.crm;
        this.store = builder.store;
        this.storage = store.storage();
        this.transactions = storage.transactions();
        this.tenants = builder.tenantResolver;
        this.clock = crm.clock();
        this.outbox = new ActionOutbox(store.actions(), transactions, tenants, clock);
        this.monitor = builder.monitor;
        this.dispatcher = new Dispatcher(
                transactions,
                store.actions(),
                registrations,
                builder.retryPolicy,
                builder.lease,
                builder.deliveryThreads,
                builder.dispatchers,
                builder.tenantResolver,
                builder.monitor);
        Map<Channel, MessageChannel> channels = new EnumMap<>(builder.channels);
        handle(Message.class, (action, message) -> {
            MessageChannel channel = channels.get(message.channel());
            if (channel == null) {
                throw new NotConfiguredException("no MessageChannel is configured for " + message.channel());
            }
            channel.send(action.deduplicationKey(), message);
        });
        handleInTransaction(
                CallQueueEntry.class, (action, entry) -> crm.activities().createTask(entry.task()));
        crm.subscribe(entry -> registrations.workflows().forEach(workflow -> workflow.onEvent(entry)));
        crm.privacy().register(new WorkflowActionsHolder(store.actions(), clock));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The crmkit instance the workflows act on. */
    public Crm crm() {
        return crm;
    }

    /** The transactions of crmkit's storage, in which workflows change their state and plan their actions. */
    public Transactions transactions() {
        return transactions;
    }

    /**
     * Runs {@code work} in a transaction of its own and returns its result; when it collided with a change another
     * node or thread committed first (a {@code StaleVersionException}, or a {@code DuplicateRecordException} on a
     * key such as an action's deduplication key) or the database ended it because of a concurrent transaction (a
     * {@code TransactionConflictException}: a deadlock, a serialization failure), runs it again in a fresh
     * transaction, a few times at most. The fresh transaction sees what the other one committed, so the work, which
     * must check what is already done (as {@link ActionOutbox#schedule} does), then does what is left. Inside a
     * transaction the caller already holds, the work joins it and runs once: a collision there rolls back the
     * caller's whole transaction. For workflows that plan on several nodes at once; {@code what} names the work in
     * the debug log.
     */
    public <T> T inTransactionRetryingCollisions(String what, Supplier<T> work) {
        return ConcurrentChanges.retried(transactions, Require.notBlank(what, "what"), Require.notNull(work, "work"));
    }

    /** The calling tenant, as the runtime's tenant resolver (the same as crmkit's) tells it. */
    public TenantId tenant() {
        return tenants.currentTenant();
    }

    /** Where workflows schedule their actions. */
    public ActionOutbox outbox() {
        return outbox;
    }

    /**
     * Records domain events of a workflow's own (a dunning level reached, a case closed) in crmkit's outbox, in the
     * current transaction: they commit or roll back with the state change that caused them and reach crmkit's event
     * listeners with crmkit's next relay (after the next change made through {@code Crm} commits, or
     * {@code Crm.publishPendingEvents()}). Requires an active transaction ({@link TransactionRequiredException}).
     */
    public void recordEvents(List<? extends DomainEvent> events) {
        Require.noNulls(events, "events");
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("workflow events");
        }
        if (!events.isEmpty()) {
            storage.outbox().append(List.copyOf(events));
        }
    }

    /** The registered workflows, in the order they were registered. */
    public List<Workflow> workflows() {
        return List.copyOf(registrations.workflows());
    }

    /** Adds a workflow to every run; a workflow with the same name is refused. */
    public void register(Workflow workflow) {
        registrations.register(Require.notNull(workflow, "workflow"));
    }

    /**
     * Delivers actions with payloads of {@code type} through {@code handler}, outside any transaction (for calls to
     * systems outside crmkit). Replaces an earlier handler of the type.
     */
    public <P extends ActionPayload> void handle(Class<P> type, ActionHandler<P> handler) {
        Require.notNull(type, "type");
        registrations.handle(new Registrations.Handler<>(type, Require.notNull(handler, "handler"), false));
    }

    /**
     * Delivers actions with payloads of {@code type} through {@code handler} inside the transaction that marks them
     * delivered (for changes to crmkit's own records, which then happen exactly once).
     */
    public <P extends ActionPayload> void handleInTransaction(Class<P> type, ActionHandler<P> handler) {
        Require.notNull(type, "type");
        registrations.handle(new Registrations.Handler<>(type, Require.notNull(handler, "handler"), true));
    }

    /** {@link #runDue(Instant)} at the clock's current time. */
    public RunReport runDue() {
        return runDue(clock.instant());
    }

    /** Lets every workflow plan what is due as of {@code asOf}, then dispatches every action due by then. */
    public RunReport runDue(Instant asOf) {
        Require.notNull(asOf, "asOf");
        return monitor.run(asOf, () -> {
            int planned = 0;
            for (Workflow workflow : registrations.workflows()) {
                int plannedNow = workflow.planDue(asOf);
                monitor.planned(workflow.name(), plannedNow);
                planned += plannedNow;
            }
            return new RunReport(planned, 0, 0, 0).plus(dispatchDue(asOf));
        });
    }

    /**
     * Delivers the calling tenant's actions that are due by {@code asOf}, in batches of up to 200: each batch is
     * claimed in one transaction (a lease until {@code asOf} plus the lease time), then delivered. After a full
     * batch the next ones are claimed on a thread and connection of the runtime's own, each while the batch before
     * it is delivered and recorded on the calling thread (one batch ahead at most; called inside a transaction the
     * caller holds, every batch is claimed in turn on the calling thread instead). Handlers that
     * work outside transactions ({@link #handle}) are called for every action of the batch first, and the
     * deliveries that succeeded are recorded together in one transaction, with their workflows' side
     * ({@link Workflow#onDeliveredAll}). Handlers that work inside the transaction ({@link #handleInTransaction})
     * deliver and record the batch's actions in one transaction. When recording a batch fails (another node
     * changed a workflow state the delivery updates at the same moment, or one action's record fails), each of
     * its actions is recorded in a transaction of its own, a collision retried in a fresh one, so that the channel
     * is never called a second time and one bad action does not hold up the others. A failed delivery is recorded
     * per action, retried later or failed for good.
     *
     * <p>A node that dies after the channel calls of a batch and before their record commits leaves the whole batch
     * pending: once the lease has passed it is delivered again, under the same deduplication keys.
     */
    public RunReport dispatchDue(Instant asOf) {
        Require.notNull(asOf, "asOf");
        return dispatcher.dispatchDue(tenants.currentTenant(), asOf);
    }

    /** Puts a failed action back in the queue, due now, with a fresh count of attempts; returns it as stored. */
    public Action retry(ActionId id) {
        Require.notNull(id, "id");
        return transactions.inTransaction(() -> {
            Action action = store.actions()
                    .findById(tenants.currentTenant(), id)
                    .orElseThrow(() -> new RecordNotFoundException("Action", id));
            if (action.status() != ActionStatus.FAILED) {
                throw new IllegalTransitionException("Action", action.status(), ActionStatus.PENDING);
            }
            return store.actions().update(action.requeued(clock.instant()));
        });
    }

    public Optional<Action> action(ActionId id) {
        return store.actions().findById(tenants.currentTenant(), Require.notNull(id, "id"));
    }

    public Optional<Action> actionByKey(String deduplicationKey) {
        return store.actions()
                .findByKey(tenants.currentTenant(), Require.notBlank(deduplicationKey, "deduplicationKey"));
    }

    /** The calling tenant's actions in the status, oldest first: {@code FAILED} is the list staff should look at. */
    public Page<Action> actions(ActionStatus status, PageRequest page) {
        return store.actions()
                .findByStatus(
                        tenants.currentTenant(), Require.notNull(status, "status"), Require.notNull(page, "page"));
    }

    /** Configures a {@link WorkflowRuntime}: crm and store are required. */
    public static final class Builder {

        private Crm crm;
        private WorkflowStore store;
        private TenantResolver tenantResolver = TenantResolver.fixed(TenantId.DEFAULT);
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private Duration lease = Duration.ofMinutes(5);
        private int deliveryThreads = 1;
        private int dispatchers = 1;
        private WorkflowMonitor monitor = WorkflowMonitor.NONE;
        private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);

        private Builder() {}

        /** The crmkit instance whose records the workflows read and whose task list receives call-queue entries. */
        public Builder crm(Crm crm) {
            this.crm = Require.notNull(crm, "crm");
            return this;
        }

        /**
         * Where the actions are kept, beside the storage {@code crm} was built with and joining its transactions
         * ({@link WorkflowStore#storage()}), e.g. {@code InMemoryWorkflowStore.create(storage)}.
         */
        public Builder store(WorkflowStore store) {
            this.store = Require.notNull(store, "store");
            return this;
        }

        /** Who the calling tenant is; must answer as crmkit's does. Defaults to {@link TenantId#DEFAULT}. */
        public Builder tenantResolver(TenantResolver tenantResolver) {
            this.tenantResolver = Require.notNull(tenantResolver, "tenantResolver");
            return this;
        }

        /** How failed deliveries are retried; defaults to {@link RetryPolicy#standard()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Require.notNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * How long a dispatcher may work on a claimed action before another may take it up (a node that died);
         * defaults to five minutes. Longer than delivering two batches of 200 actions takes (the dispatcher claims a
         * batch while it delivers the one before).
         */
        public Builder lease(Duration lease) {
            Require.notNull(lease, "lease");
            Require.that(!lease.isNegative() && !lease.isZero(), "lease", "must be positive, was " + lease);
            this.lease = lease;
            return this;
        }

        /**
         * How many threads call the handlers that work outside transactions ({@link WorkflowRuntime#handle}: the
         * host's channels, the lawyer's hand-off) for the actions of a batch. 1, the default, calls them one after
         * another on the thread that runs {@link WorkflowRuntime#dispatchDue}; more let up to {@code threads} calls
         * wait for a slow gateway (an email gateway taking tens of milliseconds a call) at once. Recording the batch
         * stays one transaction on the calling thread. The handlers then run on threads of the runtime's own, which
         * carry none of what the host binds to its threads (a security context, its own tenant variable): they must
         * take what they need from the action and its payload.
         */
        public Builder deliveryThreads(int threads) {
            this.deliveryThreads = Require.positive(threads, "threads");
            return this;
        }

        /**
         * How many dispatchers {@link WorkflowRuntime#dispatchDue} runs at once, as that many nodes would: each
         * claims, delivers and records batches of its own (claiming one ahead), on a connection or two of its own.
         * 1, the default: one, on the calling thread. More let a database with cores to spare deliver more at once;
         * the others run on threads of the runtime's own, and so do their handlers and their workflows' record side
         * ({@link Workflow#onDeliveredAll}, {@link Workflow#onFailed}). Those threads carry none of what the host
         * binds to its threads, so the tenant resolver (the runtime's and crmkit's) must tell every thread the same
         * tenant: a dispatch whose tenant the runtime's threads are told differently fails with
         * {@link NotConfiguredException} before it claims anything. The actions of different batches are then
         * delivered in no fixed order among them, as with several nodes; each still once.
         */
        public Builder dispatchers(int dispatchers) {
            this.dispatchers = Require.positive(dispatchers, "dispatchers");
            return this;
        }

        /** The host's sender for a channel; a message on a channel without one fails (and is retried). */
        public Builder channel(Channel channel, MessageChannel sender) {
            channels.put(Require.notNull(channel, "channel"), Require.notNull(sender, "sender"));
            return this;
        }

        /** What the runtime reports its runs and deliveries to, for metrics; {@link WorkflowMonitor#NONE} by default. */
        public Builder monitor(WorkflowMonitor monitor) {
            this.monitor = Require.notNull(monitor, "monitor");
            return this;
        }

        public WorkflowRuntime build() {
            Require.notNull(crm, "crm");
            Require.notNull(store, "store");
            return new WorkflowRuntime(this);
        }
    }
}
