package org.crmkit.examples.debezium;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.access.Role;
import org.crmkit.core.access.User;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.NewAccount;
import org.crmkit.examples.debezium.DebeziumOutboxExample.Host;
import org.crmkit.examples.debezium.OutboxCapture.RoutedEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * crmkit's outbox read for real by Debezium 3.6's embedded engine with its PostgreSQL connector and the outbox event
 * router, on an embedded PostgreSQL with logical decoding: every event crmkit commits arrives once, on the topic of
 * its aggregate type, keyed by the aggregate id, with crmkit's event id, type, tenant and JSON, in commit order; a
 * refused change sends nothing.
 */
class DebeziumOutboxOnPostgresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedPostgres postgres;
    private static Host host;
    private static OutboxCapture capture;
    private static final BlockingQueue<RoutedEvent> routed = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = DebeziumOutboxExample.startPostgres();
        host = Host.start(postgres, Clock.systemUTC());
        capture = OutboxCapture.start(host.database(), "crmkit_test", routed::add);
    }

    @AfterAll
    static void stop() throws Exception {
        if (capture != null) {
            capture.close();
        }
        if (host != null) {
            host.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyCommittedEventArrivesOnceAsTheOutboxRouterRoutesIt() throws Exception {
        DebeziumOutboxExample.run(host.crm());

        List<OutboxRow> all = outboxRows();
        List<OutboxRow> rows = all.subList(routedSoFar, all.size());
        assertThat(rows).extracting(OutboxRow::aggregateType).contains("Account", "Contact");
        List<RoutedEvent> events = take(rows.size());

        assertThat(events).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            OutboxRow row = rows.get(i);
            RoutedEvent event = events.get(i);
            assertThat(event.topic()).isEqualTo("outbox.event." + row.aggregateType());
            assertThat(event.key()).isEqualTo(row.aggregateId());
            assertThat(event.eventId()).isEqualTo(row.id());
            assertThat(event.eventType()).isEqualTo(row.type());
            assertThat(event.tenant()).isEqualTo(row.tenant());
            assertThat(event.payload()).isEqualTo(row.payload());
        }
        assertThat(routed.poll(2, TimeUnit.SECONDS)).as("nothing routed twice").isNull();
    }

    @Test
    void aRefusedChangeSendsNothing() throws Exception {
        User owner =
                host.crm().access().registerUser("Bo Sales", EmailAddress.of("bo@example.com"), List.of(Role.SALES));
        take(outboxRows().size() - routedSoFar);

        assertThatThrownBy(() -> host.crm().parties().registerAccount(NewAccount.of(" ", owner.id())))
                .isInstanceOf(CrmException.class);
        Account next = host.crm().parties().registerAccount(NewAccount.of("Globex AG", owner.id()));

        RoutedEvent event = take(1).get(0);
        assertThat(event.key()).isEqualTo(next.id().toString());
        assertThat(event.payload().toString()).contains("Globex AG");
    }

    private static int routedSoFar;

    /** The next {@code count} routed events, waiting up to a minute in all. */
    private static List<RoutedEvent> take(int count) throws InterruptedException {
        List<RoutedEvent> events = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (events.size() < count) {
            RoutedEvent event = routed.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                break;
            }
            events.add(event);
        }
        routedSoFar += events.size();
        return events;
    }

    private record OutboxRow(
            String id, String aggregateType, String aggregateId, String type, String tenant, JsonNode payload) {}

    private static List<OutboxRow> outboxRows() throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (Connection connection = host.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select id, aggregatetype, aggregateid, type, tenant_id,"
                        + " payload from crm_outbox order by sequence_number")) {
            while (row.next()) {
                try {
                    rows.add(new OutboxRow(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            JSON.readTree(row.getString(6))));
                } catch (java.io.IOException e) {
                    throw new SQLException("the outbox row's payload is not JSON", e);
                }
            }
        }
        return rows;
    }
}
