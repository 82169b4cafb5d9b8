package org.crmkit.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.crmkit.micrometer.CrmMetrics;
import org.crmkit.workflow.WorkflowMonitor;
import org.crmkit.workflow.WorkflowRuntime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * crmkit's metrics and observations ({@link CrmMetrics}) when the application has Micrometer and a
 * {@link MeterRegistry} (Spring Boot's actuator): storage calls and workflow runs as observations on its
 * {@link ObservationRegistry} (timers through Spring Boot's meter handler, spans when it traces), the workflow
 * runtime's actions as counters and timers, the outbox backlog as a gauge. Nothing of it exists without Micrometer on
 * the class path.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        })
@ConditionalOnClass({MeterRegistry.class, CrmMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public class CrmkitMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CrmMetrics crmkitMetrics(MeterRegistry meters, ObjectProvider<ObservationRegistry> observations) {
        return CrmMetrics.of(meters, observations.getIfUnique(() -> ObservationRegistry.NOOP));
    }

    /** The storage {@code Crm} is built on, observed. */
    @Bean
    StorageObservation crmkitStorageObservation(CrmMetrics metrics) {
        return metrics::observe;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WorkflowRuntime.class)
    static class WorkflowMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        WorkflowMonitor crmkitWorkflowMonitor(CrmMetrics metrics) {
            return metrics.workflowMonitor();
        }

        /** The backlog gauge, once the runtime exists (it depends on beans that may depend on the registry). */
        @Bean
        SmartInitializingSingleton crmkitOutboxBacklog(CrmMetrics metrics, ObjectProvider<WorkflowRuntime> runtime) {
            return () -> runtime.ifAvailable(metrics::bindOutboxBacklog);
        }
    }
}
