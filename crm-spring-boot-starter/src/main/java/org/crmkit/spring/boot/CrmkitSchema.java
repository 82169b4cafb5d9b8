package org.crmkit.spring.boot;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * crmkit's tables in the application's database: which schema files fit it, and whether the tables are there.
 */
final class CrmkitSchema {

    /** A table of each of crmkit's storage areas; all of them exist once the shipped schema has been applied. */
    static final List<String> TABLES = List.of("crm_outbox", "crm_contact", "crm_invoice", "crm_workflow_action");

    private CrmkitSchema() {}

    /** The folder of crmkit's migrations for the database, e.g. {@code classpath:db/migration/crmkit/postgresql}. */
    static String migrationsFor(DataSource dataSource) {
        String product = productName(dataSource);
        String folder = switch (product.toLowerCase(Locale.ROOT)) {
            case "postgresql" -> "postgresql";
            case "h2" -> "h2";
            default ->
                throw new CrmkitConfigurationException("crmkit ships its schema for PostgreSQL and H2,"
                        + " not for " + product + ": set crmkit.schema.migrate=false and create crmkit's tables"
                        + " in this database yourself (see the SQL files under db/migration/crmkit/ in"
                        + " crm-persistence-jpa's jar)");
        };
        return "classpath:db/migration/crmkit/" + folder;
    }

    /** Refuses a database that lacks crmkit's tables, saying how to get them. */
    static void requireTables(DataSource dataSource) {
        List<String> missing = missingTables(dataSource);
        if (!missing.isEmpty()) {
            throw new CrmkitConfigurationException("crmkit's tables are missing from the application's database ("
                    + String.join(", ", missing) + "): add Flyway (org.flywaydb:flyway-core; on Spring Boot 4"
                    + " spring-boot-starter-flyway) so that the starter applies crmkit's schema with it"
                    + " (crmkit.schema.migrate, on by default), or apply the SQL files under db/migration/crmkit/"
                    + " of crm-persistence-jpa's jar to the database yourself");
        }
    }

    static List<String> missingTables(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            Set<String> present = new HashSet<>();
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    present.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            List<String> missing = new ArrayList<>();
            TABLES.stream().filter(table -> !present.contains(table)).forEach(missing::add);
            return missing;
        } catch (SQLException e) {
            throw new CrmkitConfigurationException("cannot look for crmkit's tables in the database: " + e, e);
        }
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new CrmkitConfigurationException("cannot tell which database the application uses: " + e, e);
        }
    }
}
