package org.crmkit.examples.debezium;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.examples.debezium.OutboxCapture.RoutedEvent;
import org.crmkit.persistence.jpa.JpaStorage;
import org.flywaydb.core.Flyway;

/**
 * crmkit on PostgreSQL with its domain events streamed by Debezium ({@link OutboxCapture}): starts a PostgreSQL with
 * logical decoding of its own (the embedded one the tests use), crmkit's schema and storage on it, Debezium's
 * engine on its outbox, then registers a user, an account and a contact and prints each event as the outbox event
 * router hands it on.
 */
public final class DebeziumOutboxExample {

    private DebeziumOutboxExample() {}

    public static void main(String[] args) throws InterruptedException {
        try (EmbeddedPostgres postgres = startPostgres();
                Host host = Host.start(postgres, Clock.systemUTC())) {
            BlockingQueue<RoutedEvent> routed = new LinkedBlockingQueue<>();
            try (OutboxCapture capture = OutboxCapture.start(host.database(), "crmkit_example", routed::add)) {
                run(host.crm());
                int written = host.outboxRows();
                for (int i = 0; i < written; i++) {
                    print(routed.poll(30, TimeUnit.SECONDS), System.out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PostgreSQL whose write-ahead log can be decoded (wal_level=logical), with room for replication slots. */
    static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder()
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_replication_slots", "4")
                .setServerConfig("max_wal_senders", "4")
                .start();
    }

    /** Registers a user, an account and a contact, and renames the account. */
    static void run(Crm crm) {
        User ada = crm.access().registerUser("Ada Sales", EmailAddress.of("ada@example.com"), List.of(Role.SALES));
        Account acme = crm.parties().registerAccount(NewAccount.of("ACME GmbH", ada.id()));
        crm.parties()
                .registerContact(NewContact.of(PersonName.of("Grace", "Hopper"), ada.id())
                        .withEmail(EmailAddress.of("grace@acme.example"), ContactPointType.WORK));
        crm.parties().renameAccount(acme.id(), "ACME Holding GmbH");
    }

    static void print(RoutedEvent event, PrintStream out) {
        if (event == null) {
            out.println("no event within 30 seconds");
            return;
        }
        out.println(event.topic() + " key=" + event.key() + " type=" + event.eventType() + " id=" + event.eventId());
    }

    /** crmkit on the embedded PostgreSQL: a pool, the schema by Flyway, Hibernate, the storage and {@link Crm}. */
    record Host(
            OutboxCapture.Database database,
            HikariDataSource dataSource,
            EntityManagerFactory entityManagerFactory,
            Crm crm)
            implements AutoCloseable {

        static Host start(EmbeddedPostgres postgres, Clock clock) {
            OutboxCapture.Database database =
                    new OutboxCapture.Database("localhost", postgres.getPort(), "postgres", "postgres", "postgres");
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername(database.user());
            pool.setPassword(database.password());
            pool.setMaximumPoolSize(4);
            HikariDataSource dataSource = new HikariDataSource(pool);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/crmkit/postgresql")
                    .table("crmkit_schema_history")
                    .load()
                    .migrate();
            EntityManagerFactory entityManagerFactory = Persistence.createEntityManagerFactory(
                    "crmkit-debezium", Map.of("jakarta.persistence.nonJtaDataSource", dataSource));
            JpaStorage storage =
                    JpaStorage.builder(entityManagerFactory).clock(clock).build();
            Crm crm = Crm.builder().storage(storage).clock(clock).build();
            return new Host(database, dataSource, entityManagerFactory, crm);
        }

        /** How many events crmkit has written into its outbox table. */
        int outboxRows() {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("select count(*) from crm_outbox")) {
                count.next();
                return count.getInt(1);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the outbox rows", e);
            }
        }

        @Override
        public void close() {
            entityManagerFactory.close();
            dataSource.close();
        }
    }
}
