package org.crmkit.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivityTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TenantId TENANT = TenantId.of("acme");
    private static final Actor AGENT = Actor.of("u-17", "Ada Agent");
    private final ContactId contact = ContactId.of(UUID.randomUUID());
    private final AccountId account = AccountId.of(UUID.randomUUID());
    private final RecordRef opportunity = RecordRef.opportunity(OpportunityId.of(UUID.randomUUID()));

    private NewActivity call() {
        return NewActivity.of(ActivityKind.CALL, Direction.OUTBOUND, "Renewal call", NOW.minusSeconds(3600))
                .aboutContact(contact)
                .aboutAccount(account)
                .regarding(opportunity)
                .withDuration(Duration.ofMinutes(12))
                .withSummary("Wants a quote for 20 seats")
                .withOutcome(ActivityOutcome.CONNECTED);
    }

    @Test
    void loggedCallKeepsEveryFactAndRecordsActivityLogged() {
        ActivityId id = ActivityId.of(UUID.randomUUID());
        Activity activity = Activity.log(TENANT, id, call(), AGENT, CLOCK);

        assertThat(activity.kind()).isEqualTo(ActivityKind.CALL);
        assertThat(activity.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(activity.occurredAt()).isEqualTo(NOW.minusSeconds(3600));
        assertThat(activity.duration()).isEqualTo(Duration.ofMinutes(12));
        assertThat(activity.outcome()).isEqualTo(ActivityOutcome.CONNECTED);
        assertThat(activity.loggedBy()).isEqualTo(AGENT);
        assertThat(activity.loggedAt()).isEqualTo(NOW);
        assertThat(activity.references())
                .containsExactly(RecordRef.contact(contact), RecordRef.account(account), opportunity);
        assertThat(activity.pendingEvents()).singleElement().isInstanceOfSatisfying(ActivityLogged.class, event -> {
            assertThat(event.aggregateId()).isEqualTo(id.value());
            assertThat(event.activityTime()).isEqualTo(NOW.minusSeconds(3600));
            assertThat(event.contacts()).containsExactly(contact);
            assertThat(event.loggedBy()).isEqualTo("u-17");
        });
    }

    @Test
    void anActivityAboutALeadIsCarriedOverToTheContactAndAccountItBecameOnce() {
        LeadId lead = LeadId.of(UUID.randomUUID());
        Activity activity = Activity.log(
                TENANT,
                ActivityId.of(UUID.randomUUID()),
                NewActivity.of(ActivityKind.MEETING, null, "Discovery workshop", NOW.minusSeconds(7200))
                        .regarding(RecordRef.lead(lead)),
                AGENT,
                CLOCK);

        activity.carryOverFromLead(lead, contact, account, CLOCK);
        activity.carryOverFromLead(lead, contact, account, CLOCK);

        assertThat(activity.references())
                .containsExactly(RecordRef.contact(contact), RecordRef.account(account), RecordRef.lead(lead));
        assertThat(activity.occurredAt()).isEqualTo(NOW.minusSeconds(7200));
        assertThat(activity.pendingEvents())
                .hasSize(2)
                .last()
                .isEqualTo(new ActivityCarriedOver(TENANT, activity.id().value(), NOW, lead, contact, account));
    }

    @Test
    void onlyAnActivityAboutTheLeadIsCarriedOver() {
        Activity activity = Activity.log(TENANT, ActivityId.of(UUID.randomUUID()), call(), AGENT, CLOCK);
        LeadId otherLead = LeadId.of(UUID.randomUUID());

        assertThatThrownBy(() -> activity.carryOverFromLead(otherLead, ContactId.of(UUID.randomUUID()), account, CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("lead"));
        assertThat(activity.contacts()).containsExactly(contact);
    }

    @Test
    void stateRoundTripRestoresAnEqualActivity() {
        Activity activity = Activity.log(TENANT, ActivityId.of(UUID.randomUUID()), call(), AGENT, CLOCK);
        activity.correct(
                ActivityCorrection.of("Renewal call (corrected)", null, ActivityOutcome.LEFT_VOICEMAIL), AGENT, CLOCK);

        Activity restored = Activity.restore(activity.state());

        assertThat(restored.state()).isEqualTo(activity.state());
        assertThat(restored.pendingEvents()).isEmpty();
    }

    @Test
    void correctionReplacesSubjectSummaryAndOutcomeAndNamesTheCorrector() {
        Activity activity = Activity.log(TENANT, ActivityId.of(UUID.randomUUID()), call(), Actor.SYSTEM, CLOCK);
        Clock later = Clock.offset(CLOCK, Duration.ofHours(1));

        activity.correct(ActivityCorrection.of("Call about renewal", null, ActivityOutcome.NO_ANSWER), AGENT, later);

        assertThat(activity.subject()).isEqualTo("Call about renewal");
        assertThat(activity.summary()).isNull();
        assertThat(activity.outcome()).isEqualTo(ActivityOutcome.NO_ANSWER);
        assertThat(activity.correctedBy()).isEqualTo(AGENT);
        assertThat(activity.correctedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(activity.pendingEvents()).last().isInstanceOf(ActivityCorrected.class);
    }

    @Test
    void correctionRefusesAnOutcomeThatDoesNotFitTheKind() {
        Activity activity = Activity.log(TENANT, ActivityId.of(UUID.randomUUID()), call(), AGENT, CLOCK);

        assertThatThrownBy(
                        () -> activity.correct(ActivityCorrection.of("x", null, ActivityOutcome.BOUNCED), AGENT, CLOCK))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("outcome"));
        assertThat(activity.outcome()).isEqualTo(ActivityOutcome.CONNECTED);
    }

    @Test
    void deletingRecordsActivityDeletedWithTheReferences() {
        Activity activity = Activity.log(TENANT, ActivityId.of(UUID.randomUUID()), call(), AGENT, CLOCK);

        activity.delete(AGENT, CLOCK);

        assertThat(activity.pendingEvents())
                .last()
                .isInstanceOfSatisfying(
                        ActivityDeleted.class,
                        event -> assertThat(event.references()).contains(RecordRef.contact(contact), opportunity));
    }

    @Test
    void noteHasNoDirection() {
        NewActivity note = NewActivity.note(contact, "Prefers mornings", "Call before 11", NOW);

        assertThat(Activity.log(TENANT, ActivityId.of(UUID.randomUUID()), note, AGENT, CLOCK)
                        .direction())
                .isNull();
        assertInvalid(() -> NewActivity.of(ActivityKind.NOTE, Direction.INBOUND, "x", NOW), "direction");
    }

    @Test
    void meetingMayOmitTheDirectionButACallMayNot() {
        assertThat(NewActivity.of(ActivityKind.MEETING, null, "Kick-off", NOW).direction())
                .isNull();
        assertInvalid(() -> NewActivity.of(ActivityKind.CALL, null, "x", NOW), "direction");
    }

    @ParameterizedTest
    @EnumSource(ActivityOutcome.class)
    void noOutcomeAppliesToANote(ActivityOutcome outcome) {
        assertInvalid(() -> NewActivity.note(contact, "x", null, NOW).withOutcome(outcome), "outcome");
    }

    @Test
    void negativeDurationIsRefused() {
        assertInvalid(() -> call().withDuration(Duration.ofMinutes(-1)), "duration");
    }

    @Test
    void blankOrOverlongSubjectIsRefused() {
        assertInvalid(() -> NewActivity.of(ActivityKind.EMAIL, Direction.INBOUND, " ", NOW), "subject");
        assertInvalid(() -> NewActivity.of(ActivityKind.EMAIL, Direction.INBOUND, "s".repeat(201), NOW), "subject");
    }

    @Test
    void missingTimeOrKindIsRefused() {
        assertInvalid(() -> NewActivity.of(ActivityKind.EMAIL, Direction.INBOUND, "x", null), "occurredAt");
        assertInvalid(() -> NewActivity.of(null, Direction.INBOUND, "x", NOW), "kind");
    }

    @Test
    void activityInTheFutureIsRefused() {
        NewActivity future = NewActivity.of(ActivityKind.SMS, Direction.OUTBOUND, "Greeting", NOW.plusSeconds(1))
                .aboutContact(contact);

        assertInvalid(() -> Activity.log(TENANT, ActivityId.of(UUID.randomUUID()), future, AGENT, CLOCK), "occurredAt");
    }

    @Test
    void activityAboutNobodyIsRefused() {
        NewActivity orphan = NewActivity.of(ActivityKind.EMAIL, Direction.INBOUND, "Hello", NOW);

        assertInvalid(() -> Activity.log(TENANT, ActivityId.of(UUID.randomUUID()), orphan, AGENT, CLOCK), "relatedTo");
    }

    @Test
    void sameContactGivenTwiceIsKeptOnce() {
        assertThat(call().aboutContact(contact).contacts()).containsExactly(contact);
    }

    @Test
    void nullPartyInAListIsRefusedNamingItsIndex() {
        assertInvalid(
                () -> new NewActivity(
                        ActivityKind.NOTE,
                        null,
                        NOW,
                        null,
                        "x",
                        null,
                        null,
                        java.util.Arrays.asList(contact, null),
                        List.of(),
                        List.of()),
                "contacts[1]");
    }

    @Test
    void timelineFilterMatchesKindsAndAHalfOpenTimeRange() {
        TimelineFilter filter =
                TimelineFilter.kinds(ActivityKind.CALL, ActivityKind.EMAIL).within(NOW.minusSeconds(60), NOW);

        assertThat(filter.matches(ActivityKind.CALL, NOW.minusSeconds(60))).isTrue();
        assertThat(filter.matches(ActivityKind.EMAIL, NOW.minusSeconds(1))).isTrue();
        assertThat(filter.matches(ActivityKind.CALL, NOW)).isFalse();
        assertThat(filter.matches(ActivityKind.NOTE, NOW.minusSeconds(1))).isFalse();
        assertThat(TimelineFilter.ALL.matches(ActivityKind.NOTE, Instant.EPOCH)).isTrue();
    }

    @Test
    void timelineFilterRefusesARangeThatEndsBeforeItStarts() {
        assertInvalid(() -> TimelineFilter.during(NOW, NOW.minusSeconds(1)), "until");
        assertInvalid(() -> TimelineFilter.during(NOW, NOW), "until");
    }

    static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
