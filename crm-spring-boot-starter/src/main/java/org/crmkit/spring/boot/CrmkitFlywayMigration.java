package org.crmkit.spring.boot;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Applies crmkit's schema with the application's Flyway: on its data source and schemas, from crmkit's migrations for
 * the database, with a history table of crmkit's own, so that the application's migrations and crmkit's are
 * versioned apart. Nothing else of the application's Flyway configuration applies (its baseline, callbacks and Java
 * migrations are its own). {@link CrmkitSchemaSetup} runs it before the EntityManagerFactory starts.
 */
final class CrmkitFlywayMigration {

    private final Flyway applicationFlyway;
    private final String historyTable;

    CrmkitFlywayMigration(Flyway applicationFlyway, String historyTable) {
        this.applicationFlyway = applicationFlyway;
        this.historyTable = historyTable;
    }

    void migrate() {
        Configuration application = applicationFlyway.getConfiguration();
        DataSource dataSource = application.getDataSource();
        FluentConfiguration crmkit = Flyway.configure(application.getClassLoader())
                .dataSource(dataSource)
                .schemas(application.getSchemas())
                .locations(CrmkitSchema.migrationsFor(dataSource))
                .table(historyTable)
                // the application's own history table (or its tables) may be there already: crmkit's history starts
                // below its first version, so that every crmkit migration is applied
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (application.getDefaultSchema() != null) {
            crmkit.defaultSchema(application.getDefaultSchema());
        }
        crmkit.load().migrate();
    }
}
