package org.crmkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.PlannedAction;
import org.crmkit.workflow.action.RetryPolicy;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class CrmMetricsTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final ObservationRegistry observations = ObservationRegistry.create();

    {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    }

    private final CrmMetrics metrics = CrmMetrics.of(meters, observations);

    @Test
    void everyStorageCallIsTimedPerPortAndMethod() {
        Crm crm = Crm.builder().storage(metrics.observe(storage)).clock(clock).build();

        var ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of());
        var acme = crm.parties().registerAccount(NewAccount.of("ACME GmbH", ada.id()));
        crm.parties().account(acme.id());

        assertThat(meters.get(CrmMetrics.STORAGE)
                        .tags("port", "accounts", "method", "findById")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.get(CrmMetrics.STORAGE)
                        .tags("port", "transactions", "method", "inTransaction", "error", "none")
                        .timer()
                        .count())
                .isGreaterThanOrEqualTo(2);
        assertThat(meters.get(CrmMetrics.STORAGE).tags("port", "users").timers())
                .isNotEmpty();
    }

    @Test
    void aFailingPortCallThrowsItsOwnExceptionAndIsObservedAsAnError() {
        TestObservationRegistry observed = TestObservationRegistry.create();
        Storage storage = CrmMetrics.of(meters, observed).observe(this.storage);

        assertThatThrownBy(() -> storage.outbox().append(List.of())).isInstanceOf(TransactionRequiredException.class);

        TestObservationRegistryAssert.assertThat(observed)
                .hasObservationWithNameEqualTo(CrmMetrics.STORAGE)
                .that()
                .hasLowCardinalityKeyValue("port", "outbox")
                .hasLowCardinalityKeyValue("method", "append")
                .hasError();
    }

    @Test
    void theObservedStorageIsTheSameStorageUnderneath() {
        Storage observed = metrics.observe(storage);
        assertThat(observed.contacts()).isSameAs(observed.contacts());
        observed.transactions()
                .inTransaction(
                        () -> assertThat(storage.transactions().isActive()).isTrue());
        assertThat(observed).isEqualTo(observed).isNotEqualTo(storage);
    }

    @Test
    void workflowRunsAndEveryActionAreCountedPerWorkflowAndChannel() {
        Crm crm = Crm.builder().storage(storage).clock(clock).build();
        TestObservationRegistry observed = TestObservationRegistry.create();
        WorkflowRuntime runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(InMemoryWorkflowStore.create(storage))
                .retryPolicy(RetryPolicy.exponential(2, Duration.ofMinutes(10), Duration.ofMinutes(10)))
                .monitor(CrmMetrics.of(meters, observed).workflowMonitor())
                .channel(Channel.EMAIL, (key, message) -> {
                    if (message.subject().startsWith("refused")) {
                        throw new IllegalStateException("refused by the gateway");
                    }
                })
                .build();
        Instant due = START.minus(Duration.ofMinutes(3));
        runtime.register(new Mailing(
                runtime, List.of(email("welcome", Channel.EMAIL, due), email("refused offer", Channel.EMAIL, due))));
        metrics.bindOutboxBacklog(runtime);

        runtime.runDue(START);

        assertThat(meters.get(CrmMetrics.ACTIONS_PLANNED)
                        .tag("workflow", "mailing")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(meters.get(CrmMetrics.ACTIONS_DELIVERED)
                        .tags("workflow", "mailing", "channel", "email")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(CrmMetrics.ACTIONS_RETRIED)
                        .tags("workflow", "mailing", "channel", "email")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(CrmMetrics.DISPATCH_LAG)
                        .tags("workflow", "mailing", "channel", "email")
                        .timer()
                        .totalTime(TimeUnit.MINUTES))
                .isEqualTo(3);
        assertThat(meters.get(CrmMetrics.OUTBOX_BACKLOG).gauge().value()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10));
        runtime.runDue();

        assertThat(meters.get(CrmMetrics.ACTIONS_FAILED)
                        .tags("workflow", "mailing", "channel", "email")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get(CrmMetrics.OUTBOX_BACKLOG).gauge().value()).isZero();
        TestObservationRegistryAssert.assertThat(observed)
                .hasNumberOfObservationsWithNameEqualTo(CrmMetrics.WORKFLOW_RUN, 2);
    }

    @Test
    void aPayloadIsCountedUnderItsChannelOrItsKind() {
        assertThat(MicrometerWorkflowMonitor.channel(new Message(
                        Channel.SMS,
                        "+4930123456",
                        "Kim",
                        "Hi",
                        "Hello",
                        Locale.ENGLISH,
                        new RecordRef(RecordType.CONTACT, UUID.randomUUID()))))
                .isEqualTo("sms");
    }

    private static PlannedAction email(String subject, Channel channel, Instant due) {
        Message message = new Message(
                channel,
                "kim@example.com",
                "Kim Berg",
                subject,
                "Hello",
                Locale.ENGLISH,
                new RecordRef(RecordType.CONTACT, UUID.randomUUID()));
        return new PlannedAction(subject, subject, message, due);
    }

    /** Plans its actions once each, when due. */
    private record Mailing(WorkflowRuntime runtime, List<PlannedAction> plan) implements Workflow {

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
}
