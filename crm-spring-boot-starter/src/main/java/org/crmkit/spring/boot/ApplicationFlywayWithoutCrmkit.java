package org.crmkit.spring.boot;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Keeps crmkit's migrations out of the application's Flyway (see {@link WithoutCrmkitMigrations}): its Flyway bean
 * is rebuilt with the same configuration and that provider of migration files, when its locations would see
 * crmkit's.
 */
final class ApplicationFlywayWithoutCrmkit implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (!(bean instanceof Flyway flyway) || !WithoutCrmkitMigrations.needed(flyway.getConfiguration())) {
            return bean;
        }
        return Flyway.configure(flyway.getConfiguration().getClassLoader())
                .configuration(flyway.getConfiguration())
                .resourceProvider(WithoutCrmkitMigrations.of(flyway.getConfiguration()))
                .load();
    }
}
