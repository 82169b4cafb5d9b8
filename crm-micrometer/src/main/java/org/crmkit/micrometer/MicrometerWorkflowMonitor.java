package org.crmkit.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.crmkit.workflow.RunReport;
import org.crmkit.workflow.WorkflowMonitor;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionPayload;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.CallQueueEntry;
import org.crmkit.workflow.action.Message;

/** The runtime's work as Micrometer meters and observations (see {@link CrmMetrics} for the names). */
final class MicrometerWorkflowMonitor implements WorkflowMonitor {

    private final MeterRegistry meters;
    private final ObservationRegistry observations;

    MicrometerWorkflowMonitor(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = meters;
        this.observations = observations;
    }

    @Override
    public RunReport run(Instant asOf, Supplier<RunReport> run) {
        return Observation.createNotStarted(CrmMetrics.WORKFLOW_RUN, observations)
                .contextualName("crmkit workflow run")
                .highCardinalityKeyValue("as.of", asOf.toString())
                .observe(run);
    }

    @Override
    public void planned(String workflow, int count) {
        meters.counter(CrmMetrics.ACTIONS_PLANNED, "workflow", workflow).increment(count);
    }

    @Override
    public void delivered(Action action) {
        Tags tags = tags(action);
        meters.counter(CrmMetrics.ACTIONS_DELIVERED, tags).increment();
        Duration lag = Duration.between(action.nextAttemptAt(), action.finishedAt());
        meters.timer(CrmMetrics.DISPATCH_LAG, tags).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    @Override
    public void deliveryFailed(Action action) {
        if (action.status() == ActionStatus.PENDING) {
            meters.counter(CrmMetrics.ACTIONS_RETRIED, tags(action)).increment();
        } else if (action.status() == ActionStatus.FAILED) {
            meters.counter(CrmMetrics.ACTIONS_FAILED, tags(action)).increment();
        }
    }

    private static Tags tags(Action action) {
        return Tags.of("workflow", action.workflow(), "channel", channel(action.payload()));
    }

    /** The channel of a message ({@code email}, {@code sms}, {@code letter}), else the kind of payload. */
    static String channel(ActionPayload payload) {
        if (payload instanceof Message message) {
            return message.channel().name().toLowerCase(Locale.ROOT);
        }
        if (payload instanceof CallQueueEntry) {
            return "call-queue";
        }
        return payload.getClass().getSimpleName();
    }
}
