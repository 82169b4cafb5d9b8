package org.crmkit.spring.boot;

import jakarta.persistence.EntityManagerFactory;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Makes every EntityManagerFactory of the application wait for crmkit's schema ({@link CrmkitSchemaSetup}), so that
 * Hibernate (which may validate the mappings) starts on crmkit's tables, or the start is refused with crmkit's
 * message first. The same as Spring Boot does for the application's Flyway.
 */
final class SchemaBeforeEntityManagerFactory implements BeanFactoryPostProcessor {

    static final String SCHEMA_BEAN = "crmkitSchema";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(SCHEMA_BEAN)) {
            return;
        }
        for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(
                beanFactory, EntityManagerFactory.class, true, false)) {
            BeanDefinition definition = beanFactory.getBeanDefinition(BeanFactoryUtils.transformedBeanName(name));
            Set<String> dependsOn = new LinkedHashSet<>();
            if (definition.getDependsOn() != null) {
                dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
            }
            dependsOn.add(SCHEMA_BEAN);
            definition.setDependsOn(dependsOn.toArray(String[]::new));
        }
    }
}
