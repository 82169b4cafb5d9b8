package org.crmkit.workflow;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.Require;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small default runner for hosts without a scheduler: one daemon thread that calls
 * {@link WorkflowRuntime#runDue()} at a fixed delay. A failing run is logged and the next one runs as planned.
 * Hosts with Quartz, db-scheduler or Spring scheduling call {@code runDue()} from there instead (see the module
 * README). Close it to stop; thread-safe.
 */
public final class DefaultRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRunner.class);

    private final WorkflowRuntime runtime;
    private final ScheduledExecutorService executor;

    private DefaultRunner(WorkflowRuntime runtime, Duration interval) {
        this.runtime = runtime;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "crmkit-workflow-runner");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts running at once and then {@code interval} after the end of each run. */
    public static DefaultRunner start(WorkflowRuntime runtime, Duration interval) {
        Require.notNull(runtime, "runtime");
        Require.notNull(interval, "interval");
        Require.that(interval.toMillis() > 0, "interval", "must be at least one millisecond, was " + interval);
        return new DefaultRunner(runtime, interval);
    }

    private void runOnce() {
        try {
            RunReport report = runtime.runDue();
            if (report.planned() + report.delivered() + report.retrying() + report.failed() > 0) {
                LOG.info("workflow run: {}", report);
            }
        } catch (RuntimeException e) {
            LOG.error("workflow run failed; the next run will try again", e);
        }
    }

    /** Stops scheduling runs and waits up to ten seconds for a run in progress to finish. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
