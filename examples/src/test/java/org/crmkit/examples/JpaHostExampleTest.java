package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crmkit.core.common.PageRequest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

/**
 * docs/running-on-postgresql.md's host set-up is the compiled code of {@link JpaHostExample}, and it runs on H2 and
 * on PostgreSQL: Flyway creates crmkit's tables, Hibernate validates its mappings against them, a record goes in
 * and comes back, and a second start on the same database finds the schema up to date. And the page's advice on the
 * pool holds: through a pool of one connection Flyway cannot migrate.
 */
class JpaHostExampleTest {

    private static final Path PAGE = Path.of("..", "docs", "running-on-postgresql.md");
    private static final Path EXAMPLE =
            Path.of("src", "main", "java", "org", "crmkit", "examples", "JpaHostExample.java");

    @Test
    void thePageShowsExactlyTheCompiledHostSetUp() throws IOException {
        String source = Files.readString(EXAMPLE, StandardCharsets.UTF_8);
        String marked = source.substring(
                source.indexOf("// HOST:BEGIN\n") + "// HOST:BEGIN\n".length(), source.indexOf("// HOST:END"));

        assertThat(marked).contains("Flyway.configure()");
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8)).contains("```java\n" + dedent(marked) + "```\n");
    }

    @Test
    void theHostStartsOnH2StoresAnAccountAndStartsAgainOnTheSameDatabase() throws IOException, SQLException {
        String url = "jdbc:h2:mem:host-example;DB_CLOSE_DELAY=-1";

        assertThat(runOn(url, null, null)).isEqualTo("Stored ACME GmbH, owned by Ada Sales\n");
        try (JpaHostExample.Host again = JpaHostExample.Host.start(url, null, null, Clock.systemUTC())) {
            assertThat(again.crm().parties().accountsNamed("ACME GmbH")).hasSize(1);
            assertThat(appliedMigrations(again)).containsExactlyElementsOf(shippedMigrations("h2"));
        }
    }

    @Test
    void theHostStartsOnPostgresqlStoresAnAccountAndStartsAgainOnTheSameDatabase() throws IOException, SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");

            assertThat(runOn(url, "postgres", "postgres")).isEqualTo("Stored ACME GmbH, owned by Ada Sales\n");
            try (JpaHostExample.Host again =
                    JpaHostExample.Host.start(url, "postgres", "postgres", Clock.systemUTC())) {
                assertThat(again.crm().access().users(PageRequest.first(10)).items())
                        .hasSize(1);
                assertThat(appliedMigrations(again)).containsExactlyElementsOf(shippedMigrations("postgresql"));
            }
        }
    }

    /** Why the page asks for a pool of at least two connections: with one, Flyway waits for itself. */
    @Test
    void flywayCannotMigrateThroughAPoolOfOneConnection() {
        HikariConfig one = new HikariConfig();
        one.setJdbcUrl("jdbc:h2:mem:pool-of-one;DB_CLOSE_DELAY=-1");
        one.setMaximumPoolSize(1);
        one.setConnectionTimeout(1_000);
        try (HikariDataSource dataSource = new HikariDataSource(one)) {
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/crmkit/h2")
                    .table("crmkit_schema_history")
                    .load();

            assertThatThrownBy(flyway::migrate)
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("Connection is not available");
        }
    }

    private static String runOn(String url, String user, String password) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JpaHostExample.Host host = JpaHostExample.Host.start(url, user, password, Clock.systemUTC())) {
            JpaHostExample.run(host.crm(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    /** The versions Flyway recorded in crmkit's history table, in order (H2 also records the schema it created). */
    private static List<String> appliedMigrations(JpaHostExample.Host host) throws SQLException {
        try (Connection connection = host.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select \"version\" from \"crmkit_schema_history\""
                        + " where \"success\" and \"version\" is not null order by \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }

    /** The versions of the SQL files crm-persistence-jpa ships for the database, in order. */
    private static List<String> shippedMigrations(String database) throws IOException {
        Path folder =
                Path.of("..", "crm-persistence-jpa", "src", "main", "resources", "db", "migration", "crmkit", database);
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString().replaceFirst("^V(\\d+)__.*$", "$1"))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }

    private static String dedent(String text) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        int indent = lines.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return lines.stream()
                .map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n"));
    }
}
