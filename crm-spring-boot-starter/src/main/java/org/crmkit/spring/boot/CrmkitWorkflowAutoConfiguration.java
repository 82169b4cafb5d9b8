package org.crmkit.spring.boot;

import org.crmkit.core.Crm;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.TenantResolver;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.workflow.Workflow;
import org.crmkit.workflow.WorkflowMonitor;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;

/**
 * crm-workflow's {@link WorkflowRuntime} in a Spring Boot application: its actions kept beside crmkit's storage
 * ({@link JpaWorkflowStore} on {@link JpaStorage}), the application's {@code MessageChannel} beans as its channels
 * ({@link CrmkitChannel}), its {@link Workflow} beans registered, and runs on Spring's scheduler when
 * {@code crmkit.workflow.schedule} is set. Off with {@code crmkit.workflow.enabled=false}; every bean backs off when
 * the application defines its own.
 */
@AutoConfiguration(
        after = CrmkitAutoConfiguration.class,
        afterName = {"org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration"})
@ConditionalOnClass(WorkflowRuntime.class)
@ConditionalOnBean(Crm.class)
@ConditionalOnProperty(prefix = "crmkit.workflow", name = "enabled", havingValue = "true", matchIfMissing = true)
public class CrmkitWorkflowAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WorkflowStore crmkitWorkflowStore(Storage storage) {
        if (storage instanceof JpaStorage jpa) {
            return JpaWorkflowStore.create(jpa);
        }
        if (storage instanceof InMemoryStorage memory) {
            return InMemoryWorkflowStore.create(memory);
        }
        throw new CrmkitConfigurationException("the starter keeps the workflows' actions beside a JpaStorage or an"
                + " InMemoryStorage, not beside a " + storage.getClass().getName()
                + ": define a WorkflowStore bean (or set crmkit.workflow.enabled=false)");
    }

    @Bean
    @ConditionalOnMissingBean
    WorkflowRuntime workflowRuntime(
            Crm crm,
            WorkflowStore store,
            TenantResolver tenants,
            CrmkitProperties properties,
            ListableBeanFactory beans,
            ObjectProvider<WorkflowMonitor> monitor) {
        WorkflowRuntime.Builder runtime = WorkflowRuntime.builder()
                .crm(crm)
                .store(store)
                .tenantResolver(tenants)
                .deliveryThreads(properties.getWorkflow().getDeliveryThreads())
                .lease(properties.getWorkflow().getLease());
        MessageChannels.of(beans).forEach(runtime::channel);
        monitor.ifAvailable(runtime::monitor);
        return runtime.build();
    }

    @Bean
    static WorkflowRegistrations crmkitWorkflowRegistrations(
            ObjectProvider<WorkflowRuntime> runtime, ObjectProvider<Workflow> workflows) {
        return new WorkflowRegistrations(runtime, workflows);
    }

    @Bean
    @ConditionalOnProperty(prefix = "crmkit.workflow", name = "schedule")
    WorkflowSchedule crmkitWorkflowSchedule(
            WorkflowRuntime runtime, CrmkitProperties properties, ObjectProvider<TaskScheduler> schedulers) {
        return new WorkflowSchedule(runtime, properties.getWorkflow().getSchedule(), schedulers.getIfUnique());
    }
}
