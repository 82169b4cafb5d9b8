package org.crmkit.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.TenantResolver;
import org.crmkit.core.spi.Transactions;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.ActionStore;
import org.crmkit.workflow.action.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's dispatcher: claims due actions in batches, hands them to their handlers and records the outcome
 * (see {@link WorkflowRuntime#dispatchDue}).
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 200;

    private final Transactions transactions;
    private final ActionStore actions;
    private final Registrations registrations;
    private final RetryPolicy retryPolicy;
    private final Duration lease;
    private final int deliveryThreads;
    private final int dispatchers;
    private final TenantResolver tenants;
    private final WorkflowMonitor monitor;

    Dispatcher(
            Transactions transactions,
            ActionStore actions,
            Registrations registrations,
            RetryPolicy retryPolicy,
            Duration lease,
            int deliveryThreads,
            int dispatchers,
            TenantResolver tenants,
            WorkflowMonitor monitor) {
        this.transactions = transactions;
        this.actions = actions;
        this.registrations = registrations;
        this.retryPolicy = retryPolicy;
        this.lease = lease;
        this.deliveryThreads = deliveryThreads;
        this.dispatchers = dispatchers;
        this.tenants = tenants;
        this.monitor = monitor;
    }

    /**
     * Runs {@link #dispatchers} dispatch loops at once, the others on threads of their own, after checking that the
     * tenant resolver tells those threads the same tenant; inside the caller's transaction, one loop.
     */
    RunReport dispatchDue(TenantId tenant, Instant asOf) {
        if (dispatchers == 1 || transactions.isActive()) {
            return dispatchLoop(tenant, asOf);
        }
        ExecutorService others = daemonThreads(dispatchers - 1, "crmkit-workflow-dispatch");
        try {
            requireSameTenant(tenant, others);
            List<Future<RunReport>> loops = new ArrayList<>();
            for (int i = 1; i < dispatchers; i++) {
                loops.add(others.submit(() -> dispatchLoop(tenant, asOf)));
            }
            RunReport report = dispatchLoop(tenant, asOf);
            for (Future<RunReport> loop : loops) {
                report = report.plus(outcome(
                        loop,
                        "the other dispatchers were delivering; what they had claimed is delivered again once its"
                                + " lease has passed"));
            }
            return report;
        } finally {
            others.shutdownNow();
        }
    }

    private static ExecutorService daemonThreads(int threads, String name) {
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Refuses to dispatch when the tenant resolver tells the runtime's threads another tenant, or none. */
    private void requireSameTenant(TenantId tenant, ExecutorService others) {
        String told;
        try {
            TenantId there = outcome(others.submit(tenants::currentTenant), "the tenant was being checked");
            if (tenant.equals(there)) {
                return;
            }
            told = "were told " + there;
        } catch (RuntimeException e) {
            told = "could not be told one (" + e.getClass().getName() + ")";
        }
        throw new NotConfiguredException("several dispatchers need a tenant resolver that tells every thread the"
                + " same tenant; the runtime's own threads " + told + " where the calling thread was told " + tenant);
    }

    /** What the task returned; what it threw, thrown again; {@code during} says what an interruption ended. */
    private static <T> T outcome(Future<T> task, String during) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryInterruptedException("interrupted while " + during, e);
        }
    }

    private RunReport dispatchLoop(TenantId tenant, Instant asOf) {
        ExecutorService callers =
                deliveryThreads == 1 ? null : daemonThreads(deliveryThreads, "crmkit-workflow-delivery");
        try {
            RunReport report = RunReport.NOTHING;
            List<Action> batch = claim(tenant, asOf);
            while (true) {
                report = report.plus(deliver(batch, asOf, callers));
                if (batch.size() < BATCH) {
                    return report;
                }
                if (!transactions.isActive()) {
                    report = report.plus(deliverClaimingAhead(tenant, asOf, callers));
                }
                // The claims ahead ran beside the records of the batches before them; this one sees what the last
                // records planned, as a claim after each record does. Inside the caller's transaction every batch
                // is claimed in turn.
                batch = claim(tenant, asOf);
            }
        } finally {
            if (callers != null) {
                callers.shutdownNow();
            }
        }
    }

    /**
     * Delivers batches that a {@link ClaimsAhead} claims on a thread and connection of its own while the batch
     * before is delivered and recorded on the calling thread, up to the first batch shorter than the batch size.
     */
    private RunReport deliverClaimingAhead(TenantId tenant, Instant asOf, ExecutorService callers) {
        RunReport report = RunReport.NOTHING;
        try (ClaimsAhead ahead = ClaimsAhead.start(() -> claim(tenant, asOf), BATCH)) {
            while (true) {
                List<Action> batch = ahead.next();
                report = report.plus(deliver(batch, asOf, callers));
                if (batch.size() < BATCH) {
                    return report;
                }
            }
        }
    }

    /** Claims the next batch in a transaction of its own, with a lease until {@code asOf} plus the lease time. */
    private List<Action> claim(TenantId tenant, Instant asOf) {
        return transactions.inTransaction(() -> actions.claim(tenant, asOf, BATCH, asOf.plus(lease)));
    }

    private RunReport deliver(List<Action> batch, Instant asOf, ExecutorService callers) {
        RunReport report = RunReport.NOTHING;
        List<Action> outside = new ArrayList<>(batch.size());
        List<Action> inTransaction = new ArrayList<>();
        for (Action action : batch) {
            Registrations.Handler<?> handler = registrations.handlerOf(action);
            if (handler == null) {
                report = report.plus(recordFailure(
                        action,
                        new NotConfiguredException("no handler is registered for "
                                + action.payload().getClass().getName()),
                        asOf));
            } else if (handler.inTransaction()) {
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
    private record Call(Action action, RuntimeException failure) {}

    /** Calls the handlers of the actions, on the delivery threads when there are some; in the actions' order. */
    private List<Call> callHandlers(List<Action> batch, ExecutorService callers) {
        if (callers == null || batch.size() < 2) {
            return batch.stream().map(this::call).toList();
        }
        List<Future<Call>> calls =
                batch.stream().map(action -> callers.submit(() -> call(action))).toList();
        List<Call> done = new ArrayList<>(calls.size());
        for (Future<Call> call : calls) {
            // call() catches every RuntimeException; an Error ends the run as it would on one thread
            done.add(outcome(
                    call,
                    "the batch's actions were being delivered; they are delivered again once their lease has passed"));
        }
        return done;
    }

    private Call call(Action action) {
        try {
            registrations.handlerOf(action).deliver(action);
            return new Call(action, null);
        } catch (RuntimeException e) {
            return new Call(action, e);
        }
    }

    /** Records the deliveries together; when that fails, one by one. */
    private RunReport recordDelivered(List<Action> sent, Instant asOf) {
        if (sent.isEmpty()) {
            return RunReport.NOTHING;
        }
        try {
            transactions.inTransaction(() -> completeAll(sent, asOf)).forEach(monitor::delivered);
            return new RunReport(0, sent.size(), 0, 0);
        } catch (RuntimeException e) {
            LOG.debug(
                    "recording {} deliveries together failed ({}); recording them one by one",
                    sent.size(),
                    e.toString());
        }
        RunReport report = RunReport.NOTHING;
        for (Action action : sent) {
            try {
                ConcurrentChanges.retried(
                                transactions,
                                "delivery of " + action.deduplicationKey(),
                                () -> completeAll(List.of(reload(action)), asOf))
                        .forEach(monitor::delivered);
                report = report.plus(new RunReport(0, 1, 0, 0));
            } catch (RuntimeException e) {
                report = report.plus(recordFailure(action, e, asOf));
            }
        }
        return report;
    }

    /** Delivers and records the actions in one transaction; when that fails, each in a transaction of its own. */
    private RunReport deliverInTransaction(List<Action> batch, Instant asOf) {
        if (batch.isEmpty()) {
            return RunReport.NOTHING;
        }
        try {
            transactions
                    .inTransaction(() -> {
                        batch.forEach(action -> registrations.handlerOf(action).deliver(action));
                        return completeAll(batch, asOf);
                    })
                    .forEach(monitor::delivered);
            return new RunReport(0, batch.size(), 0, 0);
        } catch (RuntimeException e) {
            LOG.debug(
                    "delivering {} actions in one transaction failed ({}); delivering them one by one",
                    batch.size(),
                    e.toString());
        }
        RunReport report = RunReport.NOTHING;
        for (Action action : batch) {
            try {
                ConcurrentChanges.retried(transactions, "delivery of " + action.deduplicationKey(), () -> {
                            Action current = reload(action);
                            registrations.handlerOf(current).deliver(current);
                            return completeAll(List.of(current), asOf);
                        })
                        .forEach(monitor::delivered);
                report = report.plus(new RunReport(0, 1, 0, 0));
            } catch (RuntimeException e) {
                report = report.plus(recordFailure(action, e, asOf));
            }
        }
        return report;
    }

    /**
     * Marks the actions delivered (as of the versions given: one changed in between fails the whole call) and
     * lets their workflows record their side, per workflow in one call; returns them as stored.
     */
    private List<Action> completeAll(List<Action> batch, Instant asOf) {
        List<Action> delivered = actions.updateAll(
                batch.stream().map(action -> action.delivered(asOf)).toList());
        Map<String, List<Action>> byWorkflow = new LinkedHashMap<>();
        delivered.forEach(action -> byWorkflow
                .computeIfAbsent(action.workflow(), w -> new ArrayList<>())
                .add(action));
        byWorkflow.forEach(
                (name, ofWorkflow) -> registrations.workflowNamed(name).ifPresent(w -> w.onDeliveredAll(ofWorkflow)));
        return delivered;
    }

    /**
     * Records a failed attempt in a transaction of its own and counts it as retrying or failed. The log line names
     * the action by its id, workflow and deduplication key and the error by its type only: the payload and the
     * error's message may carry personal data (a recipient's address, a name), so they stay in the action's stored
     * {@code lastError} ({@code WorkflowRuntime.actions}), out of the host's logs.
     */
    private RunReport recordFailure(Action action, RuntimeException error, Instant asOf) {
        Action failed = transactions.inTransaction(() -> recordAttemptFailed(action, error, asOf));
        LOG.warn(
                "delivery of action {} of workflow {} ({}) failed, attempt {}: {} (its message is stored with the"
                        + " action)",
                action.id(),
                action.workflow(),
                action.deduplicationKey(),
                failed.attempts(),
                error.getClass().getName());
        monitor.deliveryFailed(failed);
        return failed.status() == ActionStatus.FAILED ? new RunReport(0, 0, 0, 1) : new RunReport(0, 0, 1, 0);
    }

    private Action recordAttemptFailed(Action action, RuntimeException error, Instant asOf) {
        Action current = reload(action);
        if (current.status() != ActionStatus.PENDING) {
            return current;
        }
        int attempt = current.attempts() + 1;
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        Action failed = actions.update(current.attemptFailed(
                message, asOf, retryPolicy.retryAt(attempt, asOf).orElse(null)));
        if (failed.status() == ActionStatus.FAILED) {
            registrations.workflowNamed(failed.workflow()).ifPresent(w -> w.onFailed(failed));
        }
        return failed;
    }

    private Action reload(Action action) {
        return actions.findById(action.tenant(), action.id())
                .orElseThrow(() -> new RecordNotFoundException("Action", action.id()));
    }
}
