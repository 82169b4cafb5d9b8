package org.crmkit.workflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.offer.Offer;
import org.crmkit.core.offer.OfferChoice;
import org.crmkit.core.offer.OfferCondition;
import org.crmkit.core.offer.OfferRule;
import org.crmkit.core.offer.OfferRules;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.template.LocalizedTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class CampaignOffersTest {

    private static final Instant TEN = Instant.parse("2027-03-01T10:00:00Z");

    private final SettableClock clock = SettableClock.at(TEN);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder()
            .storage(storage)
            .clock(clock)
            .offerRules(OfferRules.of(OfferRule.of(
                            "spring for everyone", OfferCondition.anyone(), Offer.of("SPRING20", "20% off in spring"))
                    .onlyOn("campaign-spring-sale")))
            .build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .build();
    private final CampaignSends sends = CampaignSends.builder(runtime)
            .store(InMemoryCampaignSendStore.create(storage))
            .templates(LocalizedTemplates.builder()
                    .template("spring-sale", Locale.ENGLISH, "Spring", "Spring is here.{offer} {unsubscribeLink}")
                    .template("autumn-news", Locale.ENGLISH, "Autumn", "Autumn is here.{offer} {unsubscribeLink}")
                    .optional("offer")
                    .build())
            .build();
    private final SegmentId everyone = crm.segments()
            .define("Everyone", SegmentAudience.CONTACTS, SegmentRule.all(SegmentCriterion.HasTags.of("news")))
            .id();

    private CampaignId started(String name, String template) {
        CampaignId id = crm.campaigns()
                .plan(NewCampaign.of(
                        name,
                        CampaignType.EMAIL,
                        CampaignPeriod.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 31)),
                        Money.of("100.00", "EUR")))
                .id();
        crm.campaigns().activate(id);
        sends.start(id, everyone, Channel.EMAIL, template, 100, LocalTime.MIN, LocalTime.MAX);
        return id;
    }

    @Test
    void theOfferRulesChooseTheOfferOfACampaignMessageAndTheMessageRecordsTheRule() {
        Contact ann = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Ann", "Doe"), UserId.next(new IdGenerator(clock)))
                        .withEmail(EmailAddress.of("ann@example.com"), ContactPointType.WORK)
                        .withTag("news"));
        crm.parties().grantConsent(ann.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form");
        started("Spring sale", "spring-sale");
        started("Autumn news", "autumn-news");

        runtime.runDue(TEN);

        Sent spring = gateway.sent().stream()
                .filter(sent -> sent.message().subject().equals("Spring"))
                .findFirst()
                .orElseThrow();
        Sent autumn = gateway.sent().stream()
                .filter(sent -> sent.message().subject().equals("Autumn"))
                .findFirst()
                .orElseThrow();
        assertThat(spring.message().body()).startsWith("Spring is here.\n\n20% off in spring: SPRING20 ");
        assertThat(spring.message().madeOffer()).hasValueSatisfying(choice -> {
            assertThat(choice.offer().code()).isEqualTo("SPRING20");
            assertThat(choice.decidingRule()).contains("spring for everyone");
            assertThat(choice.occasion()).isEqualTo("campaign-spring-sale");
        });
        assertThat(autumn.message().madeOffer()).isEmpty();
        assertThat(autumn.message().body()).startsWith("Autumn is here. ");
        assertThat(crm.activities()
                        .timeline(ann.id(), TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .extracting(Activity::summary)
                .anySatisfy(summary -> assertThat(summary)
                        .endsWith("["
                                + spring.message()
                                        .madeOffer()
                                        .map(OfferChoice::explanation)
                                        .orElseThrow() + "]"));
    }
}
