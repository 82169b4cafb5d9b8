package org.crmkit.benchmarks.jpa;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.spi.ContactRepository;
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
 * Record visibility on the embedded PostgreSQL 17: a page of 20 contacts as one salesperson sees them, among
 * 1,000,000 contacts in 16 territories (10 owners each), against the same query of the unrestricted repository. The
 * salesperson is a member of one territory (62,500 contacts), owns 6,250 of them, shares a team with one colleague
 * of the territory, and has 200 contacts of other territories shared with it. Two queries, each as a whole port
 * call (the page of 20 and its total count):
 * <ul>
 *   <li>{@code firstPage...}: the first page of all contacts ({@code findAll}, by id);</li>
 *   <li>{@code namePrefix...}: the first page of the contacts whose last name starts with a two-character prefix,
 *       in name order ({@code findByNameStartingWith}, about 1/256 of the contacts).</li>
 * </ul>
 * The contacts are inserted by one SQL statement from a stored contact's document (under a minute), then analysed.
 * Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar JpaVisibilityBenchmarks
 * </pre>
 */
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class JpaVisibilityBenchmarks {

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final int TERRITORIES = 16;
    private static final int OWNERS_PER_TERRITORY = 10;

    static UserId owner(int number) {
        return UserId.of(UUID.fromString(String.format("018f0000-0000-7000-8000-%012x", number)));
    }

    static TerritoryId territory(int number) {
        return TerritoryId.of(UUID.fromString(String.format("018f0000-0000-7000-9000-%012x", number)));
    }

    /** The stored contacts and the salesperson's visibility. */
    @State(Scope.Benchmark)
    public static class TerritoryContacts {
        @Param("1000000")
        int contacts;

        BenchmarkDatabase database;
        JpaStorage storage;
        ContactRepository visible;
        ContactRepository all;
        int probe;

        @Setup(Level.Trial)
        public void fill() throws SQLException {
            database = new BenchmarkDatabase();
            storage = database.storage();
            Clock clock = Clock.systemUTC();
            IdGenerator ids = new IdGenerator(clock);
            long started = System.nanoTime();
            insertContacts(template(clock, ids));
            database.execute("insert into crm_record_share (tenant_id, id, record_type, record_id, grantee_id, access)"
                    + " select tenant_id, gen_random_uuid(), 'CONTACT', id, '" + owner(0).value() + "', 'READ'"
                    + " from crm_contact where territory_id <> '" + territory(0).value() + "' limit 200");
            database.execute("vacuum analyze");
            System.out.printf(
                    "%n%,d contacts in %d territories stored by SQL in %.1f s%n",
                    contacts, TERRITORIES, (System.nanoTime() - started) / 1e9);
            User salesperson = User.register(
                    TENANT, owner(0), "Sales", EmailAddress.of("sales@crm.example"), List.of(Role.SALES), clock);
            Team desk = Team.create(TENANT, TeamId.next(ids), "Desk", null, clock);
            desk.addMember(owner(0), clock);
            desk.addMember(owner(1), clock);
            Territory north = Territory.define(
                    TENANT, territory(0), "Territory 0", 1, List.of(TerritoryRule.country("DE")), clock);
            north.addMember(owner(0), clock);
            all = storage.contacts();
            visible = all.visibleTo(Visibility.of(salesperson, List.of(desk), List.of(north)));
            System.out.printf(
                    "visible: %,d of %,d%n",
                    visible.findAll(TENANT, PageRequest.first(20)).totalElements(),
                    all.findAll(TENANT, PageRequest.first(20)).totalElements());
        }

        /** A stored contact's document, the model of every generated one; the contact is deleted again. */
        private String template(Clock clock, IdGenerator ids) throws SQLException {
            Contact contact = Contact.register(
                    TENANT,
                    ContactId.next(ids),
                    NewContact.of(PersonName.of("Kim", "Template"), owner(0)).withTerritory(territory(0)),
                    clock);
            storage.transactions().inTransaction(() -> storage.contacts().save(contact));
            try (Connection connection = database.connection();
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("select document::text from crm_contact")) {
                row.next();
                String document = row.getString(1);
                statement.execute("delete from crm_contact");
                return document;
            }
        }

        /**
         * Contact {@code i} is owned by owner {@code i % 160} of territory {@code owner / 10}; its last name is
         * random-looking ({@code N} and 8 hex digits of a hash of i), so that name order and id order differ.
         */
        private void insertContacts(String template) throws SQLException {
            try (Connection connection = database.connection();
                    PreparedStatement insert = connection.prepareStatement("insert into crm_contact (tenant_id, id,"
                            + " version, owner_id, territory_id, last_name_key, first_name_key, full_name_key,"
                            + " document)"
                            + " select ?, g.id, 1, g.owner, g.territory, lower(g.last), 'kim', lower('Kim ' || g.last),"
                            + " jsonb_set(jsonb_set(jsonb_set(jsonb_set(cast(? as jsonb), '{id,value}',"
                            + " to_jsonb(g.id::text)), '{name,lastName}', to_jsonb(g.last)), '{owner,value}',"
                            + " to_jsonb(g.owner::text)), '{territory,value}', to_jsonb(g.territory::text))"
                            + " from (select i, "
                            + uuid("i") + " as id, "
                            + "('018f0000-0000-7000-8000-' || lpad(to_hex(i % 160), 12, '0'))::uuid as owner,"
                            + " ('018f0000-0000-7000-9000-' || lpad(to_hex((i % 160) / 10), 12, '0'))::uuid"
                            + " as territory, 'N' || substr(md5(i::text), 1, 8) as last"
                            + " from generate_series(0, ? - 1) i) g")) {
                insert.setString(1, TENANT.value());
                insert.setString(2, template);
                insert.setInt(3, contacts);
                insert.execute();
            }
        }

        /** Time-ordered-looking ids, so that id order is insertion order as for generated ids. */
        private static String uuid(String number) {
            return "('018f0001-0000-7000-8000-' || lpad(to_hex(" + number + "), 12, '0'))::uuid";
        }

        String nextPrefix() {
            return "n" + Integer.toHexString(probe++ & 0xff | 0x100).substring(1);
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
    public Page<Contact> firstPageVisibleToTheSalesperson(TerritoryContacts stored) {
        return stored.visible.findAll(TENANT, PageRequest.first(20));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public Page<Contact> firstPageWithoutVisibility(TerritoryContacts stored) {
        return stored.all.findAll(TENANT, PageRequest.first(20));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public Page<Contact> namePrefixVisibleToTheSalesperson(TerritoryContacts stored) {
        return stored.visible.findByNameStartingWith(TENANT, stored.nextPrefix(), PageRequest.first(20));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public Page<Contact> namePrefixWithoutVisibility(TerritoryContacts stored) {
        return stored.all.findByNameStartingWith(TENANT, stored.nextPrefix(), PageRequest.first(20));
    }
}
