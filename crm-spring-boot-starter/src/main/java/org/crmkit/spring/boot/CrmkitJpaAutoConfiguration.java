package org.crmkit.spring.boot;

import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import javax.sql.DataSource;
import org.crmkit.core.spi.Storage;
import org.crmkit.persistence.jpa.HostTransactions;
import org.crmkit.persistence.jpa.JpaStorage;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;

/**
 * crmkit's storage on the application's JPA: {@link JpaStorage} on its EntityManagerFactory, joining its Spring
 * transactions, with crmkit's entities added to its persistence unit and crmkit's tables migrated by its Flyway (or
 * checked) before the EntityManagerFactory starts. Backs off when the application defines its own {@code Storage}.
 * Spring Boot 3.5 and 4.0, whose JPA and Flyway auto-configurations live in modules of their own from 4.0 on (hence
 * both class names below).
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
@ConditionalOnClass({JpaStorage.class, EntityManagerFactory.class, EntityManagerFactoryUtils.class})
@EnableConfigurationProperties(CrmkitProperties.class)
public class CrmkitJpaAutoConfiguration {

    /** {@link JpaStorage} on the application's EntityManagerFactory, in its Spring transactions. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({EntityManagerFactory.class, EntityManagerFactoryUtils.class})
    @ConditionalOnBean(EntityManagerFactory.class)
    static class JpaStorageConfiguration {

        @Bean
        @ConditionalOnMissingBean(Storage.class)
        static CrmkitEntities crmkitEntities() {
            return new CrmkitEntities();
        }

        @Bean
        @ConditionalOnMissingBean
        HostTransactions crmkitHostTransactions(EntityManagerFactory entityManagerFactory) {
            return new SpringHostTransactions(entityManagerFactory);
        }

        @Bean(SchemaBeforeEntityManagerFactory.SCHEMA_BEAN)
        @ConditionalOnMissingBean(Storage.class)
        CrmkitSchemaSetup crmkitSchema(
                ObjectProvider<DataSource> dataSource, ObjectProvider<CrmkitFlywayMigration> migration) {
            return new CrmkitSchemaSetup(dataSource, migration);
        }

        @Bean
        static SchemaBeforeEntityManagerFactory crmkitSchemaBeforeEntityManagerFactory() {
            return new SchemaBeforeEntityManagerFactory();
        }

        @Bean
        @ConditionalOnMissingBean(Storage.class)
        JpaStorage crmkitStorage(
                EntityManagerFactory entityManagerFactory, HostTransactions hostTransactions, Clock clock) {
            return JpaStorage.builder(entityManagerFactory)
                    .clock(clock)
                    .hostTransactions(hostTransactions)
                    .build();
        }
    }

    /**
     * crmkit's tables through the application's Flyway, before its EntityManagerFactory starts; and crmkit's
     * migration files kept out of the application's own migrations.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    @ConditionalOnBean(Flyway.class)
    static class FlywayConfiguration {

        @Bean
        static ApplicationFlywayWithoutCrmkit crmkitApplicationFlywayWithoutCrmkit() {
            return new ApplicationFlywayWithoutCrmkit();
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnProperty(prefix = "crmkit.schema", name = "migrate", havingValue = "true", matchIfMissing = true)
        static class Migration {

            @Bean
            CrmkitFlywayMigration crmkitSchemaMigration(Flyway flyway, CrmkitProperties properties) {
                return new CrmkitFlywayMigration(flyway, properties.getSchema().getHistoryTable());
            }
        }
    }
}
