package org.crmkit.workflow.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PostalAddress;
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
import org.crmkit.core.template.PlainTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class SequenceOffersTest {

    /** Monday 4 May 2026, 07:00 in Berlin: the first message waits for the working day. */
    private static final Instant MONDAY_EARLY = Instant.parse("2026-05-04T05:00:00Z");

    private static final Offer WELCOME = Offer.of("WELCOME-5", "5% off your second order");

    private final SettableClock clock = SettableClock.at(MONDAY_EARLY);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder()
            .storage(storage)
            .clock(clock)
            .offerRules(OfferRules.of(
                    OfferRule.of("birthdays only", OfferCondition.anyone(), Offer.of("BDAY", "A birthday gift"))
                            .onlyOn("birthday"),
                    OfferRule.of("welcome", OfferCondition.anyone(), WELCOME).onlyOn("sequence-onboarding")))
            .build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .build();
    private final UserId rep = UserId.next(new IdGenerator(clock));
    private final FollowUpSequences sequences = FollowUpSequences.builder(runtime)
            .enrolments(InMemoryEnrolmentStore.create(storage))
            .sequence(Sequence.named("onboarding").email("welcome").build())
            .sequence(Sequence.named("renewal").email("welcome").build())
            .templates(PlainTemplates.builder()
                    .template("welcome", Locale.ENGLISH, "Welcome, {{firstName}}", "Your code: {{offerCode|none}}")
                    .build())
            .build();

    private Contact customer(String first) {
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(first, "Customer"), rep)
                        .withDetails(new ContactDetails(Locale.ENGLISH, null, ZoneId.of("Europe/Berlin")))
                        .withEmail(
                                EmailAddress.of(first.toLowerCase(Locale.ROOT) + "@example.com"), ContactPointType.WORK)
                        .withAddress(PostalAddress.of("Main Street 1", "1000", "Town", "DE"), ContactPointType.WORK));
        return crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.SERVICE, "contract");
    }

    @Test
    void aSequenceMessageCarriesTheOfferTheRulesChooseForTheSequenceAndRecordsIt() {
        sequences.enrol(customer("Ada").id(), "onboarding");
        sequences.enrol(customer("Bob").id(), "renewal");

        TimeFixture.at(clock).everyTick(Duration.ofHours(1), runtime::runDue).whenTimeElapses(Duration.ofHours(6));

        Sent ada = gateway.to("Ada").get(0);
        assertThat(ada.message().body()).isEqualTo("Your code: WELCOME-5");
        OfferChoice recorded = ada.message().madeOffer().orElseThrow();
        assertThat(recorded.decidingRule()).contains("welcome");
        assertThat(recorded.occasion()).isEqualTo("sequence-onboarding");
        assertThat(recorded.date()).isEqualTo(LocalDate.of(2026, 5, 4));
        Sent bob = gateway.to("Bob").get(0);
        assertThat(bob.message().body()).isEqualTo("Your code: none");
        assertThat(bob.message().madeOffer()).isEmpty();
    }
}
