package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.ContactMother;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The statements the adapter sends for the day's birthdays (the first page and the count of a later page) are
 * planned on PostgreSQL as reads of the month-and-day index {@code crm_contact_by_birthday}, not as a scan of every
 * contact. The plans are PostgreSQL's generic ones, made for any day, over 100,000 contacts whose birthdays spread
 * over the year.
 */
class BirthdaySelectionPlanOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final TenantId TENANT = TenantId.DEFAULT;
    private static final MonthDay DAY = MonthDay.of(2, 28);

    private final SettableClock clock = SettableClock.at(Instant.parse("2027-02-28T12:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

    @Test
    void theDaysBirthdaysAreReadThroughTheMonthAndDayIndexNotByScanningEveryContact() throws SQLException {
        JpaStorage storage = database.storage(clock);
        List<Contact> bornOnTheDay = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Contact contact = ContactMother.aContact(TENANT, ids, clock);
            contact.changeDetails(new ContactDetails(null, LocalDate.of(1980 + i, 2, 28), ZoneOffset.UTC), clock);
            bornOnTheDay.add(contact);
        }
        storage.transactions().inTransaction(() -> storage.contacts().saveAll(bornOnTheDay));
        // only the query columns matter to the plan; none of these rows falls on 28 February
        database.execute(
                "insert into crm_contact (tenant_id, id, version, last_name_key, first_name_key, full_name_key,"
                        + " birthday, document) select 'default', gen_random_uuid(), 1, 'person' || n, 'kim', 'kim person' || n,"
                        + " (1 + n % 12) * 100 + 1 + n % 27, '{}'::jsonb from generate_series(1, 100000) n");
        database.execute("analyze crm_contact");
        EntityManagerFactory watched = Persistence.createEntityManagerFactory(
                "crmkit-test",
                Map.of(
                        "jakarta.persistence.nonJtaDataSource",
                        database.dataSource(),
                        "hibernate.session_factory.statement_inspector",
                        (StatementInspector) sql -> {
                            statements.add(sql);
                            return sql;
                        }));
        try {
            JpaStorage adapter = JpaStorage.builder(watched).clock(clock).build();

            assertThat(adapter.contacts()
                            .findWithBirthdayOn(TENANT, DAY, PageRequest.first(1000))
                            .items())
                    .extracting(Contact::id)
                    .containsExactlyInAnyOrderElementsOf(
                            bornOnTheDay.stream().map(Contact::id).toList());
            assertThat(adapter.contacts()
                            .findWithBirthdayOn(
                                    TENANT, DAY, PageRequest.first(2).next())
                            .totalElements())
                    .isEqualTo(3);
        } finally {
            watched.close();
        }

        List<String> birthdayStatements =
                statements.stream().filter(sql -> sql.contains("birthday=?")).toList();
        assertThat(birthdayStatements).hasSize(3);
        for (String sql : birthdayStatements) {
            assertThat(genericPlan(sql))
                    .as(sql)
                    .contains("crm_contact_by_birthday")
                    .doesNotContain("Seq Scan");
        }
    }

    /**
     * PostgreSQL's plan for the statement with its parameters unknown, asked in the simple query protocol, which
     * leaves the {@code $n} placeholders to the server.
     */
    private static String genericPlan(String sql) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++parameter);
            } else {
                numbered.append(c);
            }
        }
        StringBuilder plan = new StringBuilder();
        String url = ((HikariDataSource) database.dataSource()).getJdbcUrl() + "&preferQueryMode=simple";
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet lines = statement.executeQuery("explain (generic_plan) " + numbered)) {
            while (lines.next()) {
                plan.append(lines.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
