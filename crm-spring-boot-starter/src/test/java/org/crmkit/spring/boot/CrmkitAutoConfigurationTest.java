package org.crmkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.AccountRegistered;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.spi.ActorResolver;
import org.crmkit.core.spi.Storage;
import org.crmkit.core.spi.TenantResolver;
import org.crmkit.persistence.jpa.HostTransactions;
import org.crmkit.persistence.jpa.JpaStorage;
import org.crmkit.persistence.jpa.JpaWorkflowStore;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.WorkflowStore;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each condition of the starter's auto-configuration, on an H2 database in memory per context. */
class CrmkitAutoConfigurationTest {

    /** An application with every auto-configuration on the class path, on an empty H2 database of its own. */
    static ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                .withUserConfiguration(Application.class)
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "spring.jpa.hibernate.ddl-auto=validate",
                        "spring.jpa.open-in-view=false");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {}

    @Test
    void crmRunsOnTheApplicationsJpaWithCrmkitsTablesMigratedByItsFlyway() {
        application().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(Crm.class).hasSingleBean(JpaStorage.class);
            assertThat(context.getBean(HostTransactions.class)).isInstanceOf(SpringHostTransactions.class);
            assertThat(context.getBean(WorkflowStore.class)).isInstanceOf(JpaWorkflowStore.class);
            assertThat(context).hasSingleBean(WorkflowRuntime.class).doesNotHaveBean(WorkflowSchedule.class);
            assertThat(context.getBean(TenantResolver.class).currentTenant()).isEqualTo(TenantId.DEFAULT);
            assertThat(context.getBean(ActorResolver.class).currentActor()).isEqualTo(Actor.SYSTEM);

            Crm crm = context.getBean(Crm.class);
            var ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of());
            var acme = crm.parties().registerAccount(NewAccount.of("ACME GmbH", ada.id()));
            assertThat(crm.parties().account(acme.id()).name()).isEqualTo("ACME GmbH");

            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from crm_account", Integer.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "select count(*) from \"crmkit_schema_history\" where \"success\"", Integer.class))
                    .isGreaterThanOrEqualTo(12);
        });
    }

    @Test
    void anApplicationThatListsCrmkitsMappingFileItselfStartsAsWell() {
        application()
                .withPropertyValues("spring.jpa.mapping-resources=" + JpaStorage.MAPPING_FILE)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Crm crm = context.getBean(Crm.class);
                    var ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of());
                    assertThat(crm.access().user(ada.id()).name()).isEqualTo("Ada Sales");
                });
    }

    @Test
    void withoutFlywayTheStartIsRefusedNamingTheMissingTables() {
        application()
                .withPropertyValues("spring.flyway.enabled=false")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(CrmkitConfigurationException.class)
                        .hasMessageContaining(
                                "crmkit's tables are missing from the application's database (crm_outbox,")
                        .hasMessageContaining("add Flyway"));
    }

    @Test
    void migratingCanBeTurnedOffAndThenTheTablesMustExist() {
        application()
                .withPropertyValues("crmkit.schema.migrate=false")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(CrmkitConfigurationException.class)
                        .hasMessageContaining("crmkit's tables are missing"));
    }

    @Test
    void theTenantComesFromTheProperty() {
        application()
                .withPropertyValues("crmkit.tenant=acme")
                .run(context -> assertThat(context.getBean(TenantResolver.class).currentTenant())
                        .isEqualTo(TenantId.of("acme")));
    }

    @Test
    void everyBeanBacksOffWhenTheApplicationDefinesItsOwn() {
        application().withUserConfiguration(OwnBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Clock.class)).isSameAs(OwnBeans.CLOCK);
            assertThat(context.getBean(TenantResolver.class).currentTenant()).isEqualTo(TenantId.of("own"));
            assertThat(context.getBean(ActorResolver.class).currentActor().id()).isEqualTo("own");
            assertThat(context.getBean(Storage.class)).isInstanceOf(InMemoryStorage.class);
            assertThat(context).doesNotHaveBean(JpaStorage.class);
            assertThat(context.getBean(WorkflowStore.class)).isInstanceOf(InMemoryWorkflowStore.class);
            assertThat(context.getBean(Crm.class).clock()).isSameAs(OwnBeans.CLOCK);
        });
        application().withUserConfiguration(OwnCrm.class).run(context -> {
            assertThat(context.getBean(Crm.class)).isSameAs(OwnCrm.CRM);
            assertThat(context).doesNotHaveBean(ApplicationEvents.class);
        });
    }

    @Test
    void domainEventsArePublishedAsApplicationEvents() {
        application().withUserConfiguration(AccountEvents.class).run(context -> {
            Crm crm = context.getBean(Crm.class);
            var ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of());
            var acme = crm.parties().registerAccount(NewAccount.of("ACME GmbH", ada.id()));
            assertThat(context.getBean(AccountEvents.class).received)
                    .extracting(AccountRegistered::aggregateId)
                    .containsExactly(acme.id().value());
            assertThat(crm.publishPendingEvents()).isZero();
        });
        application()
                .withUserConfiguration(AccountEvents.class)
                .withPropertyValues("crmkit.events.publish=false")
                .run(context -> {
                    Crm crm = context.getBean(Crm.class);
                    var ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of());
                    crm.parties().registerAccount(NewAccount.of("ACME GmbH", ada.id()));
                    assertThat(context.getBean(AccountEvents.class).received).isEmpty();
                });
    }

    @Test
    void theWorkflowRuntimeCanBeTurnedOff() {
        application()
                .withPropertyValues("crmkit.workflow.enabled=false")
                .run(context -> assertThat(context)
                        .hasSingleBean(Crm.class)
                        .doesNotHaveBean(WorkflowRuntime.class)
                        .doesNotHaveBean(WorkflowStore.class));
    }

    @Test
    void theDefaultsOfThePropertiesAreCrmkitsDefaults() {
        CrmkitProperties properties = new CrmkitProperties();
        assertThat(properties.getEventDeliveryAttempts()).isEqualTo(Crm.Builder.DEFAULT_EVENT_DELIVERY_ATTEMPTS);
        assertThat(properties.getTenant()).isEqualTo(TenantId.DEFAULT.value());
    }

    @Test
    void theJarDescribesEveryPropertyForTheIde() throws java.io.IOException {
        try (var metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String json = new String(metadata.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(json)
                    .contains(
                            "\"name\": \"crmkit.workflow.schedule\"",
                            "\"name\": \"crmkit.schema.migrate\"",
                            "\"name\": \"crmkit.events.publish\"",
                            "\"name\": \"crmkit.tenant\"")
                    .contains("The delay between two runs of the workflows");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

        @Bean
        Clock ownClock() {
            return CLOCK;
        }

        @Bean
        TenantResolver ownTenants() {
            return TenantResolver.fixed(TenantId.of("own"));
        }

        @Bean
        ActorResolver ownActors() {
            return ActorResolver.fixed(Actor.of("own", "Own"));
        }

        @Bean
        InMemoryStorage ownStorage() {
            return InMemoryStorage.create(CLOCK);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnCrm {
        static final Crm CRM = Crm.builder().storage(InMemoryStorage.create()).build();

        @Bean
        Crm ownCrm() {
            return CRM;
        }
    }

    static class AccountEvents {
        final List<AccountRegistered> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(AccountRegistered event) {
            received.add(event);
        }
    }
}
