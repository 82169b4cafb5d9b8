package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.feed.ChangeFilter;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.testkit.SampleEvent;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.Test;

/**
 * Schema 19 (the change feed) on a database of an earlier crmkit: the outbox keeps its published flag as the state of
 * crmkit's own relay, so events that an earlier version left pending are delivered after the upgrade, those it
 * published are not delivered again, and changes after the upgrade reach both the relay and the change feed.
 */
abstract class OutboxRelayAcrossFeedUpgrade {

    private static final TenantId TENANT = TenantId.of("tenant-a");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);

    abstract TestDatabase database();

    @Test
    void eventsLeftPendingBeforeTheUpgradeAreDeliveredOnceAfterIt() {
        database().storage(clock);
        // the schema before 19: schema 19 only adds these tables
        database().execute("drop table crm_change");
        database().execute("drop table crm_change_head");
        database().execute("drop table crm_feed_consumer");
        insertEventOfEarlierSchema("published before the upgrade", true);
        insertEventOfEarlierSchema("pending at the upgrade", false);

        database().migrateAgain(19);

        List<String> received = Collections.synchronizedList(new ArrayList<>());
        Crm crm = Crm.builder()
                .storage(JpaStorage.builder(database().entityManagerFactory())
                        .clock(clock)
                        .build())
                .clock(clock)
                .tenant(TENANT)
                .eventListener(entry -> received.add(
                        entry.event() instanceof SampleEvent sample
                                ? sample.note()
                                : entry.event().eventType()))
                .build();
        assertThat(crm.publishPendingEvents()).isEqualTo(1);
        Contact ada = crm.parties()
                .registerContact(NewContact.of(new PersonName(null, "Ada", null, "King"), UserId.next(ids)));

        assertThat(received).containsExactly("pending at the upgrade", "ContactRegistered");
        assertThat(crm.publishPendingEvents()).isZero();
        assertThat(crm.changeFeed()
                        .changesSince(crm.changeFeed().beginning(), ChangeFilter.all(), 10)
                        .items())
                .extracting(FeedItem::recordId)
                .containsExactly(ada.id().value());
    }

    /** An event as crmkit's outbox before schema 19 stored it, published or pending. */
    private void insertEventOfEarlierSchema(String note, boolean published) {
        SampleEvent event = new SampleEvent(TENANT, ids.next(), clock.instant(), note);
        String payload = new StateJson(mapper -> {}).write(event);
        boolean h2 = database().kind() == TestDatabase.Kind.H2;
        String json = h2 ? "? format json" : "cast(? as jsonb)";
        String number = h2 ? "next value for crm_outbox_sequence" : "nextval('crm_outbox_sequence')";
        String sql = "insert into crm_outbox (sequence_number, id, tenant_id, aggregatetype, aggregateid, type,"
                + " event_class, payload, occurred_at, recorded_at, published_at)"
                + " values (" + number + ", ?, ?, ?, ?, ?, ?, " + json + ", ?, ?, ?)";
        try (Connection connection = database().dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            Timestamp now = Timestamp.from(clock.instant());
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, TENANT.value());
            insert.setString(3, event.aggregateType());
            insert.setString(4, event.aggregateId().toString());
            insert.setString(5, event.eventType());
            insert.setString(6, SampleEvent.class.getName());
            insert.setString(7, payload);
            insert.setTimestamp(8, now);
            insert.setTimestamp(9, now);
            insert.setTimestamp(10, published ? now : null);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
