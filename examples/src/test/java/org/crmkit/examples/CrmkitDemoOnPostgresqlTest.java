package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole demo on a real PostgreSQL (an embedded one, started for this class) through the switch a user
 * gives on the command line, {@code -Dcrmkit.demo.jdbcUrl}, {@code -Dcrmkit.demo.user} and
 * {@code -Dcrmkit.demo.password}, with the same {@link DemoRunChecks} as the run on H2.
 */
class CrmkitDemoOnPostgresqlTest extends DemoRunChecks {

    private static final String DATABASE = "crmkit_demo";

    private EmbeddedPostgres postgres;
    private String url;

    @Override
    CrmkitDemo.Outcome runDemo(Path directory, Path cdnow, PrintStream out) {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
        execute(postgres.getJdbcUrl("postgres", "postgres"), "create database " + DATABASE);
        url = postgres.getJdbcUrl("postgres", DATABASE);
        return runWithTheSwitch(directory, cdnow, out);
    }

    /** Runs the demo as {@code -Dcrmkit.demo.jdbcUrl=... -Dcrmkit.demo.user=... -Dcrmkit.demo.password=...} does. */
    private CrmkitDemo.Outcome runWithTheSwitch(Path directory, Path cdnow, PrintStream out) {
        System.setProperty("crmkit.demo.jdbcUrl", url);
        System.setProperty("crmkit.demo.user", "postgres");
        System.setProperty("crmkit.demo.password", "postgres");
        try {
            return CrmkitDemo.run(directory, cdnow, out);
        } finally {
            System.clearProperty("crmkit.demo.jdbcUrl");
            System.clearProperty("crmkit.demo.user");
            System.clearProperty("crmkit.demo.password");
        }
    }

    @AfterAll
    void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theStoryIsStoredInThePostgresqlDatabaseTheSwitchNames() throws SQLException {
        assertThat(printed).startsWith("Database: " + url + " (crmkit's JpaStorage and JpaWorkflowStore on Hibernate)");
        assertThat(count("select count(*) from crm_lead where status = 'CONVERTED'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from crm_opportunity")).isEqualTo(6);
        assertThat(count("select count(*) from crm_dunning_case")).isPositive();
        assertThat(directory.resolve("crm.mv.db"))
                .as("no H2 database beside the report")
                .doesNotExist();
    }

    @Test
    void aSecondRunOnTheSameDatabaseIsRefusedWithoutTouchingIt(@TempDir Path elsewhere) throws SQLException {
        PrintStream ignored = new PrintStream(OutputStream.nullOutputStream());

        assertThatThrownBy(() -> runWithTheSwitch(elsewhere, elsewhere, ignored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("the demo needs an empty database, but " + url + " already holds ")
                .hasMessageContaining("drop and create the database");
        assertThat(count("select count(*) from crm_opportunity")).isEqualTo(6);
        assertThat(elsewhere.resolve("crmkit-report.html")).doesNotExist();
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
