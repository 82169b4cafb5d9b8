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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
        try {
            postgres = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(pool);
        migrate();
        entityManagerFactory = Persistence.createEntityManagerFactory("crmkit-benchmarks", Map.of(
                "jakarta.persistence.nonJtaDataSource", dataSource,
                "hibernate.hbm2ddl.auto", "validate",
                "hibernate.jdbc.batch_size", "100",
                "hibernate.order_inserts", "true",
                "hibernate.order_updates", "true"));
    }

    JpaStorage storage() {
        return JpaStorage.create(entityManagerFactory);
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    void execute(String sql) {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
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
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
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
            root = Path.of(JpaStorage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
                    .sorted(Comparator.comparingInt(BenchmarkDatabase::version)).toList()) {
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
