package org.crmkit.benchmarks.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.crmkit.persistence.jpa.JpaStorage;

/**
 * An embedded PostgreSQL 17 with crmkit's shipped schema, a connection pool with batched inserts rewritten into
 * multi-row statements, and an entity manager factory that validates the mappings. Close it to stop PostgreSQL.
 */
final class BenchmarkDatabase implements AutoCloseable {

    private static final String MIGRATIONS = "db/migration/crmkit/postgresql";

    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    BenchmarkDatabase() {
        this(Map.of());
    }

    /** With further properties for the entity manager factory, e.g. Hibernate's statistics. */
    BenchmarkDatabase(Map<String, Object> properties) {
        this(properties, 4);
    }

    /** With further properties for the entity manager factory and a pool of {@code connections}. */
    BenchmarkDatabase(Map<String, Object> properties, int connections) {
        this(properties, connections, true);
    }

    /**
     * With further properties, a pool of {@code connections}, and batched inserts rewritten into multi-row
     * statements or not (then the driver reports each insert's row count, which crmkit's action outbox reads).
     */
    BenchmarkDatabase(Map<String, Object> properties, int connections, boolean rewriteBatchedInserts) {
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres")
                + (rewriteBatchedInserts ? "&reWriteBatchedInserts=true" : ""));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(connections);
        dataSource = new HikariDataSource(pool);
        migrate();
        Map<String, Object> settings = new HashMap<>(Map.of(
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "hibernate.hbm2ddl.auto", "validate",
                "hibernate.jdbc.batch_size", "100",
                "hibernate.order_inserts", "true",
                "hibernate.order_updates", "true"));
        settings.putAll(properties);
        entityManagerFactory = Persistence.createEntityManagerFactory("crmkit-benchmarks", settings);
    }

    JpaStorage storage() {
        return JpaStorage.create(entityManagerFactory);
    }

    /** A store whose ids and outbox times come from {@code clock}. */
    JpaStorage storage(Clock clock) {
        return JpaStorage.builder(entityManagerFactory).clock(clock).build();
    }

    EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /**
     * CPU time PostgreSQL has used so far: the postmaster, its live child processes (the backends of the pool's
     * connections among them) and the children that have ended (a connection the pool replaced), read from
     * {@code /proc} (Linux, as the embedded binaries in the jar are).
     */
    Duration serverCpuTime() {
        try {
            long postmaster;
            try (Connection connection = connection();
                    Statement statement = connection.createStatement();
                    ResultSet directory = statement.executeQuery("show data_directory")) {
                directory.next();
                postmaster = Long.parseLong(Files.readAllLines(Path.of(directory.getString(1), "postmaster.pid"))
                        .get(0)
                        .strip());
            }
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes
                        .filter(p -> p.getFileName().toString().matches("\\d+"))
                        .toList()) {
                    String[] stat = processStat(process);
                    if (stat == null) {
                        continue;
                    }
                    if (Long.parseLong(stat[0]) == postmaster) {
                        // its own time and that of the children it has reaped (backends of closed connections)
                        ticks += Long.parseLong(stat[11])
                                + Long.parseLong(stat[12])
                                + Long.parseLong(stat[13])
                                + Long.parseLong(stat[14]);
                    } else if (Long.parseLong(stat[1]) == postmaster) {
                        ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    }
                }
            }
            return Duration.ofMillis(ticks * 10);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read PostgreSQL's CPU time", e);
        }
    }

    /** The fields of /proc/PID/stat from the pid on, with the command name left out; null if the process ended. */
    private static String[] processStat(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String pid = stat.substring(0, stat.indexOf(' '));
            String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            String[] fields = new String[rest.length];
            fields[0] = pid;
            System.arraycopy(rest, 1, fields, 1, rest.length - 1);
            return fields;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The pool, for a peer library that takes a data source. */
    DataSource dataSource() {
        return dataSource;
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    void execute(String sql) {
        try (Connection connection = connection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() throws IOException {
        entityManagerFactory.close();
        dataSource.close();
        postgres.close();
    }

    private void migrate() {
        try (Connection connection = connection();
                Statement statement = connection.createStatement()) {
            for (String script : migrationScripts()) {
                for (String sql : script.split(";\\s*(\\n|$)")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot apply crmkit's schema", e);
        }
    }

    /** The V*__*.sql files, read from the jar or folder that holds crm-persistence-jpa, in version order. */
    private static List<String> migrationScripts() throws IOException {
        Path root;
        try {
            root = Path.of(JpaStorage.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if (Files.isDirectory(root)) {
            return read(root.resolve(MIGRATIONS));
        }
        try (FileSystem jar = FileSystems.newFileSystem(root)) {
            return read(jar.getPath(MIGRATIONS));
        }
    }

    private static List<String> read(Path folder) throws IOException {
        List<String> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(path -> path.getFileName().toString().matches("V\\d+__.+\\.sql"))
                    .sorted(Comparator.comparingInt(BenchmarkDatabase::version))
                    .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", ""));
                }
            }
        }
        return scripts;
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
