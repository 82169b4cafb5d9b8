package org.crmkit.examples;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.examples.trial.JpaTrialStore;

/**
 * Empty databases for the example workflow's tests, each with crmkit's schema and the example's own table
 * ({@link JpaTrialStore#SCHEMA}): H2 in memory, or a fresh database on an embedded PostgreSQL started once for all
 * the tests of the run (it stops when the JVM ends).
 */
final class ExampleDatabases {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private ExampleDatabases() {}

    static DemoDatabase h2() {
        DemoDatabase database =
                DemoDatabase.open("jdbc:h2:mem:trial-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
        database.run(JpaTrialStore.SCHEMA);
        return database;
    }

    private static EmbeddedPostgres postgres;

    private static synchronized EmbeddedPostgres postgresServer() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
        return postgres;
    }

    static DemoDatabase postgres() {
        EmbeddedPostgres postgres = postgresServer();
        String name = "trial_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        DemoDatabase database = DemoDatabase.open(postgres.getJdbcUrl("postgres", name), "postgres", "postgres");
        database.run(JpaTrialStore.SCHEMA);
        return database;
    }
}
