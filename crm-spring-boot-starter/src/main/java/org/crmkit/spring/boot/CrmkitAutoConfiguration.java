package org.crmkit.spring.boot;

import java.time.Clock;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.ActorResolver;
import org.crmkit.core.spi.EventListener;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.TenantResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * crmkit in a Spring Boot application: {@link Crm} on the application's JPA (its EntityManagerFactory, joining its
 * Spring transactions), crmkit's tables through its Flyway, its domain events as Spring application events, and
 * default tenant and actor resolvers and clock. Every bean backs off when the application defines its own of the
 * type. The storage comes from {@link CrmkitJpaAutoConfiguration} or is the application's own {@code Storage} bean.
 */
@AutoConfiguration(after = CrmkitJpaAutoConfiguration.class)
@ConditionalOnClass(Crm.class)
@EnableConfigurationProperties(CrmkitProperties.class)
public class CrmkitAutoConfiguration {

    /** The clock crmkit reads all time from: the system's, in UTC. */
    @Bean
    @ConditionalOnMissingBean
    Clock crmkitClock() {
        return Clock.systemUTC();
    }

    /** Every call on behalf of the tenant {@code crmkit.tenant} ({@code default}): a single-tenant application. */
    @Bean
    @ConditionalOnMissingBean
    TenantResolver crmkitTenantResolver(CrmkitProperties properties) {
        return TenantResolver.fixed(TenantId.of(properties.getTenant()));
    }

    /** Every change recorded as made by {@link Actor#SYSTEM}, until the application says who its user is. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.security.core.context.SecurityContextHolder")
    static class SystemActorConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ActorResolver crmkitActorResolver() {
            return ActorResolver.fixed(Actor.SYSTEM);
        }
    }

    /** With Spring Security: the logged-in user of the calling thread, {@link Actor#SYSTEM} when there is none. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.core.context.SecurityContextHolder")
    static class SecurityActorConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ActorResolver crmkitActorResolver() {
            return new SecurityContextActors();
        }
    }

    /**
     * {@link Crm} on the application's storage, and the listeners of its events; absent when it defines its own.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(Storage.class)
    @ConditionalOnMissingBean(Crm.class)
    static class CrmConfiguration {

        @Bean
        Crm crm(
                Storage storage,
                Clock clock,
                TenantResolver tenants,
                ActorResolver actors,
                CrmkitProperties properties,
                ObjectProvider<StorageObservation> observation) {
            StorageObservation decoration = observation.getIfAvailable(() -> StorageObservation.NONE);
            return Crm.builder()
                    .storage(decoration.observe(storage))
                    .clock(clock)
                    .tenantResolver(tenants)
                    .actorResolver(actors)
                    .eventDeliveryAttempts(properties.getEventDeliveryAttempts())
                    .build();
        }

        @Bean
        static EventListenerSubscriptions crmkitEventListenerSubscriptions(
                ObjectProvider<Crm> crm, ObjectProvider<EventListener> listeners) {
            return new EventListenerSubscriptions(crm, listeners);
        }

        @Bean
        @ConditionalOnProperty(prefix = "crmkit.events", name = "publish", havingValue = "true", matchIfMissing = true)
        EventListener crmkitApplicationEvents(ApplicationEventPublisher publisher) {
            return new ApplicationEvents(publisher);
        }
    }
}
