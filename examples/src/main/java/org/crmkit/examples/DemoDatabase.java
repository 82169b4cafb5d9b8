package org.crmkit.examples;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo's database: H2 in a file (the embedded default), or any PostgreSQL given by a JDBC URL. It
 * applies crmkit's shipped SQL files (the ones a host runs with Flyway) to the empty database and opens the
 * persistence unit {@code crmkit-demo}, in which Hibernate validates every mapping against that schema.
 */
final class DemoDatabase implements AutoCloseable {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");
    /**
     * Hibernate logs through java.util.logging here: its start-up notes (and the warning that its built-in
     * connection pool is not for production, which suits a demo) would drown the story, so only errors show.
     * Kept in a field because java.util.logging holds its loggers weakly.
     */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    static {
        HIBERNATE_LOG.setLevel(Level.SEVERE);
    }

    private final String url;
    private final String user;
    private final String password;
    private final EntityManagerFactory entityManagerFactory;

    private DemoDatabase(String url, String user, String password, EntityManagerFactory entityManagerFactory) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.entityManagerFactory = entityManagerFactory;
    }

    /**
     * Opens the database at {@code url} with the user and password given (both may be null for H2). An H2 file
     * database is deleted first, so every run starts empty; a PostgreSQL database must be empty (one that already
     * holds crmkit's tables is refused with an {@code IllegalStateException} that says so, and nothing is changed).
     */
    static DemoDatabase open(String url, String user, String password) {
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (!postgres && !url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("jdbc url must start with jdbc:h2: or jdbc:postgresql:, was " + url);
        }
        if (url.startsWith("jdbc:h2:file:")) {
            deleteH2Files(url);
        }
        migrate(url, user, password, postgres ? "postgresql" : "h2");
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put("jakarta.persistence.jdbc.url", url);
        if (user != null) {
            properties.put("jakarta.persistence.jdbc.user", user);
            properties.put("jakarta.persistence.jdbc.password", password == null ? "" : password);
        }
        return new DemoDatabase(url, user, password, Persistence.createEntityManagerFactory("crmkit-demo", properties));
    }

    String url() {
        return url;
    }

    /**
     * Runs a SQL file of the host's own on the class path (e.g. the table of its own workflow's store,
     * {@code JpaTrialStore.SCHEMA}), each statement as written.
     */
    void run(String resource) {
        try (var in = DemoDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            execute(url, user, password, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    @Override
    public void close() {
        entityManagerFactory.close();
    }

    private static void deleteH2Files(String url) {
        String base = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
        for (String suffix : List.of(".mv.db", ".trace.db")) {
            try {
                Files.deleteIfExists(Path.of(base + suffix));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the previous demo database " + base + suffix, e);
            }
        }
    }

    /** Runs crmkit's migration files for the database, in version order, each statement as written. */
    private static void migrate(String url, String user, String password, String database) {
        String folder = "db/migration/crmkit/" + database;
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            List<String> existing = crmkitTables(connection);
            if (!existing.isEmpty()) {
                throw new IllegalStateException("the demo needs an empty database, but " + url + " already holds "
                        + existing.size() + " of crmkit's tables (" + existing.get(0) + ", ...), e.g. from an "
                        + "earlier run: drop and create the database, or name another with -Dcrmkit.demo.jdbcUrl");
            }
            for (String script : scripts(folder)) {
                executeEach(statement, script);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create crmkit's schema at " + url + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String url, String user, String password, String script) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            executeEach(statement, script);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run a script at " + url + ": " + e.getMessage(), e);
        }
    }

    /** Runs each statement of the script (ended by a semicolon at the end of a line), skipping comment-only ones. */
    private static void executeEach(Statement statement, String script) throws SQLException {
        for (String sql : script.split(";\\s*(\\r?\\n|$)")) {
            if (!sql.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
                statement.execute(sql);
            }
        }
    }

    /** The tables whose names start with {@code crm_} (in any letter case: H2 keeps them upper-case). */
    private static List<String> crmkitTables(Connection connection) throws SQLException {
        List<String> tables = new java.util.ArrayList<>();
        try (ResultSet result = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (result.next()) {
                String name = result.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith("crm_")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** The contents of the folder's {@code V<n>__*.sql} files on the class path, in version order. */
    private static List<String> scripts(String folder) {
        URL location = DemoDatabase.class.getClassLoader().getResource(folder);
        if (location == null) {
            throw new IllegalStateException(folder + " is not on the class path: is crm-persistence-jpa a dependency?");
        }
        try {
            URI uri = location.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read(jar.getPath(folder));
                }
            }
            return read(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the migrations in " + location, e);
        }
    }

    private static List<String> read(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> migrations = files.filter(file ->
                            MIGRATION.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(DemoDatabase::version))
                    .toList();
            List<String> scripts = new java.util.ArrayList<>();
            for (Path migration : migrations) {
                scripts.add(Files.readString(migration, StandardCharsets.UTF_8));
            }
            return scripts;
        }
    }

    private static int version(Path file) {
        Matcher matcher = MIGRATION.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalStateException("not a migration file: " + file);
        }
        return Integer.parseInt(matcher.group(1));
    }
}
