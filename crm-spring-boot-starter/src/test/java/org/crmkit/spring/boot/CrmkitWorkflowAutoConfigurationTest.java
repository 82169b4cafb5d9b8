package org.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.action.Message;
import org.crmkit.workflow.action.MessageChannel;
import org.crmkit.workflow.action.PlannedAction;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workflow runtime's conditions, on crmkit's in-memory storage (no database needed for these). */
class CrmkitWorkflowAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(CrmkitAutoConfiguration.class, CrmkitWorkflowAutoConfiguration.class))
            .withBean(InMemoryStorage.class, InMemoryStorage::create);

    @Test
    void theApplicationsWorkflowBeansAreRegisteredAndRunOnTheSchedule() {
        runner.withUserConfiguration(CountingWorkflow.class)
                .withPropertyValues("crmkit.workflow.schedule=50ms")
                .run(context -> {
                    assertThat(context).hasSingleBean(WorkflowSchedule.class);
                    CountingWorkflow workflow = context.getBean(CountingWorkflow.class);
                    assertThat(context.getBean(WorkflowRuntime.class).workflows())
                            .containsExactly(workflow);
                    await().atMost(Duration.ofSeconds(20)).until(() -> workflow.runs.get() >= 3);
                });
    }

    @Test
    void withoutTheScheduleNothingRunsTheWorkflows() throws InterruptedException {
        runner.withUserConfiguration(CountingWorkflow.class).run(context -> {
            assertThat(context).doesNotHaveBean(WorkflowSchedule.class);
            Thread.sleep(300);
            assertThat(context.getBean(CountingWorkflow.class).runs).hasValue(0);
        });
    }

    @Test
    void aZeroScheduleIsRefused() {
        runner.withPropertyValues("crmkit.workflow.schedule=0s")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(CrmkitConfigurationException.class)
                        .hasMessageContaining("crmkit.workflow.schedule must be a positive duration"));
    }

    @Test
    void eachAnnotatedChannelBeanSendsOnItsChannels() {
        runner.withUserConfiguration(EmailAndSms.class).run(context -> {
            WorkflowRuntime runtime = context.getBean(WorkflowRuntime.class);
            schedule(runtime, Channel.EMAIL, Channel.SMS, Channel.LETTER);
            runtime.runDue(Instant.now().plusSeconds(1));
            assertThat(context.getBean(EmailAndSms.class).email).containsExactly("EMAIL");
            assertThat(context.getBean(EmailAndSms.class).sms).containsExactly("SMS");
            assertThat(runtime.actionByKey("letter").orElseThrow().lastError())
                    .contains("no MessageChannel is configured for LETTER");
        });
    }

    @Test
    void oneUnannotatedChannelBeanSendsOnEveryChannelNoOtherClaims() {
        runner.withUserConfiguration(EmailAndEverythingElse.class).run(context -> {
            WorkflowRuntime runtime = context.getBean(WorkflowRuntime.class);
            schedule(runtime, Channel.EMAIL, Channel.SMS, Channel.LETTER);
            runtime.runDue(Instant.now().plusSeconds(1));
            assertThat(context.getBean(EmailAndEverythingElse.class).email).containsExactly("EMAIL");
            assertThat(context.getBean(EmailAndEverythingElse.class).others).containsExactlyInAnyOrder("SMS", "LETTER");
        });
    }

    @Test
    void twoBeansForOneChannelAreRefused() {
        runner.withUserConfiguration(TwoForEmail.class)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(CrmkitConfigurationException.class)
                        .hasMessageContaining("both claim the channel EMAIL"));
    }

    @Test
    void twoBeansWithoutAChannelAreRefused() {
        runner.withUserConfiguration(TwoWithoutChannel.class)
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(CrmkitConfigurationException.class)
                        .hasMessageContaining("say no channel: mark each with @CrmkitChannel"));
    }

    @Test
    void theRuntimeBacksOffWhenTheApplicationBuildsItsOwn() {
        runner.withUserConfiguration(OwnRuntime.class)
                .run(context -> assertThat(context.getBean(WorkflowRuntime.class))
                        .isSameAs(context.getBean(OwnRuntime.class).runtime));
    }

    private static void schedule(WorkflowRuntime runtime, Channel... channels) {
        runtime.transactions().inTransaction(() -> {
            for (Channel channel : channels) {
                Message message = new Message(
                        channel,
                        "kim@example.com",
                        "Kim Berg",
                        channel.name(),
                        "Hello",
                        Locale.ENGLISH,
                        new RecordRef(RecordType.CONTACT, UUID.randomUUID()));
                runtime.outbox()
                        .schedule(
                                "test",
                                new PlannedAction(
                                        channel.name().toLowerCase(Locale.ROOT), "subject", message, Instant.now()));
            }
        });
    }

    static class CountingWorkflow implements Workflow {
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public int planDue(Instant asOf) {
            runs.incrementAndGet();
            return 0;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EmailAndSms {
        final List<String> email = new CopyOnWriteArrayList<>();
        final List<String> sms = new CopyOnWriteArrayList<>();

        @Bean
        @CrmkitChannel(Channel.EMAIL)
        MessageChannel email() {
            return (key, message) -> email.add(message.subject());
        }

        @Bean
        @CrmkitChannel(Channel.SMS)
        MessageChannel sms() {
            return (key, message) -> sms.add(message.subject());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EmailAndEverythingElse {
        final List<String> email = new CopyOnWriteArrayList<>();
        final List<String> others = new CopyOnWriteArrayList<>();

        @Bean
        @CrmkitChannel(Channel.EMAIL)
        MessageChannel email() {
            return (key, message) -> email.add(message.subject());
        }

        @Bean
        MessageChannel everythingElse() {
            return (key, message) -> others.add(message.subject());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoForEmail {
        @Bean
        @CrmkitChannel(Channel.EMAIL)
        MessageChannel gateway() {
            return (key, message) -> {};
        }

        @Bean
        @CrmkitChannel({Channel.SMS, Channel.EMAIL})
        MessageChannel otherGateway() {
            return (key, message) -> {};
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoWithoutChannel {
        @Bean
        MessageChannel gateway() {
            return (key, message) -> {};
        }

        @Bean
        MessageChannel otherGateway() {
            return (key, message) -> {};
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRuntime {
        WorkflowRuntime runtime;

        @Bean
        WorkflowRuntime ownRuntime(org.crmkit.core.Crm crm, InMemoryStorage storage) {
            runtime = WorkflowRuntime.builder()
                    .crm(crm)
                    .store(org.crmkit.workflow.inmemory.InMemoryWorkflowStore.create(storage))
                    .build();
            return runtime;
        }
    }
}
