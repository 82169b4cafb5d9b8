package org.crmkit.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.Require;
import org.crmkit.core.spi.Storage;
import org.crmkit.workflow.WorkflowMonitor;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.ActionStatus;

/**
 * crmkit's metrics and observations on Micrometer: the entry point of crm-micrometer. Built once from the host's
 * {@link MeterRegistry} and {@link ObservationRegistry}; then
 *
 * <ul>
 *   <li>{@link #observe(Storage)} wraps the storage that {@code Crm} is built on, so that every port call is an
 *       observation {@value #STORAGE} (a timer with a meter handler, a span with a tracing bridge);
 *   <li>{@link #workflowMonitor()} goes to {@code WorkflowRuntime.builder().monitor(..)}: each run is an observation
 *       {@value #WORKFLOW_RUN}, and the runtime's actions are counted per workflow and channel;
 *   <li>{@link #bindOutboxBacklog(WorkflowRuntime)} adds the gauge {@value #OUTBOX_BACKLOG}.
 * </ul>
 *
 * The names and tags are listed in docs/spring-boot.md ("Metrics and tracing"). Observations become timers only when
 * the observation registry has a meter handler (Spring Boot's actuator adds one; elsewhere add
 * {@code DefaultMeterObservationHandler}). Thread-safe.
 */
public final class CrmMetrics {

    /** Observation of every storage port call; low-cardinality keys {@code port} and {@code method}. */
    public static final String STORAGE = "crmkit.storage";
    /** Observation of one workflow run ({@code runDue}). */
    public static final String WORKFLOW_RUN = "crmkit.workflow.run";
    /** Counter of actions newly planned by runs; tag {@code workflow}. */
    public static final String ACTIONS_PLANNED = "crmkit.workflow.actions.planned";
    /** Counter of actions delivered; tags {@code workflow} and {@code channel}. */
    public static final String ACTIONS_DELIVERED = "crmkit.workflow.actions.delivered";
    /** Counter of failed delivery attempts that will be retried; tags {@code workflow} and {@code channel}. */
    public static final String ACTIONS_RETRIED = "crmkit.workflow.actions.retried";
    /** Counter of actions failed for good (after the last attempt); tags {@code workflow} and {@code channel}. */
    public static final String ACTIONS_FAILED = "crmkit.workflow.actions.failed";
    /** Timer from when an action was due to when it was delivered; tags {@code workflow} and {@code channel}. */
    public static final String DISPATCH_LAG = "crmkit.workflow.dispatch.lag";
    /** Gauge of the calling tenant's pending actions in the workflow outbox. */
    public static final String OUTBOX_BACKLOG = "crmkit.workflow.outbox.backlog";

    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    private CrmMetrics(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = meters;
        this.observations = observations;
    }

    /** Metrics into {@code meters}, observations into {@code observations}. */
    public static CrmMetrics of(MeterRegistry meters, ObservationRegistry observations) {
        return new CrmMetrics(Require.notNull(meters, "meters"), Require.notNull(observations, "observations"));
    }

    /**
     * The storage with every port call observed ({@value #STORAGE}); give it to {@code Crm.builder().storage(..)}.
     * The ports do what the given storage's do: results, exceptions and transactions are its own.
     */
    public Storage observe(Storage storage) {
        return ObservedStorage.of(Require.notNull(storage, "storage"), observations);
    }

    /** The monitor to give to {@code WorkflowRuntime.builder().monitor(..)}. */
    public WorkflowMonitor workflowMonitor() {
        return new MicrometerWorkflowMonitor(meters, observations);
    }

    /**
     * Adds the gauge {@value #OUTBOX_BACKLOG}: the pending actions of the tenant the runtime's resolver answers when
     * the gauge is read, counted by the runtime's store at each read (one counting query on a database).
     */
    public void bindOutboxBacklog(WorkflowRuntime runtime) {
        Require.notNull(runtime, "runtime");
        Gauge.builder(OUTBOX_BACKLOG, runtime, CrmMetrics::pendingActions)
                .description("pending actions in crmkit's workflow outbox")
                .strongReference(true)
                .register(meters);
    }

    private static double pendingActions(WorkflowRuntime runtime) {
        return runtime.actions(ActionStatus.PENDING, PageRequest.first(1)).totalElements();
    }
}
