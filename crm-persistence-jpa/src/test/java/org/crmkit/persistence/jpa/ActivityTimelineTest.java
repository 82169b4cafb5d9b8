package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.ActivityMother;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What reading a timeline from PostgreSQL costs, and how an activity is kept there. */
class ActivityTimelineTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    private static final TenantId TENANT = TenantId.of("tenant-a");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    @BeforeEach
    void openStorage() {
        storage = database.storage(clock);
    }

    private List<Activity> callsWith(ContactId contact, int count) {
        Instant first = clock.instant();
        return storage.transactions()
                .inTransaction(() -> IntStream.range(0, count)
                        .mapToObj(i -> storage.activities()
                                .save(ActivityMother.aCallWith(
                                        TENANT, ids, clock, contact, first.minus(Duration.ofMinutes(i)))))
                        .toList());
    }

    @Test
    void aFullTimelinePageIsReadInTwoStatementsWhateverItsSize() {
        ContactId contact = ContactId.next(ids);
        List<Activity> calls = callsWith(contact, 120);
        database.statistics().clear();

        Page<Activity> page = storage.activities()
                .timeline(TENANT, RecordRef.contact(contact), TimelineFilter.ALL, PageRequest.of(1, 50));

        assertThat(page.items())
                .extracting(Activity::id)
                .containsExactlyElementsOf(
                        calls.subList(50, 100).stream().map(Activity::id).toList());
        assertThat(page.totalElements()).isEqualTo(120);
        assertThat(database.statistics().getPrepareStatementCount()).isEqualTo(2);
    }

    @Test
    void aTimelineThatFitsOnItsFirstPageIsOneStatement() {
        ContactId contact = ContactId.next(ids);
        callsWith(contact, 30);
        database.statistics().clear();

        Page<Activity> page = storage.activities()
                .timeline(TENANT, RecordRef.contact(contact), TimelineFilter.ALL, PageRequest.of(0, 50));

        assertThat(page.items()).hasSize(30);
        assertThat(page.totalElements()).isEqualTo(30);
        assertThat(database.statistics().getPrepareStatementCount()).isEqualTo(1);
    }

    @Test
    void timelineFiltersByKindAndTimeInTheDatabase() {
        ContactId contact = ContactId.next(ids);
        List<Activity> calls = callsWith(contact, 10);
        Activity note = storage.transactions()
                .inTransaction(() -> storage.activities()
                        .save(Activity.log(
                                TENANT,
                                ActivityId.next(ids),
                                NewActivity.note(contact, "Prefers email", "Asked not to be called", clock.instant()),
                                ActivityMother.AGENT,
                                clock)));
        TimelineFilter lastFiveMinutesOfCalls = TimelineFilter.kinds(ActivityKind.CALL)
                .within(
                        clock.instant().minus(Duration.ofMinutes(4)),
                        clock.instant().plusSeconds(1));

        Page<Activity> page = storage.activities()
                .timeline(TENANT, RecordRef.contact(contact), lastFiveMinutesOfCalls, PageRequest.of(0, 50));

        assertThat(page.items())
                .extracting(Activity::id)
                .containsExactlyElementsOf(
                        calls.subList(0, 5).stream().map(Activity::id).toList())
                .doesNotContain(note.id());
    }

    @Test
    void anActivityIsOneRowPlusOneLookupRowPerRecordItConcerns() {
        ContactId contact = ContactId.next(ids);
        Activity call = callsWith(contact, 1).get(0);

        assertThat(database.count("select count(*) from crm_activity where kind = 'CALL' and document ->> 'subject' = '"
                        + call.subject() + "'"))
                .isEqualTo(1);
        assertThat(database.count(
                        "select count(*) from crm_lookup where key_name = 'activity.subject' and record_id = '"
                                + call.id() + "'"))
                .isEqualTo(call.references().size());
    }
}
