package org.crmkit.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.TenantResolver;
import org.crmkit.core.spi.Transactions;
import org.crmkit.workflow.runtime.Action;
import org.crmkit.workflow.runtime.ActionId;
import org.crmkit.workflow.runtime.ActionPayload;
import org.crmkit.workflow.runtime.ActionStatus;
import org.crmkit.workflow.runtime.CallQueueEntry;
import org.crmkit.workflow.runtime.Channel;
import org.crmkit.workflow.runtime.Message;
import org.crmkit.workflow.runtime.RetryPolicy;
import org.crmkit.workflow.spi.ActionStore;
import org.crmkit.workflow.spi.MessageChannel;
import org.crmkit.workflow.spi.WorkflowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class WorkflowRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowRuntime.class);
    private static final int BATCH = 200;

    private record Registration<P extends ActionPayload>(Class<P> type, ActionHandler<P> handler,
                                                         boolean inTransaction) {

        void deliver(Action action) {
            handler.deliver(action, type.cast(action.payload()));
        }
    }

    private final Crm crm;
    private final Storage storage;
    private final Transactions transactions;
    private final WorkflowStore store;
    private final TenantResolver tenants;
    private final Clock clock;
    private final RetryPolicy retryPolicy;
    private final Duration lease;
    private final int deliveryThreads;
    private final ActionOutbox outbox;
    private final Map<Class<?>, Registration<?>> handlers = new ConcurrentHashMap<>();
    private final List<Workflow> workflows = new CopyOnWriteArrayList<>();

    private WorkflowRuntime(Builder builder) {
        this.crm = builder.crm;
        this.storage = builder.storage;
        this.transactions = builder.storage.transactions();
        this.store = builder.store;
        this.tenants = builder.tenantResolver;
        this.clock = crm.clock();
        this.retryPolicy = builder.retryPolicy;
        this.lease = builder.lease;
        this.deliveryThreads = builder.deliveryThreads;
        this.outbox = new ActionOutbox(store.actions(), transactions, tenants, clock);
        Map<Channel, MessageChannel> channels = new EnumMap<>(builder.channels);
        handle(Message.class, (action, message) -> {
            MessageChannel channel = channels.get(message.channel());
            if (channel == null) {
                throw new IllegalStateException("no MessageChannel is configured for " + message.channel());
            }
            channel.send(action.deduplicationKey(), message);
        });
        handleInTransaction(CallQueueEntry.class, (action, entry) -> crm.activities().createTask(entry.task()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The crmkit instance the workflows act on. */
    public Crm crm() {
        return crm;
    }

    Storage storage() {
        return storage;
    }

    WorkflowStore store() {
        return store;
    }

    /** The transactions of crmkit's storage, in which workflows change their state and plan their actions. */
    public Transactions transactions() {
        return transactions;
    }

    /**
     * Runs {@code work} in a transaction of its own and returns its result; when it collided with a change another
     * node or thread committed first (a {@code StaleVersionException}, or a {@code DuplicateRecordException} on a
     * key such as an action's deduplication key) or the database ended it because of a concurrent transaction (a
     * {@code TransactionConflictException}: a deadlock, a serialization failure), runs it again in a fresh transaction, a few times at most. The
     * fresh transaction sees what the other one committed, so the work, which must check what is already done
     * (as {@link ActionOutbox#schedule} does), then does what is left. Inside a transaction the caller already
     * holds, the work joins it and runs once: a collision there rolls back the caller's whole transaction. For
     * workflows that plan on several nodes at once; {@code what} names the work in the debug log.
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

    /** Adds a workflow to every run; a workflow with the same name is refused. */
    public void register(Workflow workflow) {
        Require.notNull(workflow, "workflow");
        synchronized (workflows) {
            if (workflowNamed(workflow.name()).isPresent()) {
                throw new DuplicateRecordException("Workflow", workflow.name());
            }
            workflows.add(workflow);
        }
    }

    /**
     * Delivers actions with payloads of {@code type} through {@code handler}, outside any transaction (for calls to
     * systems outside crmkit). Replaces an earlier handler of the type.
     */
    public <P extends ActionPayload> void handle(Class<P> type, ActionHandler<P> handler) {
        handlers.put(Require.notNull(type, "type"), new Registration<>(type, Require.notNull(handler, "handler"), false));
    }

    /**
     * Delivers actions with payloads of {@code type} through {@code handler} inside the transaction that marks them
     * delivered (for changes to crmkit's own records, which then happen exactly once).
     */
    public <P extends ActionPayload> void handleInTransaction(Class<P> type, ActionHandler<P> handler) {
        handlers.put(Require.notNull(type, "type"), new Registration<>(type, Require.notNull(handler, "handler"), true));
    }

    /** {@link #runDue(Instant)} at the clock's current time. */
    public RunReport runDue() {
        return runDue(clock.instant());
    }

    /** Lets every workflow plan what is due as of {@code asOf}, then dispatches every action due by then. */
    public RunReport runDue(Instant asOf) {
        Require.notNull(asOf, "asOf");
        int planned = 0;
        for (Workflow workflow : workflows) {
            planned += workflow.planDue(asOf);
        }
        return new RunReport(planned, 0, 0, 0).plus(dispatchDue(asOf));
    }

    /**
     * Delivers the calling tenant's actions that are due by {@code asOf}, in batches of up to 200: each batch is
     * claimed in one transaction (a lease until {@code asOf} plus the lease time), then delivered. Handlers that
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
        TenantId tenant = tenants.currentTenant();
        ActionStore actions = store.actions();
        RunReport report = new RunReport(0, 0, 0, 0);
        ExecutorService callers = deliveryThreads == 1 ? null : Executors.newFixedThreadPool(deliveryThreads, task -> {
            Thread thread = new Thread(task, "crmkit-workflow-delivery");
            thread.setDaemon(true);
            return thread;
        });
        try {
            while (true) {
                Instant leaseEnd = asOf.plus(lease);
                List<Action> batch = transactions.inTransaction(() -> actions.updateAll(actions
                        .findClaimable(tenant, asOf, BATCH).stream().map(action -> action.claimed(leaseEnd)).toList()));
                report = report.plus(deliver(batch, asOf, callers));
                if (batch.size() < BATCH) {
                    return report;
                }
            }
        } finally {
            if (callers != null) {
                callers.shutdownNow();
            }
        }
    }

    private RunReport deliver(List<Action> batch, Instant asOf, ExecutorService callers) {
        RunReport report = new RunReport(0, 0, 0, 0);
        List<Action> outside = new ArrayList<>(batch.size());
        List<Action> inTransaction = new ArrayList<>();
        for (Action action : batch) {
            Registration<?> registration = handlers.get(action.payload().getClass());
            if (registration == null) {
                report = report.plus(recordFailure(action, new IllegalStateException("no handler is registered for "
                        + action.payload().getClass().getName()), asOf));
            } else if (registration.inTransaction()) {
                inTransaction.add(action);
            } else {
                outside.add(action);
            }
        }
        List<Action> sent = new ArrayList<>(outside.size());
        for (Call call : callHandlers(outside, callers)) {
            if (call.failure() == null) {
                sent.add(call.action());
            } else {
                report = report.plus(recordFailure(call.action(), call.failure(), asOf));
            }
        }
        return report.plus(recordDelivered(sent, asOf)).plus(deliverInTransaction(inTransaction, asOf));
    }

    /** A handler's call for an action: failed with {@code failure}, or succeeded when it is null. */
    private record Call(Action action, RuntimeException failure) {
    }

    /** Calls the handlers of the actions, on the delivery threads when there are some; in the actions' order. */
    private List<Call> callHandlers(List<Action> actions, ExecutorService callers) {
        if (callers == null || actions.size() < 2) {
            return actions.stream().map(this::call).toList();
        }
        List<Future<Call>> calls = actions.stream().map(action -> callers.submit(() -> call(action))).toList();
        List<Call> done = new ArrayList<>(calls.size());
        for (Future<Call> call : calls) {
            try {
                done.add(call.get());
            } catch (ExecutionException e) {
                // call() catches every RuntimeException; what is left is an Error, which ends the run as it would on one thread
                throw (Error) e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the batch's actions were being delivered; they are"
                        + " delivered again once their lease has passed", e);
            }
        }
        return done;
    }

    private Call call(Action action) {
        try {
            handlers.get(action.payload().getClass()).deliver(action);
            return new Call(action, null);
        } catch (RuntimeException e) {
            return new Call(action, e);
        }
    }

    /** Records the deliveries together; when that fails, one by one. */
    private RunReport recordDelivered(List<Action> sent, Instant asOf) {
        if (sent.isEmpty()) {
            return new RunReport(0, 0, 0, 0);
        }
        try {
            transactions.inTransaction(() -> completeAll(sent, asOf));
            return new RunReport(0, sent.size(), 0, 0);
        } catch (RuntimeException e) {
            LOG.debug("recording {} deliveries together failed ({}); recording them one by one", sent.size(), e.toString());
        }
        RunReport report = new RunReport(0, 0, 0, 0);
        for (Action action : sent) {
            try {
                ConcurrentChanges.retried(transactions, "delivery of " + action.deduplicationKey(),
                        () -> completeAll(List.of(reload(action)), asOf));
                report = report.plus(new RunReport(0, 1, 0, 0));
            } catch (RuntimeException e) {
                report = report.plus(recordFailure(action, e, asOf));
            }
        }
        return report;
    }

    /** Delivers and records the actions in one transaction; when that fails, each in a transaction of its own. */
    private RunReport deliverInTransaction(List<Action> actions, Instant asOf) {
        if (actions.isEmpty()) {
            return new RunReport(0, 0, 0, 0);
        }
        try {
            transactions.inTransaction(() -> {
                actions.forEach(action -> handlers.get(action.payload().getClass()).deliver(action));
                completeAll(actions, asOf);
            });
            return new RunReport(0, actions.size(), 0, 0);
        } catch (RuntimeException e) {
            LOG.debug("delivering {} actions in one transaction failed ({}); delivering them one by one", actions.size(),
                    e.toString());
        }
        RunReport report = new RunReport(0, 0, 0, 0);
        for (Action action : actions) {
            try {
                ConcurrentChanges.retried(transactions, "delivery of " + action.deduplicationKey(), () -> {
                    Action current = reload(action);
                    handlers.get(current.payload().getClass()).deliver(current);
                    completeAll(List.of(current), asOf);
                });
                report = report.plus(new RunReport(0, 1, 0, 0));
            } catch (RuntimeException e) {
                report = report.plus(recordFailure(action, e, asOf));
            }
        }
        return report;
    }

    /**
     * Marks the actions delivered (as of the versions given: one changed in between fails the whole call) and
     * lets their workflows record their side, per workflow in one call.
     */
    private void completeAll(List<Action> actions, Instant asOf) {
        List<Action> delivered = store.actions().updateAll(actions.stream().map(action -> action.delivered(asOf)).toList());
        Map<String, List<Action>> byWorkflow = new LinkedHashMap<>();
        delivered.forEach(action -> byWorkflow.computeIfAbsent(action.workflow(), w -> new ArrayList<>()).add(action));
        byWorkflow.forEach((name, ofWorkflow) -> workflowNamed(name).ifPresent(w -> w.onDeliveredAll(ofWorkflow)));
    }

    /** Records a failed attempt in a transaction of its own and counts it as retrying or failed. */
    private RunReport recordFailure(Action action, RuntimeException error, Instant asOf) {
        Action failed = transactions.inTransaction(() -> recordAttemptFailed(action, error, asOf));
        LOG.warn("delivery of action {} ({}) failed, attempt {}: {}", action.deduplicationKey(),
                action.payload().describe(), failed.attempts(), error.toString());
        return failed.status() == ActionStatus.FAILED ? new RunReport(0, 0, 0, 1) : new RunReport(0, 0, 1, 0);
    }

    private Action recordAttemptFailed(Action action, RuntimeException error, Instant asOf) {
        Action current = reload(action);
        if (current.status() != ActionStatus.PENDING) {
            return current;
        }
        int attempt = current.attempts() + 1;
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Action failed = store.actions().update(current.attemptFailed(message, asOf,
                retryPolicy.retryAt(attempt, asOf).orElse(null)));
        if (failed.status() == ActionStatus.FAILED) {
            workflowNamed(failed.workflow()).ifPresent(w -> w.onFailed(failed));
        }
        return failed;
    }

    private Action reload(Action action) {
        return store.actions().findById(action.tenant(), action.id())
                .orElseThrow(() -> new RecordNotFoundException("Action", action.id()));
    }

    private Optional<Workflow> workflowNamed(String name) {
        return workflows.stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /** Puts a failed action back in the queue, due now, with a fresh count of attempts; returns it as stored. */
    public Action retry(ActionId id) {
        Require.notNull(id, "id");
        return transactions.inTransaction(() -> {
            Action action = store.actions().findById(tenants.currentTenant(), id)
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
        return store.actions().findByKey(tenants.currentTenant(), Require.notBlank(deduplicationKey, "deduplicationKey"));
    }

    /** The calling tenant's actions in the status, oldest first: {@code FAILED} is the list staff should look at. */
    public Page<Action> actions(ActionStatus status, PageRequest page) {
        return store.actions().findByStatus(tenants.currentTenant(), Require.notNull(status, "status"),
                Require.notNull(page, "page"));
    }

    /** Configures a {@link WorkflowRuntime}: crm, storage and store are required. */
    public static final class Builder {

        private Crm crm;
        private Storage storage;
        private WorkflowStore store;
        private TenantResolver tenantResolver = TenantResolver.fixed(TenantId.DEFAULT);
        private RetryPolicy retryPolicy = RetryPolicy.standard();
        private Duration lease = Duration.ofMinutes(5);
        private int deliveryThreads = 1;
        private final Map<Channel, MessageChannel> channels = new EnumMap<>(Channel.class);

        private Builder() {
        }

        /** The crmkit instance whose records the workflows read and whose task list receives call-queue entries. */
        public Builder crm(Crm crm) {
            this.crm = Require.notNull(crm, "crm");
            return this;
        }

        /** The storage {@code crm} was built with: workflows join its transactions. */
        public Builder storage(Storage storage) {
            this.storage = Require.notNull(storage, "storage");
            return this;
        }

        /** Where workflow state and actions are kept, e.g. {@code InMemoryWorkflowStore.create(storage)}. */
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
         * defaults to five minutes. Longer than the slowest channel call.
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

        /** The host's sender for a channel; a message on a channel without one fails (and is retried). */
        public Builder channel(Channel channel, MessageChannel sender) {
            channels.put(Require.notNull(channel, "channel"), Require.notNull(sender, "sender"));
            return this;
        }

        public WorkflowRuntime build() {
            Require.notNull(crm, "crm");
            Require.notNull(storage, "storage");
            Require.notNull(store, "store");
            return new WorkflowRuntime(this);
        }
    }
}
