package org.crmkit.spring.boot;

import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;

/**
 * crmkit's tables before the application's EntityManagerFactory starts: migrated with the application's Flyway when
 * it has one (and {@code crmkit.schema.migrate} is on), then checked, so that a database without them is refused
 * with a message that says how to get them.
 */
final class CrmkitSchemaSetup implements InitializingBean {

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<CrmkitFlywayMigration> migration;

    CrmkitSchemaSetup(ObjectProvider<DataSource> dataSource, ObjectProvider<CrmkitFlywayMigration> migration) {
        this.dataSource = dataSource;
        this.migration = migration;
    }

    @Override
    public void afterPropertiesSet() {
        migration.ifAvailable(CrmkitFlywayMigration::migrate);
        dataSource.ifUnique(CrmkitSchema::requireTables);
    }
}
