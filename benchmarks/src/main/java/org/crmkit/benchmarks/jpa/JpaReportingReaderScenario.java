package org.crmkit.benchmarks.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.TerritoryRule;
import org.crmkit.core.access.User;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.common.UserId;
import org.crmkit.persistence.jpa.JpaStorage;

/**
 * The reader views of schema 32 on the embedded PostgreSQL 17: one user's visible contacts among 1,000,000 contacts
 * in 16 territories, as a reporting tool asks for them in SQL. The organisation: 160 salespeople, 10 per territory
 * and members of it, in a team per territory led by its manager; the 16 managers in 4 regional teams led by their
 * regional leads; the 4 leads in a team led by a director (four levels). Contact {@code i} is owned by salesperson
 * {@code i % 160} in that salesperson's territory; salesperson 0 shares a desk team with salesperson 1 and has 200
 * contacts of other territories shared with it (62,700 visible). PostgreSQL's plans of the salesperson's count and
 * first report page are printed, then each query is sampled: the salesperson's count and first report page, and the
 * director's count (all 1,000,000). The contacts' documents hold only what the reporting views read (name, owner,
 * territory), so the API cannot read them. Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -Xmx2g -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.JpaReportingReaderScenario [--contacts 1000000]
 * </pre>
 */
public final class JpaReportingReaderScenario {

    private static final TenantId TENANT = TenantId.of("benchmark");
    private static final int TERRITORIES = 16;
    private static final int PER_TERRITORY = 10;

    private static final String COUNT =
            "select count(*) from crm_report_contact_reader where tenant_id = ? and user_id = ?";
    private static final String PAGE = "select c.contact_id, c.last_name, c.owner_name, c.territory_name"
            + " from crm_report_contact c"
            + " join crm_report_contact_reader r on r.tenant_id = c.tenant_id and r.contact_id = c.contact_id"
            + " where c.tenant_id = ? and r.user_id = ? order by c.contact_id limit 20";

    private final BenchmarkDatabase database;
    private final JpaStorage storage;
    private final int contacts;

    private JpaReportingReaderScenario(BenchmarkDatabase database, int contacts) {
        this.database = database;
        this.storage = database.storage();
        this.contacts = contacts;
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length == 2 && args[0].equals("--contacts") ? Integer.parseInt(args[1]) : 1_000_000;
        try (BenchmarkDatabase database = new BenchmarkDatabase()) {
            new JpaReportingReaderScenario(database, contacts).run();
        }
    }

    private void run() throws Exception {
        Crm crm = Crm.builder().storage(storage).tenant(TENANT).build();
        long started = System.nanoTime();
        User director = user(crm, "director");
        Team board = crm.access().createTeam("Board", director.id());
        List<UserId> salespeople = new ArrayList<>();
        List<UUID> territories = new ArrayList<>();
        for (int region = 0; region < TERRITORIES / 4; region++) {
            User regionalLead = user(crm, "region" + region);
            crm.access().addTeamMember(board.id(), regionalLead.id());
            Team regional = crm.access().createTeam("Region " + region, regionalLead.id());
            for (int t = region * 4; t < region * 4 + 4; t++) {
                User manager = user(crm, "manager" + t);
                crm.access().addTeamMember(regional.id(), manager.id());
                Team team = crm.access().createTeam("Territory team " + t, manager.id());
                TerritoryId territory = crm.access()
                        .defineTerritory("Territory " + t, t + 1, List.of(TerritoryRule.country("DE")))
                        .id();
                territories.add(territory.value());
                for (int s = 0; s < PER_TERRITORY; s++) {
                    User salesperson = user(crm, "sales" + (t * PER_TERRITORY + s));
                    salespeople.add(salesperson.id());
                    crm.access().addTeamMember(team.id(), salesperson.id());
                    crm.access().addTerritoryMember(territory, salesperson.id());
                }
            }
        }
        Team desk = crm.access().createTeam("Desk", null);
        crm.access().addTeamMember(desk.id(), salespeople.get(0));
        crm.access().addTeamMember(desk.id(), salespeople.get(1));
        insertContacts(salespeople, territories);
        database.execute("insert into crm_record_share (tenant_id, id, record_type, record_id, grantee_id, access)"
                + " select tenant_id, gen_random_uuid(), 'CONTACT', id, '"
                + salespeople.get(0).value() + "', 'READ'"
                + " from crm_contact where territory_id <> '" + territories.get(0) + "' limit 200");
        database.execute("vacuum analyze");
        System.out.printf(
                "%,d contacts in %d territories, %d users, stored in %.1f s%n",
                contacts, TERRITORIES, salespeople.size() + 1 + 4 + 16, (System.nanoTime() - started) / 1e9);
        UUID salesperson = salespeople.get(0).value();
        System.out.printf(
                "reader rows of the salesperson: %,d; of the director: %,d%n",
                count(salesperson), count(director.id().value()));
        explain(COUNT, salesperson);
        explain(PAGE, salesperson);
        System.out.printf("load average before: %s%n", Sampling.loadAverage());
        Sampling.measure("salesperson's count from crm_report_contact_reader", 30, () -> count(salesperson));
        Sampling.measure("salesperson's first page of 20 of the report (join, by id)", 30, () -> page(salesperson));
        Sampling.measure(
                "director's count from crm_report_contact_reader",
                10,
                () -> count(director.id().value()));
        System.out.printf("load average after: %s%n", Sampling.loadAverage());
    }

    private static User user(Crm crm, String name) {
        return crm.access().registerUser(name, EmailAddress.of(name + "@readers.example"), List.of(Role.SALES));
    }

    /** Contact {@code i}: owned by salesperson {@code i % 160}, in that salesperson's territory. */
    private void insertContacts(List<UserId> owners, List<UUID> territories) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement("insert into crm_contact (tenant_id, id,"
                        + " version, owner_id, territory_id, last_name_key, first_name_key, full_name_key,"
                        + " document)"
                        + " select ?, g.id, 1, g.owner, g.territory, lower(g.last), 'kim', lower('Kim ' || g.last),"
                        + " jsonb_build_object('name', jsonb_build_object('firstName', 'Kim', 'lastName', g.last),"
                        + " 'owner', jsonb_build_object('value', g.owner), 'territory',"
                        + " jsonb_build_object('value', g.territory))"
                        + " from (select gen_random_uuid() as id, (?::uuid[])[1 + i % ?] as owner,"
                        + " (?::uuid[])[1 + (i % ?) / ?] as territory, 'N' || substr(md5(i::text), 1, 8) as last"
                        + " from generate_series(0, ? - 1) i) g")) {
            insert.setString(1, TENANT.value());
            insert.setArray(
                    2,
                    connection.createArrayOf(
                            "uuid", owners.stream().map(UserId::value).toArray()));
            insert.setInt(3, owners.size());
            insert.setArray(4, connection.createArrayOf("uuid", territories.toArray()));
            insert.setInt(5, owners.size());
            insert.setInt(6, PER_TERRITORY);
            insert.setInt(7, contacts);
            insert.execute();
        }
    }

    private long count(UUID user) {
        return query(COUNT, user, 1).get(0);
    }

    private List<Long> page(UUID user) {
        return query(PAGE, user, 20);
    }

    /** Runs a query of the tenant and user and returns how many rows it gave, or its count for {@code COUNT}. */
    private List<Long> query(String sql, UUID user, int rows) {
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, TENANT.value());
            query.setObject(2, user);
            List<Long> result = new ArrayList<>(rows);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    result.add(sql.equals(COUNT) ? row.getLong(1) : result.size() + 1L);
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void explain(String sql, UUID user) throws SQLException {
        String query = sql.replaceFirst("\\?", "'" + TENANT.value() + "'").replaceFirst("\\?", "'" + user + "'");
        System.out.println("explain analyze " + query);
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet plan = statement.executeQuery("explain (analyze, buffers) " + query)) {
            while (plan.next()) {
                System.out.println("  " + plan.getString(1));
            }
        }
    }
}
