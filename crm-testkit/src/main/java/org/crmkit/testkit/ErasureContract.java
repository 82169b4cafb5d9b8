package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewLead;
import org.crmkit.core.NewStage;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.UtmAttribution;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.privacy.ErasureReport;
import org.crmkit.core.privacy.LegalHoldException;
import org.crmkit.core.privacy.PersonalDataErased;
import org.crmkit.core.privacy.SubjectExport;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.NewCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every storage adapter must do for a person's rights: a subject access export lists everything stored about
 * a contact, and an erasure leaves nothing of the person's name, e-mail address or phone number anywhere in the
 * store (the adapter's test says where a text occurs in everything it stores, {@link #placesHolding}), keeps what
 * must stay (the account's invoice), is refused while a legal hold applies, changes nothing when run again and,
 * when it failed midway, is finished by running it again.
 */
public abstract class ErasureContract extends StorageContract {

    protected static final String FIRST_NAME = "Zebulon";
    protected static final String LAST_NAME = "Quixwick";
    protected static final String FULL_NAME = FIRST_NAME + " " + LAST_NAME;
    protected static final String EMAIL = "zebulon.quixwick@example.org";
    protected static final String PHONE = "+49301234567";

    protected Crm crm;
    protected Contact person;
    protected Account acme;
    protected Invoice invoice;
    private final HostRecordsHolder host = new HostRecordsHolder("a greeting to " + EMAIL);
    private final List<DomainEvent> delivered = new CopyOnWriteArrayList<>();

    /**
     * Where {@code text} occurs in everything the storage keeps, ignoring case (a database: each text, varchar and
     * JSON column of each of crmkit's tables, as {@code table.column}); empty when nowhere.
     */
    protected abstract List<String> placesHolding(String text);

    @BeforeEach
    void aContactWithAFullHistory() {
        crm = Crm.builder()
                .storage(storage)
                .clock(clock)
                .tenant(TENANT_A)
                .auditTrail(RecordType.CONTACT, RecordType.ACTIVITY, RecordType.CASE, RecordType.LEAD)
                .eventListener(entry -> delivered.add(entry.event()))
                .build();
        crm.privacy().register(host);
        UserId owner = UserId.next(ids);
        acme = crm.parties().registerAccount(NewAccount.of("Acme Tools", owner));
        LocalDate today = LocalDate.now(clock);
        crm.leads()
                .captureAnyway(new NewLead(
                        new LeadDetails(
                                FIRST_NAME,
                                LAST_NAME,
                                "Acme Tools",
                                "Buyer",
                                EmailAddress.of(EMAIL),
                                null,
                                null,
                                "Berlin",
                                "10115",
                                null,
                                null),
                        LeadSource.of("web"),
                        null,
                        UtmAttribution.NONE));
        person = crm.parties()
                .registerContact(NewContact.of(PersonName.of(FIRST_NAME, "Quixwik"), owner)
                        .withEmail(EmailAddress.of(EMAIL), ContactPointType.WORK)
                        .withPhone(PhoneNumber.parse(PHONE), ContactPointType.MOBILE)
                        .withTag("golf")
                        .withExternalRef(ExternalRef.of("erp", "C-77")));
        person = crm.parties().renameContact(person.id(), PersonName.of(FIRST_NAME, LAST_NAME));
        crm.parties().grantConsent(person.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "web-form " + EMAIL);
        crm.parties().linkContactToAccount(person.id(), acme.id(), "Head of purchasing", true, today, null);
        crm.activities()
                .logActivity(
                        NewActivity.of(ActivityKind.CALL, Direction.INBOUND, "Call with " + FULL_NAME, clock.instant())
                                .withSummary("Call back on " + PHONE + " or write to " + EMAIL)
                                .aboutContact(person.id())
                                .aboutAccount(acme.id()));
        crm.activities()
                .createTask(new NewTask(
                        "Send the offer to " + FULL_NAME,
                        "to " + EMAIL,
                        clock.instant().plus(Duration.ofDays(2)),
                        owner,
                        null,
                        RecordRef.contact(person.id()),
                        null));
        crm.serviceDesk()
                .openCase(NewCase.of(
                                acme.id(),
                                person.id(),
                                FULL_NAME + " cannot log in",
                                CaseChannel.EMAIL,
                                CaseCategory.of("access"),
                                CasePriority.values()[0])
                        .withDescription("Reported by " + EMAIL));
        Pipeline pipeline = crm.pipelines()
                .definePipeline(
                        "Sales",
                        List.of(
                                NewStage.open("Qualify", 20, ForecastCategory.PIPELINE),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        crm.sales()
                .openOpportunity(NewOpportunity.of(
                                "Tools for " + LAST_NAME, acme.id(), pipeline.id(), Currency.getInstance("EUR"), owner)
                        .withPrimaryContact(person.id()));
        var campaign = crm.campaigns()
                .plan(NewCampaign.of(
                        "Spring mailing",
                        CampaignType.values()[0],
                        CampaignPeriod.of(today, today.plusDays(30)),
                        Money.of("1000.00", "EUR")));
        crm.campaigns().addMembers(campaign.id(), List.of(RecordRef.contact(person.id())));
        invoice = crm.billing()
                .issueInvoice(new NewInvoice(
                        "INV-1",
                        acme.id(),
                        today,
                        today.plusDays(14),
                        Currency.getInstance("EUR"),
                        List.of(InvoiceLine.of("Tools", "1", Money.of("119.00", "EUR"), "19"))));
    }

    private ErasureReport erase() {
        return crm.privacy().erase(RecordRef.contact(person.id()), "Art. 17 request of " + FULL_NAME);
    }

    @Test
    void theStoreIsSearchedWhereThePersonsDataLives() {
        assertThat(placesHolding(FULL_NAME)).isNotEmpty();
        assertThat(placesHolding(EMAIL)).isNotEmpty();
        assertThat(placesHolding(PHONE)).isNotEmpty();
    }

    @Test
    void anExportListsEverythingStoredAboutTheContactInTheDocumentedFormat() {
        SubjectExport export = crm.privacy().export(RecordRef.contact(person.id()));

        assertThat(export.formatVersion())
                .isEqualTo(SubjectExport.FORMAT_VERSION)
                .isEqualTo(1);
        assertThat(export.json())
                .startsWith("{\"format\":\"crmkit-subject-export\",\"formatVersion\":1,")
                .contains("\"contact\":{", "\"firstName\":\"" + FIRST_NAME + "\"", EMAIL, PHONE)
                .contains("\"source\":\"web-form " + EMAIL + "\"", "\"purpose\":\"MARKETING\"")
                .contains("Call with " + FULL_NAME, "Send the offer to " + FULL_NAME, FULL_NAME + " cannot log in")
                .contains("Tools for " + LAST_NAME, "\"campaignName\":\"Spring mailing\"")
                .contains("\"leads\":[{", "\"postcode\":\"10115\"")
                .contains("\"auditTrail\":[{", "\"field\":\"name\"")
                .contains("\"outboxEvents\":[")
                .contains("\"heldElsewhere\":{\"test\":{\"messages\":[\"a greeting to " + EMAIL + "\"]}}");
    }

    @Test
    void afterAnErasureNothingInTheStoreHoldsTheNameEmailOrPhone() {
        ErasureReport report = erase();

        assertThat(placesHolding(FULL_NAME)).isEmpty();
        assertThat(placesHolding(LAST_NAME)).isEmpty();
        assertThat(placesHolding(EMAIL)).isEmpty();
        assertThat(placesHolding(PHONE)).isEmpty();
        assertThat(report.changed())
                .containsEntry("contact", 1)
                .containsEntry("leads", 1)
                .containsEntry("activities", 1)
                .containsEntry("tasks", 1)
                .containsEntry("cases", 1)
                .containsEntry("opportunities", 1)
                .containsEntry("test", 1);
        assertThat(report.changed().get("auditTrail")).isPositive();
        assertThat(report.changed()).containsKey("outboxEvents");
    }

    @Test
    void anErasedContactIsFoundNeitherByEmailNorPhoneNorName() {
        erase();

        assertThat(crm.parties().contactsByEmail(EmailAddress.of(EMAIL))).isEmpty();
        assertThat(crm.parties().contactsByPhone(PhoneNumber.parse(PHONE))).isEmpty();
        assertThat(crm.parties().contactsNamed(LAST_NAME, PageRequest.first(10)).items())
                .isEmpty();
        assertThat(crm.parties().findContactByExternalRef(ExternalRef.of("erp", "C-77")))
                .isEmpty();
        Contact erased = crm.parties().contact(person.id());
        assertThat(erased.name().lastName()).isEqualTo("Erased");
        assertThat(erased.contactPoints().emails()).isEmpty();
        assertThat(erased.affiliations()).isEmpty();
    }

    @Test
    void anExportListsTheContactsOwnScoreAndItsCampaignMemberships() {
        crm.scores()
                .recordAll(List.of(
                        new CustomerScore(
                                RecordRef.contact(person.id()),
                                LocalDate.of(2026, 2, 28),
                                CustomerTier.KEY,
                                Money.of("420", "EUR"),
                                "champions",
                                null),
                        new CustomerScore(
                                RecordRef.account(acme.id()),
                                LocalDate.of(2026, 2, 28),
                                CustomerTier.SMALL,
                                Money.of("42", "EUR"),
                                "loyal-company",
                                null)));

        String json = crm.privacy().export(RecordRef.contact(person.id())).json();

        assertThat(json)
                .contains("\"customerScores\":[{\"customer\":{\"type\":\"CONTACT\",\"id\":\"" + person.id() + "\"}")
                .contains("\"tier\":\"KEY\"", "\"rfmSegment\":\"champions\"")
                .doesNotContain("loyal-company")
                .contains("\"campaignMemberships\":[{\"campaign\":")
                .contains("\"status\":\"TARGETED\"");
    }

    @Test
    void theContactsScoreGoesWithThePersonAndTheAccountsStays() {
        CustomerScore personal = new CustomerScore(
                RecordRef.contact(person.id()),
                LocalDate.of(2026, 2, 28),
                CustomerTier.KEY,
                Money.of("420", "EUR"),
                "champions",
                null);
        CustomerScore company = new CustomerScore(
                RecordRef.account(acme.id()),
                LocalDate.of(2026, 2, 28),
                CustomerTier.SMALL,
                Money.of("42", "EUR"),
                "loyal",
                null);
        crm.scores().recordAll(List.of(personal, company));

        ErasureReport report = erase();

        assertThat(report.changed()).containsEntry("customerScore", 1);
        assertThat(crm.scores().scoreOf(RecordRef.contact(person.id()))).isEmpty();
        assertThat(crm.scores().scoreOf(acme.id())).contains(company);
    }

    @Test
    void whatMustBeKeptIsKeptWithoutThePersonalData() {
        erase();

        Invoice kept = crm.billing().invoice(invoice.id()).orElseThrow();
        assertThat(kept.total()).isEqualTo(invoice.total());
        var timeline = crm.activities().timeline(acme.id(), TimelineFilter.ALL, PageRequest.first(10));
        assertThat(timeline.items()).hasSize(1);
        assertThat(timeline.items().get(0).state().subject()).isEqualTo("[erased]");
        assertThat(timeline.items().get(0).state().summary()).isNull();
        assertThat(crm.campaigns()
                        .campaignsOf(RecordRef.contact(person.id()), PageRequest.first(10))
                        .items())
                .hasSize(1);
    }

    @Test
    void theErasureIsRecordedWithoutPersonalData() {
        erase();

        List<PersonalDataErased> records = delivered.stream()
                .filter(PersonalDataErased.class::isInstance)
                .map(PersonalDataErased.class::cast)
                .toList();
        assertThat(records).singleElement().satisfies(erased -> {
            assertThat(erased.subjectType()).isEqualTo(RecordType.CONTACT);
            assertThat(erased.reason()).isEqualTo("Art. 17 request of [erased]");
            assertThat(erased.legalHoldOverridden()).isFalse();
        });
        assertThat(crm.privacy()
                        .auditTrail(RecordRef.contact(person.id()), PageRequest.first(1))
                        .items())
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.field()).isEqualTo("personalData");
                    assertThat(entry.valuesErased()).isTrue();
                    assertThat(entry.newValue()).isNull();
                });
    }

    @Test
    void aSecondErasureChangesNothing() {
        erase();

        ErasureReport again = erase();

        assertThat(again.total()).isZero();
        assertThat(placesHolding(FULL_NAME)).isEmpty();
    }

    @Test
    void anErasureIsRefusedWhileALegalHoldAppliesAndNothingIsErased() {
        host.holds.add("dunning case 42 is with a lawyer");

        assertThatThrownBy(this::erase).isInstanceOfSatisfying(LegalHoldException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.LEGAL_HOLD);
            assertThat(e.errorCode().code()).isEqualTo("CRM-0012");
            assertThat(e.holds()).containsExactly("dunning case 42 is with a lawyer");
            assertThat(e.getMessage()).contains("dunning case 42 is with a lawyer");
        });
        assertThat(crm.privacy().legalHolds(RecordRef.contact(person.id())))
                .containsExactly("dunning case 42 is with a lawyer");
        assertThat(placesHolding(EMAIL)).isNotEmpty();
        assertThat(crm.parties().contact(person.id()).name().lastName()).isEqualTo(LAST_NAME);
    }

    @Test
    void anErasureDespiteALegalHoldNeedsAndRecordsAReason() {
        host.holds.add("dunning case 42 is with a lawyer");

        ErasureReport report =
                crm.privacy().eraseDespiteLegalHold(RecordRef.contact(person.id()), "court order 7 O 12/26");

        assertThat(report.overriddenHolds()).containsExactly("dunning case 42 is with a lawyer");
        assertThat(placesHolding(EMAIL)).isEmpty();
    }

    @Test
    void anErasureThatFailedMidwayStoredNothingAndARunAgainFinishesIt() {
        host.failing = true;

        assertThatThrownBy(this::erase).isInstanceOf(IllegalStateException.class);
        assertThat(crm.parties().contact(person.id()).name().lastName()).isEqualTo(LAST_NAME);
        assertThat(placesHolding(EMAIL)).isNotEmpty();

        host.failing = false;
        ErasureReport report = erase();

        assertThat(report.total()).isPositive();
        assertThat(placesHolding(EMAIL)).isEmpty();
        assertThat(placesHolding(FULL_NAME)).isEmpty();
    }

    @Test
    void aLeadIsErasedWithItsActivitiesAndExportedBefore() {
        var lead = crm.leads()
                .captureAnyway(new NewLead(
                        new LeadDetails(
                                "Wanda",
                                "Yellowbrook",
                                null,
                                null,
                                EmailAddress.of("wanda@example.net"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        LeadSource.of("fair"),
                        null,
                        UtmAttribution.NONE));
        crm.activities()
                .logActivity(NewActivity.of(ActivityKind.NOTE, null, "Met Wanda Yellowbrook", clock.instant())
                        .regarding(RecordRef.lead(lead.id())));

        assertThat(crm.privacy().export(RecordRef.lead(lead.id())).json())
                .contains("wanda@example.net", "Met Wanda Yellowbrook");
        crm.privacy().erase(RecordRef.lead(lead.id()), "asked to be forgotten");

        assertThat(placesHolding("Yellowbrook")).isEmpty();
        assertThat(placesHolding("wanda@example.net")).isEmpty();
        assertThat(placesHolding(EMAIL)).isNotEmpty();
    }
}
