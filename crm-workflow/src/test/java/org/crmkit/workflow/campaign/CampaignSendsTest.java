package org.crmkit.workflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.Crm;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.InvalidValueException;
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
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.template.LocalizedTemplates;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.TimeFixture;
import org.crmkit.testkit.workflow.RecordingChannel;
import org.crmkit.testkit.workflow.RecordingChannel.Sent;
import org.crmkit.workflow.WorkflowRuntime;
import org.crmkit.workflow.action.Channel;
import org.crmkit.workflow.inmemory.InMemoryWorkflowStore;
import org.junit.jupiter.api.Test;

class CampaignSendsTest {

    private static final Instant START = Instant.parse("2027-03-01T06:00:00Z");
    private static final LocalizedTemplates TEMPLATES = LocalizedTemplates.builder()
            .addDefaults()
            .template(
                    "spring-sale",
                    Locale.ENGLISH,
                    "Spring sale for {fullName}",
                    "Everything 20% off in {campaign}. Unsubscribe: {unsubscribeLink}")
            .template(
                    "spring-sale",
                    Locale.GERMAN,
                    "Frühlingsrabatt für {fullName}",
                    "Alles 20% günstiger bei {campaign}. Abmelden: {unsubscribeLink}")
            .template("no-link", Locale.ENGLISH, "Hello", "Hello {fullName}")
            .build();
    private static final byte[] SECRET = "a secret of thirty-two bytes or more!".getBytes();

    private final SettableClock clock = SettableClock.at(START);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final InMemoryWorkflowStore workflowStore = InMemoryWorkflowStore.create(storage);
    private final InMemoryCampaignSendStore store = InMemoryCampaignSendStore.create(storage);
    private final RecordingChannel gateway = RecordingChannel.at(clock);
    private final WorkflowRuntime runtime = runtime();
    private final CampaignSends sends = sends(runtime);
    private final UserId owner = UserId.next(new IdGenerator(clock));
    private final SegmentId springList = crm.segments()
            .define("Spring list", SegmentAudience.CONTACTS, SegmentRule.all(SegmentCriterion.HasTags.of("spring")))
            .id();

    private WorkflowRuntime runtime() {
        return WorkflowRuntime.builder()
                .crm(crm)
                .store(workflowStore)
                .channel(Channel.EMAIL, gateway)
                .channel(Channel.SMS, gateway)
                .build();
    }

    private CampaignSends sends(WorkflowRuntime on) {
        return CampaignSends.builder(on)
                .store(store)
                .templates(TEMPLATES)
                .unsubscribeLink("https://shop.example/unsubscribe?t=")
                .doubleOptIn(SECRET, "https://shop.example/confirm?t=", Duration.ofDays(3))
                .build();
    }

    private CampaignId activeCampaign(String name) {
        CampaignId id = crm.campaigns()
                .plan(NewCampaign.of(
                        name,
                        CampaignType.EMAIL,
                        CampaignPeriod.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30)),
                        Money.of("1000.00", "EUR")))
                .id();
        crm.campaigns().activate(id);
        return id;
    }

    private Contact contact(String first, String zone, Locale language, boolean consent, String... tags) {
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of(first, "Doe"), owner)
                        .withDetails(new ContactDetails(language, null, ZoneId.of(zone)))
                        .withEmail(
                                EmailAddress.of(first.toLowerCase(Locale.ROOT) + "@example.com"),
                                ContactPointType.WORK));
        for (String tag : tags) {
            contact = crm.parties().tag(contact.id(), tag);
        }
        return consent
                ? crm.parties().grantConsent(contact.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form")
                : contact;
    }

    private CampaignSend start(CampaignId campaign, int perHour) {
        return sends.start(
                campaign, springList, Channel.EMAIL, "spring-sale", perHour, LocalTime.of(9, 0), LocalTime.of(17, 0));
    }

    private TimeFixture hourly() {
        return TimeFixture.at(clock).everyTick(Duration.ofHours(1), runtime::runDue);
    }

    private List<String> sentTo(String first) {
        return gateway.to(first + " Doe").stream()
                .map(sent -> sent.at().toString())
                .toList();
    }

    private static String tokenIn(Sent sent) {
        String body = sent.message().body();
        return body.substring(body.indexOf("?t=") + 3);
    }

    @Test
    void onlySegmentMembersWithConsentReceiveOneMessageInTheirLocalWindowInTheirLanguage() {
        CampaignId campaign = activeCampaign("Spring sale");
        Contact adaContact = contact("Ada", "Europe/Berlin", Locale.GERMAN, true, "spring");
        contact("Ben", "America/New_York", Locale.ENGLISH, true, "spring");
        contact("Noa", "Europe/Berlin", Locale.ENGLISH, false, "spring");
        contact("Out", "Europe/Berlin", Locale.ENGLISH, true);
        start(campaign, 100);

        hourly().whenTimeElapses(Duration.ofDays(3));

        assertThat(sentTo("Ada")).containsExactly("2027-03-01T08:00:00Z");
        assertThat(sentTo("Ben")).containsExactly("2027-03-01T14:00:00Z");
        assertThat(sentTo("Noa")).isEmpty();
        assertThat(sentTo("Out")).isEmpty();
        Sent ada = gateway.to("Ada Doe").get(0);
        assertThat(ada.message().subject()).isEqualTo("Frühlingsrabatt für Ada Doe");
        assertThat(ada.message().body()).startsWith("Alles 20% günstiger bei Spring sale. Abmelden: https://");
        assertThat(ada.key()).isEqualTo("campaign:" + campaign + ":" + adaContact.id());
        assertThat(sends.recipients(campaign, null, 10))
                .extracting(CampaignRecipient::unsubscribeToken)
                .containsExactlyInAnyOrder(
                        tokenIn(ada), tokenIn(gateway.to("Ben Doe").get(0)));
        assertThat(timelineOf(ada)).extracting(Activity::subject).contains("Frühlingsrabatt für Ada Doe");
    }

    @Test
    void theHourlyLimitSpreadsTheMessagesAndWhoJoinsTheSegmentLaterReceivesOneToo() {
        CampaignId campaign = activeCampaign("Spring sale");
        for (int i = 0; i < 5; i++) {
            contact("Guest" + i, "Europe/London", Locale.ENGLISH, true, "spring");
        }
        start(campaign, 2);
        hourly().whenTimeElapses(Duration.ofHours(4));
        Contact late = contact("Late", "Europe/London", Locale.ENGLISH, true);

        assertThat(gateway.sent())
                .extracting(sent -> sent.at().toString())
                .containsExactly(
                        "2027-03-01T09:00:00Z", "2027-03-01T09:00:00Z", "2027-03-01T10:00:00Z", "2027-03-01T10:00:00Z");

        crm.parties().tag(late.id(), "spring");
        hourly().whenTimeElapses(Duration.ofHours(3));

        assertThat(gateway.sent()).hasSize(6);
        assertThat(gateway.sent()).extracting(Sent::key).doesNotHaveDuplicates();
        assertThat(sentTo("Late")).containsExactly("2027-03-01T11:00:00Z");
    }

    @Test
    void aCampaignThatIsNotActiveSendsNothingAndATemplateWithoutTheUnsubscribeLinkIsRefused() {
        CampaignId planned = crm.campaigns()
                .plan(NewCampaign.of(
                        "Later",
                        CampaignType.EMAIL,
                        CampaignPeriod.of(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30)),
                        Money.of("10.00", "EUR")))
                .id();
        contact("Ada", "Europe/Berlin", Locale.GERMAN, true, "spring");
        start(planned, 10);

        hourly().whenTimeElapses(Duration.ofDays(1));

        assertThat(gateway.sent()).isEmpty();
        assertThatThrownBy(() -> sends.start(
                        activeCampaign("Bare"),
                        springList,
                        Channel.EMAIL,
                        "no-link",
                        10,
                        LocalTime.of(9, 0),
                        LocalTime.of(17, 0)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("template"));
    }

    @Test
    void aSegmentOfAccountsIsRefusedAtTheStart() {
        SegmentId customers = crm.segments()
                .define("Customers", SegmentAudience.ACCOUNTS, SegmentRule.all(SegmentCriterion.HasTags.of("spring")))
                .id();
        CampaignId campaign = activeCampaign("Accounts");

        assertThatThrownBy(() -> sends.start(
                        campaign, customers, Channel.EMAIL, "spring-sale", 10, LocalTime.of(9, 0), LocalTime.of(17, 0)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("segment"));
        assertThat(sends.send(campaign)).isEmpty();
    }

    @Test
    void theUnsubscribeTokenWithdrawsConsentSoThatTheNextCampaignSendsNothing() {
        CampaignId first = activeCampaign("Spring sale");
        Contact ada = contact("Ada", "Europe/Berlin", Locale.GERMAN, true, "spring");
        start(first, 10);
        hourly().whenTimeElapses(Duration.ofHours(4));
        String token = tokenIn(gateway.to("Ada Doe").get(0));

        CampaignRecipient unsubscribed = sends.unsubscribe(token);
        CampaignRecipient again = sends.unsubscribe(token);

        assertThat(unsubscribed.status()).isEqualTo(RecipientStatus.UNSUBSCRIBED);
        assertThat(again).isEqualTo(unsubscribed);
        Contact stored = crm.parties().findContact(ada.id()).orElseThrow();
        assertThat(stored.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING))
                .isFalse();
        assertThat(stored.latestConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)
                        .orElseThrow()
                        .source())
                .isEqualTo("unsubscribe campaign " + first);
        CampaignId second = activeCampaign("Summer sale");
        start(second, 10);
        hourly().whenTimeElapses(Duration.ofDays(1));
        assertThat(gateway.to("Ada Doe")).hasSize(1);
        assertThatThrownBy(() -> sends.unsubscribe("forged"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("token"));
    }

    @Test
    void aHardBounceStopsLaterSendsToTheAddressWhateverTheCaseOfItsLetters() {
        contact("Ada", "Europe/Berlin", Locale.GERMAN, true, "spring");
        contact("Ben", "Europe/Berlin", Locale.ENGLISH, true, "spring");
        start(activeCampaign("Spring sale"), 10);
        hourly().whenTimeElapses(Duration.ofHours(4));

        sends.reportHardBounce(Channel.EMAIL, "Ada@Example.COM");
        sends.reportHardBounce(Channel.EMAIL, "ADA@example.com");
        start(activeCampaign("Summer sale"), 10);
        hourly().whenTimeElapses(Duration.ofDays(1));

        assertThat(gateway.to("Ada Doe")).hasSize(1);
        assertThat(gateway.to("Ben Doe")).hasSize(2);
    }

    @Test
    void responsesAreRecordedOnTheRecipientAndTheTimeline() {
        CampaignId campaign = activeCampaign("Spring sale");
        contact("Ada", "Europe/Berlin", Locale.GERMAN, true, "spring");
        start(campaign, 10);
        hourly().whenTimeElapses(Duration.ofHours(4));
        Sent message = gateway.to("Ada Doe").get(0);

        sends.recordResponse(tokenIn(message), ResponseKind.OPENED);
        clock.advance(Duration.ofMinutes(5));
        CampaignRecipient recipient = sends.recordResponse(tokenIn(message), ResponseKind.CLICKED);

        assertThat(recipient.responses())
                .extracting(CampaignResponse::kind)
                .containsExactly(ResponseKind.OPENED, ResponseKind.CLICKED);
        assertThat(recipient.version()).isEqualTo(3);
        assertThat(timelineOf(message))
                .extracting(Activity::subject)
                .contains("Campaign Spring sale: opened", "Campaign Spring sale: clicked");
    }

    @Test
    void doubleOptInSendsAConfirmationAndGrantsConsentWhenItsLinkComesBack() {
        CampaignId campaign = activeCampaign("Newsletter");
        Contact ada = contact("Ada", "Europe/Berlin", Locale.GERMAN, false, "spring");

        assertThat(sends.requestOptIn(campaign, ada.id())).isTrue();
        assertThat(sends.requestOptIn(campaign, ada.id())).isFalse();
        runtime.runDue();
        Sent confirmation = gateway.to("Ada Doe").get(0);
        String token = confirmation
                .message()
                .body()
                .substring(confirmation.message().body().indexOf("?t=") + 3)
                .split("\\s")[0];
        assertThat(confirmation.message().language()).isEqualTo(Locale.GERMAN);
        assertThatThrownBy(() -> sends.confirmOptIn(token + "A"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("token"));

        clock.advance(Duration.ofDays(1));
        Contact confirmed = sends.confirmOptIn(token);

        assertThat(confirmed.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING))
                .isTrue();
        assertThat(confirmed
                        .latestConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)
                        .orElseThrow())
                .satisfies(consent -> {
                    assertThat(consent.source()).isEqualTo("double opt-in campaign " + campaign);
                    assertThat(consent.recordedAt()).isEqualTo(clock.instant());
                });
        assertThat(timelineOf(confirmation))
                .extracting(Activity::subject)
                .contains("Double opt-in confirmed for ada@example.com");
        assertThat(sends.requestOptIn(activeCampaign("Other"), ada.id())).isFalse();
    }

    @Test
    void anExpiredConfirmationOrOneForAnotherAddressIsRefused() {
        CampaignId campaign = activeCampaign("Newsletter");
        Contact ada = contact("Ada", "Europe/Berlin", Locale.ENGLISH, false);
        Contact ben = contact("Ben", "Europe/Berlin", Locale.ENGLISH, false);
        sends.requestOptIn(campaign, ada.id());
        sends.requestOptIn(campaign, ben.id());
        runtime.runDue();
        String adaToken = tokenAfterLink(gateway.to("Ada Doe").get(0));
        String benToken = tokenAfterLink(gateway.to("Ben Doe").get(0));

        crm.parties().addEmail(ben.id(), EmailAddress.of("ben@new.example"), ContactPointType.HOME);
        crm.parties().removeEmail(ben.id(), EmailAddress.of("ben@example.com"));

        assertThatThrownBy(() -> sends.confirmOptIn(benToken)).isInstanceOf(InvalidValueException.class);
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        assertThatThrownBy(() -> sends.confirmOptIn(adaToken)).isInstanceOf(InvalidValueException.class);
        assertThat(crm.parties().findContact(ada.id()).orElseThrow().consents()).isEmpty();
        assertThat(crm.parties().findContact(ben.id()).orElseThrow().consents()).isEmpty();
    }

    @Test
    void twoNodesPlanningAtOnceSendEachMessageOnceWithinTheHourlyLimit() throws Exception {
        CampaignId campaign = activeCampaign("Spring sale");
        for (int i = 0; i < 80; i++) {
            contact("Guest" + i, "Europe/London", Locale.ENGLISH, true, "spring");
        }
        start(campaign, 50);
        WorkflowRuntime secondNode = runtime();
        sends(secondNode);
        Instant ten = Instant.parse("2027-03-01T10:00:00Z");
        clock.set(ten);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Object>> runs = List.of(() -> runtime.runDue(ten), () -> secondNode.runDue(ten));
            for (var run : nodes.invokeAll(runs)) {
                run.get();
            }
        } finally {
            nodes.shutdown();
            assertThat(nodes.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(gateway.sent()).hasSize(50);
        assertThat(gateway.sent()).extracting(Sent::key).doesNotHaveDuplicates();
        assertThat(sends.recipients(campaign, null, 100)).hasSize(50);
    }

    private static String tokenAfterLink(Sent sent) {
        String body = sent.message().body();
        return body.substring(body.indexOf("?t=") + 3).split("\\s")[0];
    }

    private List<Activity> timelineOf(Sent sent) {
        return crm.activities()
                .timeline(sent.message().about(), TimelineFilter.ALL, PageRequest.first(50))
                .items();
    }
}
