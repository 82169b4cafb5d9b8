package org.crmkit.benchmarks.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.crmkit.core.Crm;
import org.crmkit.core.access.DefaultAccess;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.Territory;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
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

/**
 * Record visibility on the embedded PostgreSQL 17: pages of contacts as one salesperson sees them, among 1,000,000
 * contacts in 16 territories (10 owners each), against the same query of the unrestricted repository. The salesperson
 * is a member of one territory (62,500 contacts), owns 6,250 of them, shares a team with one colleague of the
 * territory, and has 200 contacts of other territories shared with it. Two queries, each as a whole port call:
 * <ul>
 *   <li>a page of 20 in id order without a count ({@code findAllAfter}, the keyset read);</li>
 *   <li>the first page of 20 of all contacts by id with its total ({@code findAll}): the total counts every
 *       visible contact (62,700), which the query reads.</li>
 * </ul>
 * The contacts are inserted by one SQL statement from a stored contact's document, then analysed; PostgreSQL's plans
 * of the visible page and count are printed. Each query is sampled after a warm-up, the visible and the unrestricted
 * call alternately (each sample makes the view anew, as the services do), and reported as median, p90, p99 and
 * maximum, with the machine's load average. Build and
 * run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.JpaVisibilityScenarios [--contacts 1000000]
 * </pre>
 */
public final class JpaVisibilityScenarios {

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final int TERRITORIES = 16;

    private final BenchmarkDatabase database;
    private final JpaStorage storage;
    private final int contacts;

    private JpaVisibilityScenarios(BenchmarkDatabase database, int contacts) {
        this.database = database;
        this.storage = database.storage();
        this.contacts = contacts;
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length == 2 && args[0].equals("--contacts") ? Integer.parseInt(args[1]) : 1_000_000;
        try (BenchmarkDatabase database = new BenchmarkDatabase()) {
            new JpaVisibilityScenarios(database, contacts).run();
        }
    }

    static UserId owner(int number) {
        return UserId.of(UUID.fromString(String.format("018f0000-0000-7000-8000-%012x", number)));
    }

    static TerritoryId territory(int number) {
        return TerritoryId.of(UUID.fromString(String.format("018f0000-0000-7000-9000-%012x", number)));
    }

    private void run() throws Exception {
        Clock clock = Clock.systemUTC();
        IdGenerator ids = new IdGenerator(clock);
        long started = System.nanoTime();
        insertContacts(template(clock, ids));
        database.execute("insert into crm_record_share (tenant_id, id, record_type, record_id, grantee_id, access)"
                + " select tenant_id, gen_random_uuid(), 'CONTACT', id, '" + owner(0).value() + "', 'READ'"
                + " from crm_contact where territory_id <> '" + territory(0).value() + "' limit 200");
        database.execute("vacuum analyze");
        System.out.printf(
                "%,d contacts in %d territories stored by SQL in %.1f s%n",
                contacts, TERRITORIES, (System.nanoTime() - started) / 1e9);
        User salesperson = User.register(
                TENANT, owner(0), "Sales", EmailAddress.of("sales@crm.example"), List.of(Role.SALES), clock);
        Team desk = Team.create(TENANT, TeamId.next(ids), "Desk", null, clock);
        desk.addMember(owner(0), clock);
        desk.addMember(owner(1), clock);
        Territory north =
                Territory.define(TENANT, territory(0), "Territory 0", 1, List.of(TerritoryRule.country("DE")), clock);
        north.addMember(owner(0), clock);
        ContactRepository all = storage.contacts();
        Visibility visibility = Visibility.of(salesperson, List.of(desk), List.of(north));
        System.out.printf(
                "visible to the salesperson: %,d of %,d%n",
                all.visibleTo(visibility).findAll(TENANT, PageRequest.first(20)).totalElements(),
                all.findAll(TENANT, PageRequest.first(20)).totalElements());
        explain(visibility);
        System.out.printf("load average before: %s%n", Sampling.loadAverage());
        // the services make a view per call, so each sample does too; visible and unrestricted samples alternate,
        // so that both see the same load of the shared machine
        measureAlternately(
                "page of 20 by id, no count (findAllAfter)",
                3000,
                () -> all.visibleTo(visibility).findAllAfter(TENANT, null, 20),
                () -> all.findAllAfter(TENANT, null, 20));
        measureAlternately(
                "first page of 20 of all with the total (findAll)",
                30,
                () -> all.visibleTo(visibility).findAll(TENANT, PageRequest.first(20)),
                () -> all.findAll(TENANT, PageRequest.first(20)));
        storage.transactions().inTransaction(() -> {
            storage.users().save(salesperson);
            storage.teams().save(desk);
            return storage.territories().save(north);
        });
        AtomicReference<Actor> actor = new AtomicReference<>(Actor.SYSTEM);
        Crm crm = Crm.builder()
                .storage(storage)
                .tenant(TENANT)
                .actorResolver(actor::get)
                .sharingModel(SharingModel.every(DefaultAccess.PRIVATE))
                .build();
        Actor user = Actor.user(salesperson.id(), salesperson.name());
        measureAlternately(
                "the salesperson with its teams and territories",
                "in one statement (Storage.userAccess)",
                "in three reads",
                3000,
                () -> storage.userAccess(TENANT, salesperson.id()),
                () -> List.of(
                        storage.users().findById(TENANT, salesperson.id()),
                        storage.teams().findByMember(TENANT, salesperson.id()),
                        storage.territories().findByMember(TENANT, salesperson.id())));
        measureAlternately(
                "page of 20 by id through Crm (contactsAfter), the user's visibility resolved per call",
                3000,
                () -> {
                    actor.set(user);
                    return crm.parties().contactsAfter(null, 20);
                },
                () -> {
                    actor.set(Actor.SYSTEM);
                    return crm.parties().contactsAfter(null, 20);
                });
        System.out.printf("load average after: %s%n", Sampling.loadAverage());
    }

    /** The plans PostgreSQL chooses for the visible page and count, as the JPA adapter writes them. */
    private void explain(Visibility visibility) throws SQLException {
        String owners = visibility.owners().stream()
                .map(owner -> "'" + owner.value() + "'")
                .collect(Collectors.joining(", "));
        String territories = visibility.territories().stream()
                .map(territory -> "'" + territory.value() + "'")
                .collect(Collectors.joining(", "));
        String grantees = visibility.grantees().stream()
                .map(grantee -> "'" + grantee + "'")
                .collect(Collectors.joining(", "));
        String tenant = "'" + TENANT.value() + "'";
        String ownerOrTerritory = "r.tenant_id = " + tenant + " and (r.owner_id in (" + owners + ")"
                + " or r.territory_id in (" + territories + ")";
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement()) {
            String shared;
            try (ResultSet ids = statement.executeQuery("select string_agg(quote_literal(record_id::text), ', ')"
                    + " from crm_record_share where tenant_id = " + tenant + " and grantee_id in (" + grantees + ")")) {
                ids.next();
                shared = ids.getString(1);
            }
            String page = "select r.id, r.version, r.document from crm_contact r where " + ownerOrTerritory
                    + " or r.id in (select s.record_id from crm_record_share s where s.tenant_id = " + tenant
                    + " and s.grantee_id in (" + grantees + "))) order by r.id limit 20";
            String count =
                    "select count(*) from crm_contact r where " + ownerOrTerritory + " or r.id in (" + shared + "))";
            for (String query : List.of(page, count)) {
                System.out.println(
                        "explain analyze " + (query.length() > 400 ? query.substring(0, 400) + " ..." : query));
                try (ResultSet plan = statement.executeQuery("explain (analyze, buffers) " + query)) {
                    while (plan.next()) {
                        System.out.println("  " + plan.getString(1));
                    }
                }
            }
        }
    }

    /**
     * Runs both queries {@code samples} times to warm up, then {@code samples} times each, alternating (which goes
     * first alternates too), and prints the percentiles of each. The warm-up is as long as the measurement so that
     * the JIT compilers have finished with the code of both queries before the first sample: on 2 cores a
     * compilation still running takes a core from the query and PostgreSQL, and lands in the p99.
     */
    private static void measureAlternately(String label, int samples, Supplier<?> visible, Supplier<?> unrestricted) {
        measureAlternately(label, "visible", "unrestricted", samples, visible, unrestricted);
    }

    /** As above, for two calls named {@code firstName} and {@code secondName}. */
    private static void measureAlternately(
            String label,
            String firstName,
            String secondName,
            int samples,
            Supplier<?> visible,
            Supplier<?> unrestricted) {
        for (int i = 0; i < samples; i++) {
            visible.get();
            unrestricted.get();
        }
        long[] visibleNanos = new long[samples];
        long[] unrestrictedNanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            if (i % 2 == 0) {
                visibleNanos[i] = Sampling.time(visible);
                unrestrictedNanos[i] = Sampling.time(unrestricted);
            } else {
                unrestrictedNanos[i] = Sampling.time(unrestricted);
                visibleNanos[i] = Sampling.time(visible);
            }
        }
        Sampling.print(label + ", " + firstName, visibleNanos);
        Sampling.print(label + ", " + secondName, unrestrictedNanos);
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
}
