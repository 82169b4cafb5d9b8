package org.crmkit.workflow.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.offer.Offer;
import org.crmkit.core.offer.OfferChoice;
import org.crmkit.core.offer.OfferCondition;
import org.crmkit.core.offer.OfferRule;
import org.crmkit.core.offer.OfferRules;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class GreetingOffersTest {

    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    private static final Offer CHAMPAGNE =
            new Offer("BDAY-KEY", "A bottle of champagne with your next order", null, LocalDate.of(2026, 12, 31));
    private static final Offer TEN_OFF = Offer.of("BDAY-10", "10% off your next order");

    private final SettableClock clock = SettableClock.at(START);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder()
            .storage(storage)
            .clock(clock)
            .offerRules(OfferRules.of(
                    OfferRule.of("key customers' birthday", OfferCondition.tier(CustomerTier.KEY), CHAMPAGNE)
                            .onlyOn("birthday"),
                    OfferRule.of("small customers' birthday", OfferCondition.tier(CustomerTier.SMALL), TEN_OFF)
                            .onlyOn("birthday")))
            .build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .build();
    private final UserId owner = UserId.next(new IdGenerator(clock));

    private Contact customer(String first, LocalDate birthday, CustomerTier tier) {
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(first, "Kowalski"), owner)
                        .withDetails(new ContactDetails(Locale.ENGLISH, birthday, ZoneId.of("Europe/Warsaw")))
                        .withEmail(
                                EmailAddress.of(first.toLowerCase(Locale.ROOT) + "@example.com"),
                                ContactPointType.HOME));
        crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form");
        if (tier != null) {
            crm.scores()
                    .record(new CustomerScore(
                            RecordRef.contact(contact.id()),
                            LocalDate.of(2026, 4, 30),
                            tier,
                            Money.of(tier == CustomerTier.KEY ? "5000" : "300", "PLN"),
                            "loyal",
                            null));
        }
        return contact;
    }

    @Test
    void birthdayOffersAreChosenByTierAndRecordedOnTheMessageAndTheTimeline() {
        Greetings.builder(runtime)
                .offerCodes((contact, occasion, year) -> Optional.of(" Your code: HOST" + year))
                .build();
        Contact key = customer("Adam", LocalDate.of(1980, 5, 3), CustomerTier.KEY);
        customer("Beata", LocalDate.of(1990, 5, 4), CustomerTier.SMALL);
        customer("Cezary", LocalDate.of(1975, 5, 5), null);

        TimeFixture.at(clock).everyTick(Duration.ofHours(1), runtime::runDue).whenTimeElapses(Duration.ofDays(6));

        Sent adam = gateway.to("Adam").get(0);
        assertThat(adam.message().body())
                .isEqualTo("Dear Adam Kowalski,\n\nall the best for your birthday!\n\nA bottle of champagne with your"
                        + " next order: BDAY-KEY");
        OfferChoice recorded = adam.message().madeOffer().orElseThrow();
        assertThat(recorded.decidingRule()).contains("key customers' birthday");
        assertThat(recorded.chosenOffer()).contains(CHAMPAGNE);
        assertThat(recorded.date()).isEqualTo(LocalDate.of(2026, 5, 3));
        assertThat(gateway.to("Beata").get(0).message().body()).endsWith("10% off your next order: BDAY-10");
        Sent cezary = gateway.to("Cezary").get(0);
        assertThat(cezary.message().body()).endsWith("birthday! Your code: HOST2026");
        assertThat(cezary.message().madeOffer()).isEmpty();
        assertThat(crm.activities()
                        .timeline(key.id(), TimelineFilter.ALL, PageRequest.first(10))
                        .items()
                        .get(0)
                        .state()
                        .summary())
                .endsWith("\n\n[offer BDAY-KEY by rule 'key customers' birthday']");
    }
}
