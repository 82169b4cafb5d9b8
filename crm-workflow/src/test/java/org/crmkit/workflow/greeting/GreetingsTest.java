package org.crmkit.workflow.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.LeapDayPolicy;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class GreetingsTest {

    private static final Instant START = Instant.parse("2027-12-01T00:00:00Z");

    private final SettableClock clock = SettableClock.at(START);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .build();
    private final UserId owner = UserId.next(new IdGenerator(clock));

    private Contact contact(
            String first, String last, LocalDate birthday, String zone, Locale language, boolean consent) {
        NewContact details = NewContact.of(PersonName.of(first, last), owner)
                .withDetails(new ContactDetails(language, birthday, zone == null ? null : ZoneId.of(zone)))
                .withEmail(EmailAddress.of(first.toLowerCase(Locale.ROOT) + "@example.com"), ContactPointType.WORK);
        Contact contact = crm.parties().registerContact(details);
        return consent
                ? crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form")
                : contact;
    }

    private Contact holidayContact(String first, String country, String zone, Locale language) {
        Contact contact = contact(first, "Holiday", null, zone, language, true);
        crm.parties()
                .addAddress(
                        contact.id(),
                        PostalAddress.of("Main Street 1", "1000", "Town", country),
                        ContactPointType.HOME);
        return crm.parties().tag(contact.id(), "greetings");
    }

    private TimeFixture hourly() {
        return TimeFixture.at(clock).everyTick(Duration.ofHours(1), runtime::runDue);
    }

    private List<String> sentTo(String recipient) {
        return gateway.to(recipient).stream().map(s -> s.at().toString()).toList();
    }

    @Test
    void birthdaysInSeveralTimeZonesGoOutAtNineLocalTimeAcrossClockChangesAndALeapYear() {
        Greetings.builder(runtime)
                .offerCodes((contact, occasion, year) -> Optional.of(" Your code: BDAY" + year))
                .build();
        contact("Ada", "Berlin", LocalDate.of(1990, 3, 29), "Europe/Berlin", Locale.GERMAN, true);
        contact("Ben", "NewYork", LocalDate.of(1985, 11, 5), "America/New_York", Locale.ENGLISH, true);
        contact("Kai", "Tokyo", LocalDate.of(1970, 7, 15), "Asia/Tokyo", null, true);
        contact("Lea", "Auckland", LocalDate.of(2000, 2, 29), "Pacific/Auckland", Locale.ENGLISH, true);
        contact("Raj", "Kolkata", LocalDate.of(1980, 12, 10), "Asia/Kolkata", Locale.ENGLISH, true);
        contact("Udo", "Utc", LocalDate.of(1960, 1, 1), null, null, true);
        contact("Noa", "NoConsent", LocalDate.of(1990, 5, 5), "Europe/Paris", Locale.FRENCH, false);

        hourly().whenTimeElapses(Duration.between(START, Instant.parse("2029-03-01T00:00:00Z")));

        assertThat(sentTo("Ada")).containsExactly("2028-03-29T07:00:00Z");
        assertThat(sentTo("Ben")).containsExactly("2028-11-05T14:00:00Z");
        assertThat(sentTo("Kai")).containsExactly("2028-07-15T00:00:00Z");
        assertThat(sentTo("Lea")).containsExactly("2028-02-28T20:00:00Z", "2029-02-27T20:00:00Z");
        assertThat(sentTo("Raj")).containsExactly("2027-12-10T04:00:00Z", "2028-12-10T04:00:00Z");
        assertThat(sentTo("Udo")).containsExactly("2028-01-01T09:00:00Z", "2029-01-01T09:00:00Z");
        assertThat(sentTo("Noa")).isEmpty();
        Sent ada = gateway.to("Ada").stream().findFirst().orElseThrow();
        assertThat(ada.message().subject()).isEqualTo("Alles Gute zum Geburtstag, Ada!");
        assertThat(ada.message().body())
                .isEqualTo("Liebe(r) Ada Berlin,\n\nherzlichen Glückwunsch zum Geburtstag! Your code: BDAY2028");
        assertThat(ada.key()).endsWith(":birthday:2028");
    }

    @Test
    void leapDayBirthdayWaitsForMarchFirstUnderThatPolicy() {
        Greetings.builder(runtime).leapDayPolicy(LeapDayPolicy.MARCH_1).build();
        contact("Lea", "Utc", LocalDate.of(2000, 2, 29), null, null, true);
        clock.set(Instant.parse("2029-02-27T00:00:00Z"));

        hourly().whenTimeElapses(Duration.ofDays(3));

        assertThat(sentTo("Lea")).containsExactly("2029-03-01T09:00:00Z");
    }

    @Test
    void sentGreetingIsLoggedOnTheTimelineAndNeverSentTwiceInAYear() {
        Greetings.builder(runtime).build();
        Contact ada = contact("Ada", "Berlin", LocalDate.of(1990, 3, 29), "Europe/Berlin", Locale.ENGLISH, true);
        clock.set(Instant.parse("2028-03-29T06:00:00Z"));

        hourly().whenTimeElapses(Duration.ofHours(3));
        runtime.runDue(clock.instant());
        runtime.runDue(clock.instant());

        assertThat(gateway.sent()).hasSize(1);
        List<Activity> timeline = crm.activities()
                .timeline(ada.id(), TimelineFilter.ALL, PageRequest.first(5))
                .items();
        assertThat(timeline).singleElement().satisfies(activity -> {
            assertThat(activity.kind()).isEqualTo(ActivityKind.EMAIL);
            assertThat(activity.subject()).isEqualTo("Happy birthday, Ada!");
            assertThat(activity.occurredAt()).isEqualTo(Instant.parse("2028-03-29T07:00:00Z"));
        });
    }

    @Test
    void consentWithdrawnBeforeTheBirthdayStopsTheGreeting() {
        Greetings.builder(runtime).build();
        Contact mia = contact("Mia", "Withdrawn", LocalDate.of(1990, 12, 20), "Europe/Berlin", null, true);

        hourly().whenTimeElapses(Duration.ofDays(5))
                .when(() -> crm.parties()
                        .withdrawConsent(mia.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "unsubscribe-link"))
                .whenTimeElapses(Duration.ofDays(30));

        assertThat(gateway.sent()).isEmpty();
    }

    @Test
    void twoRunnersAtOnceSendEachBirthdayGreetingOnce() throws Exception {
        Greetings.builder(runtime).build();
        for (int i = 0; i < 60; i++) {
            contact("Guest" + i, "Twin", LocalDate.of(1990, 12, 3), "Europe/Berlin", Locale.ENGLISH, true);
        }
        Instant nineInBerlin = Instant.parse("2027-12-03T08:00:00Z");
        clock.set(nineInBerlin);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Object>> runs =
                    List.of(() -> runtime.runDue(nineInBerlin), () -> runtime.runDue(nineInBerlin));
            for (var run : nodes.invokeAll(runs)) {
                run.get();
            }
        } finally {
            nodes.shutdown();
            assertThat(nodes.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(gateway.sent()).hasSize(60);
        assertThat(gateway.sent()).extracting(Sent::key).doesNotHaveDuplicates();
    }

    @Test
    void customerAnniversaryCountsTheYears() {
        Greetings.builder(runtime).birthdays(false).customerAnniversaries(true).build();
        Contact oli = contact("Oli", "Loyal", LocalDate.of(1990, 12, 5), "Europe/Berlin", Locale.ENGLISH, true);
        crm.parties().markCustomerSince(oli.id(), LocalDate.of(2020, 12, 10));

        hourly().whenTimeElapses(Duration.ofDays(14));

        assertThat(gateway.sent()).singleElement().satisfies(greeting -> {
            assertThat(greeting.at()).isEqualTo(Instant.parse("2027-12-10T08:00:00Z"));
            assertThat(greeting.message().subject()).isEqualTo("7 years together");
            assertThat(greeting.key()).endsWith(":customer-anniversary:2027");
        });
    }

    @Test
    void christmasGreetingsGoToTheSegmentInTheirCountriesOnTheDayItselfEvenOnASaturday() {
        SegmentId audience = crm.segments()
                .define(
                        "Greeting list",
                        SegmentAudience.CONTACTS,
                        SegmentRule.all(SegmentCriterion.HasTags.of("greetings")))
                .id();
        Greetings.builder(runtime)
                .birthdays(false)
                .holidays(audience, "christmas-day")
                .build();
        holidayContact("Greta", "GB", "Europe/London", Locale.ENGLISH);
        holidayContact("Dieter", "DE", "Europe/Berlin", Locale.GERMAN);
        holidayContact("Uma", "US", "America/Los_Angeles", Locale.ENGLISH);
        holidayContact("Kenji", "JP", "Asia/Tokyo", Locale.ENGLISH);
        contact("Nils", "NotInSegment", null, "Europe/Berlin", Locale.GERMAN, true);

        hourly().whenTimeElapses(Duration.ofDays(31));

        assertThat(sentTo("Greta")).containsExactly("2027-12-25T09:00:00Z");
        assertThat(sentTo("Dieter")).containsExactly("2027-12-25T08:00:00Z");
        assertThat(sentTo("Uma")).containsExactly("2027-12-25T17:00:00Z");
        assertThat(sentTo("Kenji")).isEmpty();
        assertThat(sentTo("Nils")).isEmpty();
        assertThat(gateway.to("Dieter").stream()
                        .findFirst()
                        .orElseThrow()
                        .message()
                        .subject())
                .isEqualTo("Schöne Feiertage");
        assertThat(gateway.to("Greta").stream()
                        .findFirst()
                        .orElseThrow()
                        .message()
                        .subject())
                .isEqualTo("Season's greetings: Christmas");
    }
}
