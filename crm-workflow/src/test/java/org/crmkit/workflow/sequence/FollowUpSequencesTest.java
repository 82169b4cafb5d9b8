package org.crmkit.workflow.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.NewStage;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.template.PlainTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class FollowUpSequencesTest {

    /** Maundy Thursday 2026, 19:00 in Berlin: Good Friday and Easter Monday follow. */
    private static final Instant MAUNDY_THURSDAY_EVENING = Instant.parse("2026-04-02T17:00:00Z");

    private final SettableClock clock = SettableClock.at(MAUNDY_THURSDAY_EVENING);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .channel(Channel.SMS, gateway)
            .build();
    private final UserId rep = UserId.next(new IdGenerator(clock));
    private final FollowUpSequences sequences = FollowUpSequences.builder(runtime)
            .enrolments(InMemoryEnrolmentStore.create(storage))
            .sequence(Sequence.named("onboarding")
                    .email("welcome")
                    .waitBusinessDays(3)
                    .callTask("Onboarding call", null, 1)
                    .sms("tips")
                    .build())
            .templates(PlainTemplates.builder()
                    .template("welcome", Locale.ENGLISH, "Welcome, {{firstName}}", "Glad to have you, {{fullName}}.")
                    .template("welcome", Locale.GERMAN, "Willkommen, {{firstName}}", "Schön, dass Sie da sind.")
                    .template("tips", Locale.ENGLISH, "", "Three tips for {{firstName}}")
                    .build())
            .build();

    private Contact customer(String first, String country, String zone, Locale language) {
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(first, "Customer"), rep)
                        .withDetails(new ContactDetails(language, null, ZoneId.of(zone)))
                        .withEmail(
                                EmailAddress.of(first.toLowerCase(Locale.ROOT) + "@example.com"), ContactPointType.WORK)
                        .withPhone(PhoneNumber.parse("+4915112345678"), ContactPointType.MOBILE)
                        .withAddress(
                                PostalAddress.of("Main Street 1", "1000", "Town", country), ContactPointType.WORK));
        crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "contract");
        return crm.parties().grantConsent(contact.id(), ConsentChannel.SMS, ConsentPurpose.SERVICE, "contract");
    }

    private TimeFixture hourly() {
        return TimeFixture.at(clock).everyTick(Duration.ofHours(1), runtime::runDue);
    }

    private Task openCallTask() {
        return crm.activities()
                .tasksOf(rep, TaskStatus.ACTIVE, PageRequest.first(5))
                .items()
                .get(0);
    }

    @Test
    void onboardingWaitsOutEasterPausesForTheCallAndSendsTheNextMessageInTheNextWorkingHours() {
        Contact ada = customer("Ada", "DE", "Europe/Berlin", Locale.GERMAN);
        Enrolment enrolment = sequences.enrol(ada.id(), "onboarding");

        hourly().whenTimeElapses(Duration.ofDays(10));

        assertThat(gateway.sent()).singleElement().satisfies(welcome -> {
            assertThat(welcome.at()).isEqualTo(Instant.parse("2026-04-07T07:00:00Z"));
            assertThat(welcome.message().subject()).isEqualTo("Willkommen, Ada");
            assertThat(welcome.key()).isEqualTo("sequence:" + enrolment.id() + ":step-0");
        });
        Task call = openCallTask();
        assertThat(call.subject()).isEqualTo("Onboarding call: Ada Customer");
        assertThat(call.link()).isEqualTo(RecordRef.contact(ada.id()));
        assertThat(call.createdAt()).isEqualTo(Instant.parse("2026-04-10T07:00:00Z"));
        assertThat(call.dueAt()).isEqualTo(Instant.parse("2026-04-13T15:00:00Z"));
        assertThat(sequences.findEnrolment(enrolment.id()).orElseThrow().status())
                .isEqualTo(EnrolmentStatus.WAITING_FOR_TASK);

        TimeFixture.at(clock)
                .everyTick(Duration.ofHours(1), runtime::runDue)
                .when(() -> crm.activities().complete(call.id()))
                .whenTimeElapses(Duration.ofHours(15));

        assertThat(gateway.sent()).hasSize(2);
        assertThat(gateway.sent().get(1).at()).isEqualTo(Instant.parse("2026-04-13T07:00:00Z"));
        assertThat(gateway.sent().get(1).message().channel()).isEqualTo(Channel.SMS);
        assertThat(gateway.sent().get(1).message().subject()).isEqualTo("tips");
        assertThat(gateway.sent().get(1).message().body()).isEqualTo("Three tips for Ada");
        assertThat(sequences.findEnrolment(enrolment.id()).orElseThrow().status())
                .isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(crm.activities()
                        .timeline(ada.id(), TimelineFilter.ALL, PageRequest.first(5))
                        .items())
                .extracting(activity -> activity.kind())
                .containsExactly(ActivityKind.SMS, ActivityKind.EMAIL);
    }

    @Test
    void americanCustomerEnrolledBeforeTheObservedIndependenceDayIsWrittenToOnMondayMorning() {
        clock.set(Instant.parse("2026-07-02T23:00:00Z"));
        Contact uma = customer("Uma", "US", "America/New_York", Locale.ENGLISH);
        sequences.enrol(uma.id(), "onboarding");

        hourly().whenTimeElapses(Duration.ofDays(4));

        assertThat(gateway.sent())
                .singleElement()
                .satisfies(welcome -> assertThat(welcome.at()).isEqualTo(Instant.parse("2026-07-06T13:00:00Z")));
    }

    @Test
    void replyInTheMiddleCancelsTheScheduledMessageAndEndsTheEnrolment() {
        Contact ada = customer("Ada", "DE", "Europe/Berlin", Locale.ENGLISH);
        Enrolment enrolment = sequences.enrol(ada.id(), "onboarding");
        runtime.runDue(clock.instant());

        List<Enrolment> ended = sequences.endFor(ada.id(), EndReason.REPLIED);
        hourly().whenTimeElapses(Duration.ofDays(10));

        assertThat(ended)
                .singleElement()
                .satisfies(e -> assertThat(e.endReason()).isEqualTo(EndReason.REPLIED));
        assertThat(gateway.sent()).isEmpty();
        assertThat(runtime.actionByKey("sequence:" + enrolment.id() + ":step-0"))
                .get()
                .satisfies(action -> assertThat(action.status()).isEqualTo(ActionStatus.CANCELLED));
        assertThat(crm.activities()
                        .tasksOf(rep, TaskStatus.ACTIVE, PageRequest.first(5))
                        .items())
                .isEmpty();
    }

    @Test
    void unsubscribeAfterTheWelcomeEndsTheEnrolmentBeforeTheNextMessage() {
        Contact ada = customer("Ada", "DE", "Europe/Berlin", Locale.ENGLISH);
        Enrolment enrolment = sequences.enrol(ada.id(), "onboarding");

        hourly().whenTimeElapses(Duration.ofDays(10))
                .when(() -> crm.parties()
                        .withdrawConsent(ada.id(), ConsentChannel.SMS, ConsentPurpose.SERVICE, "STOP reply"))
                .when(() -> crm.activities().complete(openCallTask().id()))
                .whenTimeElapses(Duration.ofDays(2));

        assertThat(gateway.sent()).hasSize(1);
        Enrolment ended = sequences.findEnrolment(enrolment.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(ended.endReason()).isEqualTo(EndReason.UNSUBSCRIBED);
    }

    @Test
    void wonOpportunityEndsTheEnrolmentOfItsPrimaryContact() {
        Contact ada = customer("Ada", "DE", "Europe/Berlin", Locale.ENGLISH);
        Enrolment enrolment = sequences.enrol(ada.id(), "onboarding");
        var pipeline = crm.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        var deal = crm.sales()
                .openOpportunity(NewOpportunity.of(
                                "Ada's rollout",
                                crm.parties()
                                        .registerAccount(NewAccount.of("Ada's firm", rep))
                                        .id(),
                                pipeline.id(),
                                Currency.getInstance("EUR"),
                                rep)
                        .withPrimaryContact(ada.id()));

        crm.sales().markWon(deal.id(), "signed");
        hourly().whenTimeElapses(Duration.ofDays(10));

        assertThat(sequences.findEnrolment(enrolment.id()).orElseThrow().endReason())
                .isEqualTo(EndReason.OPPORTUNITY_WON);
        assertThat(gateway.sent()).isEmpty();
    }

    @Test
    void withdrawnEmailConsentEndsTheEnrolmentAtOnceAndCancelsTheScheduledWelcome() {
        Contact ada = customer("Ada", "DE", "Europe/Berlin", Locale.ENGLISH);
        Enrolment enrolment = sequences.enrol(ada.id(), "onboarding");
        runtime.runDue(clock.instant());

        crm.parties().withdrawConsent(ada.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "newsletter footer");
        assertThat(sequences.findEnrolment(enrolment.id()).orElseThrow().status())
                .isEqualTo(EnrolmentStatus.ACTIVE);
        crm.parties().withdrawConsent(ada.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "unsubscribe link");

        Enrolment ended = sequences.findEnrolment(enrolment.id()).orElseThrow();
        assertThat(ended.endReason()).isEqualTo(EndReason.UNSUBSCRIBED);
        assertThat(ended.finishedAt()).isEqualTo(MAUNDY_THURSDAY_EVENING);
        assertThat(runtime.actionByKey("sequence:" + enrolment.id() + ":step-0"))
                .get()
                .satisfies(action -> assertThat(action.status()).isEqualTo(ActionStatus.CANCELLED));
    }

    @Test
    void anErasureOfTheContactEndsItsEnrolmentAndCancelsTheScheduledWelcome() {
        Contact ada = customer("Ada", "DE", "Europe/Berlin", Locale.ENGLISH);
        Enrolment enrolment = sequences.enrol(ada.id(), "onboarding");
        runtime.runDue(clock.instant());

        crm.privacy().erase(RecordRef.contact(ada.id()), "asked to be forgotten");

        assertThat(sequences.findEnrolment(enrolment.id()).orElseThrow().endReason())
                .isEqualTo(EndReason.ERASED);
        assertThat(runtime.actionByKey("sequence:" + enrolment.id() + ":step-0"))
                .get()
                .satisfies(action -> assertThat(action.status()).isEqualTo(ActionStatus.CANCELLED));
        hourly().whenTimeElapses(Duration.ofDays(10));
        assertThat(gateway.sent()).isEmpty();
    }

    @Test
    void contactIsNeverInTheSameSequenceTwiceAtOnceButMayReturnAfterItEnded() {
        Contact ada = customer("Ada", "DE", "Europe/Berlin", Locale.ENGLISH);
        Enrolment first = sequences.enrol(ada.id(), "onboarding");

        assertThatThrownBy(() -> sequences.enrol(ada.id(), "onboarding")).isInstanceOf(DuplicateRecordException.class);
        sequences.end(first.id(), EndReason.BY_HAND);
        Enrolment second = sequences.enrol(ada.id(), "onboarding");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.status()).isEqualTo(EnrolmentStatus.ACTIVE);
    }

    @Test
    void twoRunnersAtOnceSendEachWelcomeOnce() throws Exception {
        clock.set(Instant.parse("2026-04-08T08:00:00Z"));
        for (int i = 0; i < 30; i++) {
            sequences.enrol(
                    customer("C" + i, "DE", "Europe/Berlin", Locale.ENGLISH).id(), "onboarding");
        }
        Instant asOf = clock.instant();
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Object>> runs = List.of(() -> runtime.runDue(asOf), () -> runtime.runDue(asOf));
            for (var run : nodes.invokeAll(runs)) {
                run.get();
            }
        } finally {
            nodes.shutdown();
            assertThat(nodes.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(gateway.sent()).hasSize(30);
        assertThat(gateway.sent()).extracting(Sent::key).doesNotHaveDuplicates();
    }
}
