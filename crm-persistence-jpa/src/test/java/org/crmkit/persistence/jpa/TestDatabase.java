package org.crmkit.persistence.jpa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.crmkit.core.spi.Storage;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database for one test class: a fresh in-memory H2 database, or a fresh database on the embedded PostgreSQL
 * that is started once per JVM. The shipped schema ({@code db/migration/crmkit/<database>/V*__*.sql}) is applied
 * as Flyway would, then an entity manager factory is built that only validates the mappings against it. Each
 * {@link #storage} call empties every table first, so every test starts from an empty store.
 *
 * <pre>{@code @RegisterExtension static final TestDatabase database = TestDatabase.postgres();}</pre>
 */
final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    enum Kind {
        H2("h2"),
        POSTGRESQL("postgresql");

        final String migrations;

        Kind(String migrations) {
            this.migrations = migrations;
        }
    }

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");

    private final Kind kind;
    /** Added to the JDBC URL of PostgreSQL, e.g. driver options. */
    private final String urlOptions;

    private String databaseName;
    private HikariDataSource dataSource;
    private EntityManagerFactory entityManagerFactory;

    private TestDatabase(Kind kind, String urlOptions) {
        this.kind = kind;
        this.urlOptions = urlOptions;
    }

    static TestDatabase h2() {
        return new TestDatabase(Kind.H2, "");
    }

    static TestDatabase postgres() {
        return new TestDatabase(Kind.POSTGRESQL, "");
    }

    /**
     * PostgreSQL with the driver's {@code reWriteBatchedInserts}, as many hosts configure it: a batch of inserts goes
     * as multi-row statements, whose row counts the driver no longer reports per insert.
     */
    static TestDatabase postgresWithRewrittenInserts() {
        return new TestDatabase(Kind.POSTGRESQL, "&reWriteBatchedInserts=true");
    }

    Kind kind() {
        return kind;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        databaseName = "crm_test_" + DATABASES.incrementAndGet();
        HikariConfig pool = new HikariConfig();
        pool.setMaximumPoolSize(8);
        pool.setPoolName(databaseName);
        if (kind == Kind.H2) {
            pool.setJdbcUrl("jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1");
        } else {
            try (Connection admin = EmbeddedPostgresHolder.INSTANCE
                            .getPostgresDatabase()
                            .getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("create database " + databaseName);
            }
            pool.setJdbcUrl(EmbeddedPostgresHolder.INSTANCE.getJdbcUrl("postgres", databaseName) + urlOptions);
            pool.setUsername("postgres");
        }
        dataSource = new HikariDataSource(pool);
        migrate();
        entityManagerFactory = Persistence.createEntityManagerFactory(
                "crmkit-test",
                Map.of(
                        "jakarta.persistence.nonJtaDataSource", dataSource,
                        "hibernate.hbm2ddl.auto", "validate",
                        "hibernate.generate_statistics", "true",
                        "hibernate.session.events.log", "false",
                        "hibernate.jdbc.batch_size", "50",
                        "hibernate.order_inserts", "true",
                        "hibernate.order_updates", "true"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (entityManagerFactory != null) {
            entityManagerFactory.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (kind == Kind.POSTGRESQL) {
            try (Connection admin = EmbeddedPostgresHolder.INSTANCE
                            .getPostgresDatabase()
                            .getConnection();
                    Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + databaseName + " with (force)");
            }
        }
    }

    EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /** Hibernate's statistics of this database's entity manager factory (statement counts and more). */
    Statistics statistics() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** An empty store on this database whose outbox uses the clock. */
    JpaStorage storage(Clock clock) {
        return storage(builder -> builder.clock(clock));
    }

    /** An empty store on this database, configured by the caller. */
    JpaStorage storage(Consumer<JpaStorage.Builder> configuration) {
        emptyEveryTable();
        JpaStorage.Builder builder = JpaStorage.builder(entityManagerFactory);
        configuration.accept(builder);
        return builder.build();
    }

    /** An empty store on this database seen as the {@link Storage} port, for the testkit's contracts. */
    Storage storagePort(Clock clock) {
        return storage(clock);
    }

    /**
     * Where {@code text} occurs, ignoring case, in the database: every text, varchar and JSON column of every table
     * of crmkit (named {@code crm_...}), as information_schema lists them, so that a table or column added later is
     * searched too. Each place as {@code table.column}; empty when nowhere.
     */
    List<String> placesHolding(String text) {
        try (Connection connection = dataSource.getConnection()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("select table_name, column_name from"
                    + " information_schema.columns where lower(table_name) like 'crm%' and lower(table_schema) ="
                    + " lower(current_schema) and lower(data_type) in ('text', 'character varying', 'character',"
                    + " 'json', 'jsonb', 'character large object')")) {
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        columns.add(new String[] {result.getString(1), result.getString(2)});
                    }
                }
            }
            if (columns.size() < 20) {
                throw new IllegalStateException("information_schema lists only " + columns.size() + " text columns");
            }
            List<String> places = new ArrayList<>();
            for (String[] column : columns) {
                try (PreparedStatement count = connection.prepareStatement("select count(*) from " + column[0]
                        + " where lower(cast(" + column[1] + " as varchar)) like ?")) {
                    count.setString(1, "%" + text.toLowerCase(java.util.Locale.ROOT) + "%");
                    try (ResultSet result = count.executeQuery()) {
                        result.next();
                        if (result.getLong(1) > 0) {
                            places.add(column[0].toLowerCase(java.util.Locale.ROOT) + "."
                                    + column[1].toLowerCase(java.util.Locale.ROOT));
                        }
                    }
                }
            }
            return places;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot search " + databaseName + " for a text", e);
        }
    }

    /** Runs SQL on a connection of its own, outside any transaction of the adapter. */
    void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The JSON in {@code column} of the row of {@code table} whose {@code key} column is {@code id}. */
    ObjectNode storedJson(String column, String table, String key, UUID id) {
        String sql = "select " + column + " from " + table + " where " + key + " = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no row " + id + " in " + table);
                }
                return (ObjectNode) JSON.readTree(row.getString(1));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Changes the stored JSON of {@link #storedJson} with {@code change} and writes it back, as another crmkit
     * version may have written it.
     */
    void rewriteJson(String column, String table, String key, UUID id, Consumer<ObjectNode> change) {
        ObjectNode json = storedJson(column, table, key, id);
        change.accept(json);
        String value = kind == Kind.H2 ? "? format json" : "cast(? as jsonb)";
        String sql = "update " + table + " set " + column + " = " + value + " where " + key + " = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, json.toString());
            update.setObject(2, id);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no row " + id + " in " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The number the query counts, run on a connection of its own. */
    long count(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void migrate() throws IOException, SQLException {
        for (Path migration : migrations()) {
            run(migration);
        }
    }

    /**
     * Runs the shipped migration of that version again, as it runs on a database upgraded from the version before:
     * for migrations that rewrite stored rows, which the test wrote in their earlier form.
     */
    void migrateAgain(int version) {
        try {
            run(migrations().stream()
                    .filter(migration -> version(migration) == version)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no migration V" + version + " for " + kind)));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("V" + version, e);
        }
    }

    private void run(Path migration) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            for (String sql : statements(Files.readString(migration, StandardCharsets.UTF_8))) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(migration.getFileName() + ": " + e.getMessage() + "\n" + sql, e);
                }
            }
        }
    }

    private List<Path> migrations() throws IOException {
        URL folder = TestDatabase.class.getClassLoader().getResource("db/migration/crmkit/" + kind.migrations);
        if (folder == null) {
            throw new IllegalStateException("no migrations for " + kind);
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.filter(file ->
                            MIGRATION.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(TestDatabase::version))
                    .toList();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(folder.toString(), e);
        }
    }

    private static int version(Path migration) {
        Matcher matcher = MIGRATION.matcher(migration.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(migration.toString());
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Splits a script at semicolons that end a line; comment lines are dropped. */
    private static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.strip().startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private void emptyEveryTable() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            // unquoted names are stored upper-case by H2 and lower-case by PostgreSQL
            String crmTables = kind == Kind.H2 ? "CRM_%" : "crm_%";
            List<String> tables = new ArrayList<>();
            try (ResultSet result = connection.getMetaData().getTables(null, null, crmTables, new String[] {"TABLE"})) {
                while (result.next()) {
                    tables.add(result.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                statement.execute("delete from " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the tables of " + databaseName, e);
        }
    }

    /** The embedded PostgreSQL, started on first use and stopped when the JVM ends. */
    private static final class EmbeddedPostgresHolder {

        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
    }
}
