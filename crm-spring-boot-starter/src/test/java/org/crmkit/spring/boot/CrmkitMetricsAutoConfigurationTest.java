package org.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.NewAccount;
import org.crmkit.micrometer.CrmMetrics;
import org.crmkit.workflow.WorkflowMonitor;
import org.crmkit.workflow.WorkflowRuntime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Metrics are wired when the application has Micrometer and a registry, and cost nothing otherwise. */
class CrmkitMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    CrmkitAutoConfiguration.class,
                    CrmkitWorkflowAutoConfiguration.class,
                    CrmkitMetricsAutoConfiguration.class))
            .withBean(InMemoryStorage.class, InMemoryStorage::create);

    @Configuration(proxyBeanMethods = false)
    static class Registries {
        @Bean
        SimpleMeterRegistry meters() {
            return new SimpleMeterRegistry();
        }

        @Bean
        ObservationRegistry observations(MeterRegistry meters) {
            ObservationRegistry observations = ObservationRegistry.create();
            observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
            return observations;
        }
    }

    @Test
    void storageCallsWorkflowRunsAndTheBacklogAreMeasuredInTheApplicationsRegistry() {
        runner.withUserConfiguration(Registries.class).run(context -> {
            Crm crm = context.getBean(Crm.class);
            var ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of());
            crm.parties().registerAccount(NewAccount.of("ACME GmbH", ada.id()));
            context.getBean(WorkflowRuntime.class).runDue();

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(meters.get(CrmMetrics.STORAGE)
                            .tags("port", "accounts", "method", "save")
                            .timer()
                            .count())
                    .isEqualTo(1);
            assertThat(meters.get(CrmMetrics.WORKFLOW_RUN).timer().count()).isEqualTo(1);
            assertThat(meters.get(CrmMetrics.OUTBOX_BACKLOG).gauge().value()).isZero();
        });
    }

    @Test
    void withoutARegistryNothingIsMeasured() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Crm.class).hasSingleBean(WorkflowRuntime.class);
            assertThat(context).doesNotHaveBean(CrmMetrics.class).doesNotHaveBean(WorkflowMonitor.class);
            assertThat(context).doesNotHaveBean(StorageObservation.class);
        });
    }

    @Test
    void withoutMicrometerOnTheClassPathCrmkitRunsAsBefore() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer.core")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Crm.class).hasSingleBean(WorkflowRuntime.class);
            assertThat(context).doesNotHaveBean(StorageObservation.class);
            assertThat(context.getBean(Crm.class)
                            .access()
                            .users(org.crmkit.core.common.PageRequest.first(1))
                            .totalElements())
                    .isZero();
        });
    }

    @Test
    void theApplicationsOwnMonitorIsKept() {
        WorkflowMonitor own = new WorkflowMonitor() {};
        runner.withUserConfiguration(Registries.class)
                .withBean("ownMonitor", WorkflowMonitor.class, () -> own)
                .run(context ->
                        assertThat(context.getBean(WorkflowMonitor.class)).isSameAs(own));
    }
}
