package org.crmkit.benchmarks.jpa;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.persistence.jpa.JpaStorage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JPA adapter on an embedded PostgreSQL 17 (Hibernate 6.6, JDBC batches of 100, reWriteBatchedInserts):
 * <ul>
 *   <li>bulk insert of {@code contacts} contacts (100,000 by default) through {@code contacts().saveAll} in
 *       transactions of 1,000, against a plain JDBC batch insert of exactly the rows the adapter writes (the
 *       contact rows and their lookup keys), also committed every 1,000 contacts;</li>
 *   <li>a lookup by email among {@code contacts} stored contacts (1,000,000 by default), sampled for percentiles.</li>
 * </ul>
 * Each contact has a name, an owner, one email and one mobile number. Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar JpaContactBenchmarks.bulkInsert
 * java -jar benchmarks/target/benchmarks.jar JpaContactBenchmarks.lookupByEmail
 * </pre>
 */
@Fork(
        value = 1,
        jvmArgs = {"-Xmx4g"})
public class JpaContactBenchmarks {

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final UserId OWNER = UserId.of(UUID.fromString("018f0000-0000-7000-8000-000000000001"));
    private static final int TRANSACTION_SIZE = 1000;

    static EmailAddress email(long i) {
        return EmailAddress.of("contact" + i + "@example.com");
    }

    /** Contact number {@code i}: the number is in the last name, email and phone. */
    static NewContact newContact(int i) {
        return NewContact.of(PersonName.of("Kim", "Person" + i), OWNER)
                .withEmail(email(i), ContactPointType.WORK)
                .withPhone(new PhoneNumber("+49151" + String.format("%08d", i)), ContactPointType.MOBILE);
    }

    /** Contacts numbered {@code first}, {@code first + 1}, ... (see {@link #newContact}). */
    static List<Contact> newContacts(int first, int count, IdGenerator ids, Clock clock) {
        List<Contact> contacts = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            contacts.add(Contact.register(TENANT, ContactId.next(ids), newContact(i), clock));
        }
        return contacts;
    }

    static void saveInTransactionsOf1000(JpaStorage storage, List<Contact> contacts) {
        for (int from = 0; from < contacts.size(); from += TRANSACTION_SIZE) {
            List<Contact> chunk = contacts.subList(from, Math.min(from + TRANSACTION_SIZE, contacts.size()));
            storage.transactions().inTransaction(() -> storage.contacts().saveAll(chunk));
        }
    }

    /** An empty contact table before every iteration, the contacts to insert, and the same rows for JDBC. */
    @State(Scope.Benchmark)
    public static class BulkInsert {
        @Param("100000")
        int contacts;

        BenchmarkDatabase database;
        JpaStorage storage;
        final Clock clock = Clock.systemUTC();
        final IdGenerator ids = new IdGenerator(clock);
        List<Contact> unsaved;
        final List<Object[]> contactRows = new ArrayList<>();
        final Map<Object, List<Object[]>> lookupRowsByContact = new LinkedHashMap<>();

        @Setup(Level.Trial)
        public void start() throws SQLException {
            database = new BenchmarkDatabase();
            storage = database.storage();
            saveInTransactionsOf1000(storage, newContacts(0, contacts, ids, clock));
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery(
                        "select tenant_id, id, version, owner_id, last_name_key, first_name_key,"
                                + " full_name_key, birthday, customer_anniversary, document::text from crm_contact order by id")) {
                    while (rows.next()) {
                        contactRows.add(row(rows, 10));
                        lookupRowsByContact.put(rows.getObject(2), new ArrayList<>());
                    }
                }
                try (ResultSet rows = statement.executeQuery(
                        "select tenant_id, id, record_id, key_name, key_value, valid_from, valid_to"
                                + " from crm_lookup")) {
                    while (rows.next()) {
                        lookupRowsByContact.get(rows.getObject(3)).add(row(rows, 7));
                    }
                }
            }
        }

        @Setup(Level.Iteration)
        public void emptyTables() {
            database.execute("truncate crm_contact, crm_lookup");
            unsaved = newContacts(0, contacts, ids, clock);
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            database.close();
        }

        private static Object[] row(ResultSet rows, int columns) throws SQLException {
            Object[] row = new Object[columns];
            for (int column = 0; column < columns; column++) {
                row[column] = rows.getObject(column + 1);
            }
            return row;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public void bulkInsertThroughTheAdapter(BulkInsert bulk) {
        saveInTransactionsOf1000(bulk.storage, bulk.unsaved);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public void bulkInsertWithPlainJdbc(BulkInsert bulk) throws SQLException {
        try (Connection connection = bulk.database.connection();
                PreparedStatement contact =
                        connection.prepareStatement("insert into crm_contact (tenant_id, id, version, owner_id,"
                                + " last_name_key, first_name_key, full_name_key, birthday, customer_anniversary, document)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)");
                PreparedStatement lookup =
                        connection.prepareStatement("insert into crm_lookup (tenant_id, id, record_id, key_name,"
                                + " key_value, valid_from, valid_to) values (?, ?, ?, ?, ?, ?, ?)")) {
            connection.setAutoCommit(false);
            int inTransaction = 0;
            for (Object[] row : bulk.contactRows) {
                bind(contact, row);
                for (Object[] key : bulk.lookupRowsByContact.get(row[1])) {
                    bind(lookup, key);
                }
                if (++inTransaction == TRANSACTION_SIZE) {
                    commit(connection, contact, lookup);
                    inTransaction = 0;
                }
            }
            commit(connection, contact, lookup);
        }
    }

    private static void bind(PreparedStatement statement, Object[] row) throws SQLException {
        for (int column = 0; column < row.length; column++) {
            statement.setObject(column + 1, row[column]);
        }
        statement.addBatch();
    }

    private static void commit(Connection connection, PreparedStatement contact, PreparedStatement lookup)
            throws SQLException {
        contact.executeBatch();
        lookup.executeBatch();
        connection.commit();
    }

    /** {@code contacts} stored contacts and emails of random ones to look up. */
    @State(Scope.Benchmark)
    public static class StoredContacts {
        @Param("1000000")
        int contacts;

        BenchmarkDatabase database;
        JpaStorage storage;
        final EmailAddress[] probes = new EmailAddress[4096];
        int probe;

        @Setup(Level.Trial)
        public void fill() {
            database = new BenchmarkDatabase();
            storage = database.storage();
            Clock clock = Clock.systemUTC();
            IdGenerator ids = new IdGenerator(clock);
            long started = System.nanoTime();
            for (int from = 0; from < contacts; from += 100_000) {
                saveInTransactionsOf1000(storage, newContacts(from, Math.min(100_000, contacts - from), ids, clock));
            }
            System.out.printf(
                    "%n%,d contacts stored through the adapter in %.1f s%n",
                    contacts, (System.nanoTime() - started) / 1e9);
            database.execute("analyze");
            for (int i = 0; i < probes.length; i++) {
                probes[i] = email(ThreadLocalRandom.current().nextInt(contacts));
            }
        }

        EmailAddress nextProbe() {
            return probes[probe++ & (probes.length - 1)];
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            database.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public List<Contact> lookupByEmail(StoredContacts stored) {
        return stored.storage.contacts().findByEmail(TENANT, stored.nextProbe());
    }
}
