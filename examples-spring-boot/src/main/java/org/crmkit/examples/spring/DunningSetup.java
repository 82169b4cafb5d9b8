package org.crmkit.examples.spring;

import org.crmkit.persistence.jpa.JpaDunningCaseStore;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.dunning.Dunning;
import org.crmkit.workflow.dunning.DunningLevel;
import org.crmkit.workflow.dunning.DunningPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Dunning on the starter's workflow runtime: a reminder by email a week after the due date, a second with a fee two
 * weeks later. It runs with every scheduled run of the workflows ({@code crmkit.workflow.schedule}); its emails go
 * to {@link SentMail}, the application's email channel.
 */
@Configuration(proxyBeanMethods = false)
class DunningSetup {

    @Bean
    Dunning dunning(WorkflowRuntime runtime, JpaStorage storage) {
        return Dunning.builder(runtime)
                .cases(JpaDunningCaseStore.create(storage))
                .policy(DunningPolicy.builder("standard")
                        .currency("EUR")
                        .level(DunningLevel.daysAfterDue(7)
                                .notice(Channel.EMAIL)
                                .paymentDeadline(7))
                        .level(DunningLevel.daysAfterDue(21)
                                .notice(Channel.EMAIL)
                                .fee("5.00")
                                .paymentDeadline(7))
                        .build())
                .build();
    }
}
