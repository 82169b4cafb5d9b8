package org.crmkit.spring.boot;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs the workflows ({@link WorkflowRuntime#runDue()}) on Spring's task scheduler at a fixed delay
 * ({@code crmkit.workflow.schedule}) while the application runs: on the application's {@link TaskScheduler} when it
 * has exactly one, else on a scheduler thread of its own. A failed run is logged and the next one runs on time.
 */
final class WorkflowSchedule implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowSchedule.class);

    private final WorkflowRuntime runtime;
    private final Duration delay;
    private final TaskScheduler applicationScheduler;
    private ThreadPoolTaskScheduler ownScheduler;
    private ScheduledFuture<?> runs;

    WorkflowSchedule(WorkflowRuntime runtime, Duration delay, TaskScheduler applicationScheduler) {
        if (delay.isNegative() || delay.isZero()) {
            throw new CrmkitConfigurationException(
                    "crmkit.workflow.schedule must be a positive duration, was " + delay);
        }
        this.runtime = runtime;
        this.delay = delay;
        this.applicationScheduler = applicationScheduler;
    }

    @Override
    public synchronized void start() {
        TaskScheduler scheduler = applicationScheduler;
        if (scheduler == null) {
            ownScheduler = new ThreadPoolTaskScheduler();
            ownScheduler.setThreadNamePrefix("crmkit-workflow-");
            ownScheduler.setDaemon(true);
            ownScheduler.initialize();
            scheduler = ownScheduler;
        }
        runs = scheduler.scheduleWithFixedDelay(this::run, delay);
        LOG.info("crmkit's workflows run every {} (crmkit.workflow.schedule)", delay);
    }

    void run() {
        try {
            RunReport report = runtime.runDue();
            LOG.debug("crmkit workflow run: {}", report);
        } catch (RuntimeException e) {
            LOG.warn("a run of crmkit's workflows failed; the next one runs in {}", delay, e);
        }
    }

    @Override
    public synchronized void stop() {
        if (runs != null) {
            runs.cancel(false);
            runs = null;
        }
        if (ownScheduler != null) {
            ownScheduler.shutdown();
            ownScheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return runs != null;
    }
}
