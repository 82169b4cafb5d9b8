package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityCorrection;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.ActivityState;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.spi.ActivityRepository;
import org.crmkit.testkit.fixtures.ActivityMother;
import org.junit.jupiter.api.Test;

/** What every {@link ActivityRepository} must do. Extend it and implement {@link #createStorage}. */
public abstract class ActivityRepositoryContract extends StorageContract {

    private ActivityRepository activities() {
        return storage.activities();
    }

    private Activity save(Activity activity) {
        return storage.transactions().inTransaction(() -> activities().save(activity));
    }

    @Test
    void savedActivityComesBackWithEveryField() {
        Activity activity = ActivityMother.aCall(TENANT_A, ids, clock);
        clock.advance(Duration.ofMinutes(5));
        activity.correct(
                ActivityCorrection.of("Corrected subject", "Corrected summary", null), ActivityMother.AGENT, clock);

        Activity saved = save(activity);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(activities().findById(TENANT_A, activity.id()).orElseThrow().state())
                .isEqualTo(activity.state().withVersion(1));
    }

    @Test
    void noteWithoutDirectionOrOutcomeRoundTrips() {
        Activity note = ActivityMother.anActivityWith(
                TENANT_A, ids, clock, AccountId.next(ids), ActivityKind.NOTE, clock.instant());

        save(note);

        ActivityState stored =
                activities().findById(TENANT_A, note.id()).orElseThrow().state();
        assertThat(stored).isEqualTo(note.state().withVersion(1));
        assertThat(stored.direction()).isNull();
        assertThat(stored.outcome()).isNull();
    }

    @Test
    void activitiesSavedTogetherAreEachStoredAndOnTheirTimeline() {
        ContactId contact = ContactId.next(ids);
        Activity first = ActivityMother.aCallWith(
                TENANT_A, ids, clock, contact, clock.instant().minus(Duration.ofHours(1)));
        Activity second = ActivityMother.aCallWith(TENANT_A, ids, clock, contact, clock.instant());

        List<Activity> saved =
                storage.transactions().inTransaction(() -> activities().saveAll(List.of(first, second)));

        assertThat(saved).extracting(Activity::id).containsExactly(first.id(), second.id());
        assertThat(saved).extracting(Activity::version).containsExactly(1L, 1L);
        assertThat(activities().findById(TENANT_A, second.id()).orElseThrow().state())
                .isEqualTo(second.state().withVersion(1));
        assertThat(activities()
                        .timeline(TENANT_A, RecordRef.contact(contact), TimelineFilter.ALL, PageRequest.first(5))
                        .items())
                .extracting(Activity::id)
                .containsExactly(second.id(), first.id());
    }

    @Test
    void unknownActivityIsEmpty() {
        assertThat(activities().findById(TENANT_A, ActivityId.next(ids))).isEmpty();
    }

    @Test
    void timelineIsNewestFirstTiesByDescendingIdAcrossPages() {
        ContactId contact = ContactId.next(ids);
        Instant now = clock.instant();
        List<Activity> saved = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant at = now.minus(Duration.ofHours(i / 2));
            saved.add(save(ActivityMother.aCallWith(TENANT_A, ids, clock, contact, at)));
        }
        save(ActivityMother.aCallWith(TENANT_A, ids, clock, ContactId.next(ids), now));
        List<ActivityId> expected = saved.stream()
                .sorted((a, b) -> a.occurredAt().equals(b.occurredAt())
                        ? b.id().value().compareTo(a.id().value())
                        : b.occurredAt().compareTo(a.occurredAt()))
                .map(Activity::id)
                .toList();

        List<ActivityId> read = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        Page<Activity> page;
        do {
            page = activities().timeline(TENANT_A, RecordRef.contact(contact), TimelineFilter.ALL, request);
            assertThat(page.totalElements()).isEqualTo(7);
            page.items().forEach(activity -> read.add(activity.id()));
            request = request.next();
        } while (page.hasNext());

        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void timelineFindsAnActivityThroughEachOfItsReferences() {
        Activity call = save(ActivityMother.aCall(TENANT_A, ids, clock));

        for (RecordRef ref : call.references()) {
            assertThat(activities()
                            .timeline(TENANT_A, ref, TimelineFilter.ALL, PageRequest.first(5))
                            .items())
                    .extracting(Activity::id)
                    .containsExactly(call.id());
        }
    }

    @Test
    void anActivityCarriedOverFromALeadIsOnTheTimelinesOfTheLeadTheContactAndTheAccount() {
        LeadId lead = LeadId.next(ids);
        ContactId contact = ContactId.next(ids);
        AccountId account = AccountId.next(ids);
        Activity older = save(ActivityMother.aCallWith(TENANT_A, ids, clock, contact, clock.instant()));
        clock.advance(Duration.ofHours(1));
        Activity meeting = save(ActivityMother.aMeetingAbout(
                TENANT_A, ids, clock, lead, clock.instant().minus(Duration.ofMinutes(30))));
        clock.advance(Duration.ofDays(1));

        meeting.carryOverFromLead(lead, contact, account, clock);
        save(meeting);

        assertThat(activities().findById(TENANT_A, meeting.id()).orElseThrow().state())
                .isEqualTo(meeting.state().withVersion(2));
        assertThat(activities()
                        .timeline(TENANT_A, RecordRef.contact(contact), TimelineFilter.ALL, PageRequest.first(5))
                        .items())
                .extracting(Activity::id)
                .containsExactly(meeting.id(), older.id());
        for (RecordRef ref : List.of(RecordRef.account(account), RecordRef.lead(lead))) {
            Page<Activity> timeline = activities().timeline(TENANT_A, ref, TimelineFilter.ALL, PageRequest.first(5));
            assertThat(timeline.items()).extracting(Activity::id).containsExactly(meeting.id());
            assertThat(timeline.totalElements()).isEqualTo(1);
        }
    }

    @Test
    void timelineFiltersByKindAndHalfOpenTimeRange() {
        AccountId account = AccountId.next(ids);
        Instant now = clock.instant();
        Activity oldCall = save(ActivityMother.anActivityWith(
                TENANT_A, ids, clock, account, ActivityKind.CALL, now.minus(Duration.ofDays(10))));
        Activity email = save(ActivityMother.anActivityWith(
                TENANT_A, ids, clock, account, ActivityKind.EMAIL, now.minus(Duration.ofDays(2))));
        Activity call = save(ActivityMother.anActivityWith(
                TENANT_A, ids, clock, account, ActivityKind.CALL, now.minus(Duration.ofDays(1))));
        RecordRef ref = RecordRef.account(account);

        assertThat(activities()
                        .timeline(TENANT_A, ref, TimelineFilter.kinds(ActivityKind.CALL), PageRequest.first(10))
                        .items())
                .extracting(Activity::id)
                .containsExactly(call.id(), oldCall.id());
        assertThat(activities()
                        .timeline(
                                TENANT_A,
                                ref,
                                TimelineFilter.during(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1))),
                                PageRequest.first(10))
                        .items())
                .extracting(Activity::id)
                .containsExactly(email.id(), oldCall.id());
        assertThat(activities()
                        .timeline(
                                TENANT_A,
                                ref,
                                TimelineFilter.kinds(ActivityKind.EMAIL).within(now.minus(Duration.ofDays(30)), now),
                                PageRequest.first(10))
                        .items())
                .extracting(Activity::id)
                .containsExactly(email.id());
    }

    @Test
    void deletedActivityIsGoneFromLookupAndTimeline() {
        Activity call = save(ActivityMother.aCall(TENANT_A, ids, clock));

        boolean deleted =
                storage.transactions().inTransaction(() -> activities().delete(TENANT_A, call.id(), 1));

        assertThat(deleted).isTrue();
        assertThat(activities().findById(TENANT_A, call.id())).isEmpty();
        assertThat(activities()
                        .timeline(TENANT_A, call.references().get(0), TimelineFilter.ALL, PageRequest.first(5))
                        .items())
                .isEmpty();
        assertThat(storage.transactions().inTransaction(() -> activities().delete(TENANT_A, call.id(), 1)))
                .isFalse();
    }

    @Test
    void deletingAStaleVersionIsRefused() {
        Activity call = save(ActivityMother.aCall(TENANT_A, ids, clock));
        call.correct(ActivityCorrection.of("Changed", null, null), ActivityMother.AGENT, clock);
        save(call);

        assertThatThrownBy(() ->
                        storage.transactions().inTransaction(() -> activities().delete(TENANT_A, call.id(), 1)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(activities().findById(TENANT_A, call.id())).isPresent();
    }

    @Test
    void secondWriterOfTheSameVersionGetsAStaleVersion() {
        Activity stored = save(ActivityMother.aCall(TENANT_A, ids, clock));
        Activity first = activities().findById(TENANT_A, stored.id()).orElseThrow();
        Activity second = activities().findById(TENANT_A, stored.id()).orElseThrow();
        first.correct(ActivityCorrection.of("First", null, null), ActivityMother.AGENT, clock);
        second.correct(ActivityCorrection.of("Second", null, null), ActivityMother.AGENT, clock);

        save(first);

        assertThatThrownBy(() -> save(second)).isInstanceOf(StaleVersionException.class);
        assertThat(activities().findById(TENANT_A, stored.id()).orElseThrow().subject())
                .isEqualTo("First");
    }

    @Test
    void activityOfOneTenantIsInvisibleAndUntouchableFromAnother() {
        Activity stored = save(ActivityMother.aCall(TENANT_A, ids, clock));
        Activity intruder = Activity.restore(new ActivityState(
                TENANT_B,
                stored.id(),
                stored.version(),
                stored.kind(),
                stored.direction(),
                stored.occurredAt(),
                stored.duration(),
                "Hijacked",
                null,
                null,
                stored.contacts(),
                stored.accounts(),
                stored.relatedRecords(),
                stored.loggedBy(),
                stored.loggedAt(),
                null,
                null));

        assertThat(activities().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(activities()
                        .timeline(TENANT_B, stored.references().get(0), TimelineFilter.ALL, PageRequest.first(5))
                        .totalElements())
                .isZero();
        assertThatThrownBy(() -> save(intruder))
                .isInstanceOfAny(RecordNotFoundException.class, StaleVersionException.class);
        assertThat(storage.transactions().inTransaction(() -> activities().delete(TENANT_B, stored.id(), 1)))
                .isFalse();
        assertThat(activities().findById(TENANT_A, stored.id()).orElseThrow().state())
                .isEqualTo(stored.state());
    }

    @Test
    void concurrentCorrectionsAreNotLost() throws InterruptedException {
        Activity stored = save(ActivityMother.aCall(TENANT_A, ids, clock));
        int writers = 6;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            tasks.add(() -> {
                while (true) {
                    try {
                        storage.transactions().inTransaction(() -> {
                            Activity current =
                                    activities().findById(TENANT_A, stored.id()).orElseThrow();
                            current.correct(
                                    ActivityCorrection.of(current.subject() + "+", null, null),
                                    ActivityMother.AGENT,
                                    clock);
                            return activities().save(current);
                        });
                        return null;
                    } catch (StaleVersionException retry) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        Activity result = activities().findById(TENANT_A, stored.id()).orElseThrow();
        assertThat(result.subject()).isEqualTo(stored.subject() + "+".repeat(writers));
        assertThat(result.version()).isEqualTo(1 + writers);
    }
}
