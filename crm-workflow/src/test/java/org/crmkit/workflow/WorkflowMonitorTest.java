package org.crmkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.Crm;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.action.RetryPolicy;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class WorkflowMonitorTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final RecordingMonitor monitor = new RecordingMonitor();
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .retryPolicy(RetryPolicy.exponential(2, Duration.ofMinutes(10), Duration.ofMinutes(10)))
            .monitor(monitor)
            .channel(Channel.EMAIL, (key, message) -> {
                if (message.subject().startsWith("refused")) {
                    throw new IllegalStateException("the gateway refuses " + message.subject());
                }
            })
            .build();

    /** What the monitor was told, in order. */
    private static final class RecordingMonitor implements WorkflowMonitor {
        final List<String> told = new CopyOnWriteArrayList<>();
        final List<Action> delivered = new CopyOnWriteArrayList<>();
        final List<Action> failed = new CopyOnWriteArrayList<>();

        @Override
        public RunReport run(Instant asOf, java.util.function.Supplier<RunReport> run) {
            told.add("run " + asOf);
            RunReport report = run.get();
            told.add("ran " + report);
            return report;
        }

        @Override
        public void planned(String workflow, int count) {
            told.add("planned " + workflow + " " + count);
        }

        @Override
        public void delivered(Action action) {
            told.add("delivered " + action.deduplicationKey());
            delivered.add(action);
        }

        @Override
        public void deliveryFailed(Action action) {
            told.add("failed " + action.deduplicationKey() + " " + action.status());
            failed.add(action);
        }
    }

    /** Plans one email per subject, due at the given times. */
    private final class Mailing implements Workflow {
        private final List<PlannedAction> plan;

        Mailing(List<PlannedAction> plan) {
            this.plan = plan;
        }

        @Override
        public String name() {
            return "mailing";
        }

        @Override
        public int planDue(Instant asOf) {
            return runtime.transactions().inTransaction(() -> (int) plan.stream()
                    .filter(action -> !action.notBefore().isAfter(asOf))
                    .filter(action -> runtime.outbox().schedule(name(), action))
                    .count());
        }
    }

    private static PlannedAction email(String subject, Instant due) {
        Message message = new Message(
                Channel.EMAIL,
                "kim@example.com",
                "Kim Berg",
                subject,
                "Hello",
                Locale.ENGLISH,
                new RecordRef(RecordType.CONTACT, java.util.UUID.randomUUID()));
        return new PlannedAction(subject, subject, message, due);
    }

    @Test
    void theMonitorIsToldOfEachRunPlanDeliveryAndFailedAttempt() {
        runtime.register(new Mailing(List.of(email("welcome", START), email("refused offer", START))));

        runtime.runDue(START);
        clock.advance(Duration.ofMinutes(10));
        runtime.runDue();

        assertThat(monitor.told)
                .containsExactly(
                        "run " + START,
                        "planned mailing 2",
                        // a batch's failed attempts are recorded one by one, its deliveries together afterwards
                        "failed refused offer PENDING",
                        "delivered welcome",
                        "ran RunReport[planned=2, delivered=1, retrying=1, failed=0]",
                        "run " + START.plus(Duration.ofMinutes(10)),
                        "planned mailing 0",
                        "failed refused offer FAILED",
                        "ran RunReport[planned=0, delivered=0, retrying=0, failed=1]");
        assertThat(monitor.failed)
                .extracting(Action::status)
                .containsExactly(ActionStatus.PENDING, ActionStatus.FAILED);
    }

    @Test
    void aDeliveryIsReportedAsStoredWithWhenItWasDueAndWhenDelivered() {
        Instant due = START.minus(Duration.ofMinutes(3));
        runtime.register(new Mailing(List.of(email("welcome", due))));

        runtime.runDue(START);

        assertThat(monitor.delivered).singleElement().satisfies(action -> {
            assertThat(action.status()).isEqualTo(ActionStatus.DELIVERED);
            assertThat(action.nextAttemptAt()).isEqualTo(due);
            assertThat(action.finishedAt()).isEqualTo(START);
            assertThat(action.workflow()).isEqualTo("mailing");
        });
    }
}
