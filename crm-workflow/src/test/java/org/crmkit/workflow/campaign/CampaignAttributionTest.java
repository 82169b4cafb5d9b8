package org.crmkit.workflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.marketing.SegmentAudience;
import org.crmkit.core.marketing.SegmentCriterion;
import org.crmkit.core.marketing.SegmentRule;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.template.LocalizedTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.BillingMother;
import org.crmkit.testkit.fixtures.SalesMother;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class CampaignAttributionTest {

    private static final Instant START = Instant.parse("2027-03-01T09:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    private final SettableClock clock = SettableClock.at(START);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = WorkflowRuntime.builder()
            .crm(crm)
            .store(InMemoryWorkflowStore.create(storage))
            .channel(Channel.EMAIL, gateway)
            .build();
    private final CampaignSends sends = CampaignSends.builder(runtime)
            .store(InMemoryCampaignSendStore.create(storage))
            .templates(LocalizedTemplates.builder()
                    .template("news", Locale.ENGLISH, "News", "Read on. {unsubscribeLink}")
                    .build())
            .build();
    private final IdGenerator ids = new IdGenerator(clock);
    private final SegmentId everyone = crm.segments()
            .define("Everyone", SegmentAudience.CONTACTS, SegmentRule.all(SegmentCriterion.HasTags.of("news")))
            .id();
    private final Contact ann = contact("Ann");

    private Contact contact(String name) {
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(name, "Doe"), UserId.next(new IdGenerator(clock)))
                        .withEmail(
                                EmailAddress.of(name.toLowerCase(Locale.ROOT) + "@example.com"), ContactPointType.WORK)
                        .withTag("news"));
        return crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form");
    }

    /** A campaign with its cost that sends to everyone now. */
    private CampaignId sentCampaign(String name, String cost) {
        CampaignId id = crm.campaigns()
                .plan(NewCampaign.of(
                        name,
                        CampaignType.EMAIL,
                        CampaignPeriod.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)),
                        Money.of("10000.00", "EUR")))
                .id();
        crm.campaigns().activate(id);
        crm.campaigns().recordCost(id, "Agency", Money.of(cost, "EUR"), LocalDate.of(2027, 3, 1));
        sends.start(id, everyone, Channel.EMAIL, "news", 1000, LocalTime.MIN, LocalTime.MAX);
        runtime.runDue(clock.instant());
        return id;
    }

    private Conversion deal(ContactId contact, String revenue, String margin) {
        return new Conversion(
                RecordRef.opportunity(OpportunityId.next(ids)),
                contact,
                clock.instant(),
                Money.of(revenue, "EUR"),
                Money.of(margin, "EUR"));
    }

    private String tokenOf(CampaignId campaign) {
        return sends.recipients(campaign, null, 1).get(0).unsubscribeToken();
    }

    @Test
    void firstTouchLastTouchAndLinearShareRevenueAndMarginAmongTheTouchesInTheWindow() {
        CampaignId winter = sentCampaign("Winter", "100.00");
        clock.advance(Duration.ofDays(10));
        CampaignId spring = sentCampaign("Spring", "200.00");
        clock.advance(Duration.ofDays(1));
        sends.recordResponse(tokenOf(spring), ResponseKind.CLICKED);
        clock.advance(Duration.ofDays(1));
        List<Conversion> conversions = List.of(deal(ann.id(), "1000.00", "400.00"));

        assertThat(sends.returns(conversions, AttributionModel.FIRST_TOUCH, WINDOW))
                .extracting(CampaignReturn::campaign, CampaignReturn::revenue, CampaignReturn::margin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                winter, Money.of("1000.00", "EUR"), Money.of("400.00", "EUR")),
                        org.assertj.core.groups.Tuple.tuple(spring, Money.of("0.00", "EUR"), Money.of("0.00", "EUR")));
        assertThat(sends.returns(conversions, AttributionModel.LAST_TOUCH, WINDOW))
                .extracting(CampaignReturn::revenue)
                .containsExactly(Money.of("0.00", "EUR"), Money.of("1000.00", "EUR"));
        List<CampaignReturn> linear = sends.returns(conversions, AttributionModel.LINEAR, WINDOW);
        assertThat(linear)
                .extracting(CampaignReturn::revenue)
                .containsExactly(Money.of("333.33", "EUR"), Money.of("666.67", "EUR"));
        assertThat(linear)
                .extracting(CampaignReturn::margin)
                .containsExactly(Money.of("133.33", "EUR"), Money.of("266.67", "EUR"));
        assertThat(linear)
                .extracting(CampaignReturn::conversions)
                .containsExactly(new BigDecimal("0.3333"), new BigDecimal("0.6667"));
        assertThat(linear.get(0).roi()).contains(new BigDecimal("0.3333"));
        assertThat(linear.get(1).roi()).contains(new BigDecimal("0.3334"));
    }

    @Test
    void touchesOutsideTheWindowAndContactsWithoutTouchesEarnNothing() {
        CampaignId winter = sentCampaign("Winter", "100.00");
        clock.advance(WINDOW.plusSeconds(1));

        List<CampaignReturn> returns = sends.returns(
                List.of(deal(ann.id(), "1000.00", "400.00"), deal(ContactId.next(ids), "50.00", "10.00")),
                AttributionModel.LINEAR,
                WINDOW);

        assertThat(returns).singleElement().satisfies(campaign -> {
            assertThat(campaign.campaign()).isEqualTo(winter);
            assertThat(campaign.revenue()).isEqualTo(Money.of("0.00", "EUR"));
            assertThat(campaign.actualCost()).isEqualTo(Money.of("100.00", "EUR"));
            assertThat(campaign.roi()).contains(new BigDecimal("-1.0000"));
        });
    }

    @Test
    void aWonDealAndAPaidInvoiceBecomeConversionsAndOthersAreRefused() {
        Pipeline pipeline = SalesMother.aPipeline(TenantId.DEFAULT, ids, clock);
        Opportunity deal = SalesMother.anOpportunity(TenantId.DEFAULT, ids, clock, pipeline);
        assertThatThrownBy(() -> Conversion.wonDeal(deal, Money.of("1.00", "EUR")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("deal"));
        deal.makePrimaryContact(ann.id());
        clock.advance(Duration.ofHours(2));
        deal.markWon(pipeline, "Best fit", Actor.SYSTEM, clock);

        Conversion won = Conversion.wonDeal(deal, Money.of("4000.00", "EUR"));

        assertThat(won.contact()).isEqualTo(ann.id());
        assertThat(won.at()).isEqualTo(clock.instant());
        assertThat(won.revenue()).isEqualTo(Money.of("10000.00", "EUR"));
        assertThatThrownBy(() -> Conversion.paidInvoice(
                        BillingMother.anInvoice(TenantId.DEFAULT, ids, clock),
                        ann.id(),
                        clock.instant(),
                        Money.of("1.00", "EUR")))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("invoice"));
    }
}
