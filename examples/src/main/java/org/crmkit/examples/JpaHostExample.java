package org.crmkit.examples;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.NewAccount;
import org.crmkit.persistence.jpa.JpaStorage;
import org.flywaydb.core.Flyway;

/**
 * A host's whole set-up of crmkit on a database, as docs/running-on-postgresql.md shows it (the code between the
 * markers is that page's code block; {@code JpaHostExampleTest} checks that and runs it on H2 and on PostgreSQL):
 * Hibernate's logging through SLF4J, one connection pool, crmkit's tables by Flyway, Hibernate validating the
 * mappings, and the storage and {@link Crm} on top. Arguments: a JDBC URL (default: an H2 database in memory), user
 * and password.
 */
public final class JpaHostExample {

    private JpaHostExample() {}

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "jdbc:h2:mem:crmkit;DB_CLOSE_DELAY=-1";
        try (Host host = Host.start(
                url, args.length > 1 ? args[1] : null, args.length > 2 ? args[2] : null, Clock.systemUTC())) {
            run(host.crm(), System.out);
        }
    }

    /** What the host keeps while it runs, and closes at shut-down: the pool, Hibernate, and crmkit on them. */
    record Host(HikariDataSource dataSource, EntityManagerFactory entityManagerFactory, Crm crm)
            implements AutoCloseable {

        static Host start(String jdbcUrl, String user, String password, Clock clock) {
            // spotless:off (the block below is shown as it is in the docs)
            // HOST:BEGIN
            // Hibernate logs through JBoss Logging, which picks SLF4J only next to Logback (otherwise
            // java.util.logging): name it before Hibernate starts, or pass -Dorg.jboss.logging.provider=slf4j.
            System.setProperty("org.jboss.logging.provider", "slf4j");

            // One pool for Flyway and Hibernate. Flyway holds two connections at once while it migrates.
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(jdbcUrl);
            pool.setUsername(user);
            pool.setPassword(password);
            pool.setMaximumPoolSize(4);
            HikariDataSource dataSource = new HikariDataSource(pool);

            // crmkit's tables, from the SQL files in crm-persistence-jpa's jar, with a history table of their own.
            String database = jdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/crmkit/" + database)
                    .table("crmkit_schema_history")
                    .load()
                    .migrate();

            // The persistence unit lists META-INF/crmkit/orm.xml; Hibernate validates it against the tables.
            EntityManagerFactory entityManagerFactory = Persistence.createEntityManagerFactory("crmkit-host", Map.of(
                    "jakarta.persistence.nonJtaDataSource", dataSource,
                    "hibernate.hbm2ddl.auto", "validate",
                    "hibernate.jdbc.batch_size", "50",
                    "hibernate.order_inserts", "true",
                    "hibernate.order_updates", "true"));

            JpaStorage storage = JpaStorage.builder(entityManagerFactory).clock(clock).build();
            Crm crm = Crm.builder().storage(storage).clock(clock).build();
            // HOST:END
            // spotless:on
            return new Host(dataSource, entityManagerFactory, crm);
        }

        @Override
        public void close() {
            entityManagerFactory.close();
            dataSource.close();
        }
    }

    /** A first account, stored and read back through the database. */
    static void run(Crm crm, PrintStream out) {
        User ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of(Role.SALES));
        Account acme = crm.parties().registerAccount(NewAccount.of("ACME GmbH", ada.id()));
        out.println("Stored " + crm.parties().account(acme.id()).name() + ", owned by "
                + crm.access().user(ada.id()).name());
    }
}
