package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.lead.DuplicateMatch;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.CustomFieldKey;
import org.crmkit.core.party.CustomFieldValue;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.score.CustomerScore;
import org.crmkit.core.score.CustomerTier;
import org.junit.jupiter.api.Test;

class LeadConversionTest {

    static final Currency EUR = Currency.getInstance("EUR");

    final TestClock clock = new TestClock("2026-03-02T09:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    final Leads leads = crm.leads();
    final UserId owner = UserId.of(UUID.randomUUID());
    final CampaignId campaign = StoredRecords.campaign(storage, clock);
    final Pipeline pipeline = crm.pipelines()
            .definePipeline(
                    "New business",
                    List.of(
                            NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                            NewStage.won("Won"),
                            NewStage.lost("Lost")));
    final ConvertLead.Deal deal = new ConvertLead.Deal(
            pipeline.id(), "Initech fleet", EUR, Money.of("12000.00", "EUR"), LocalDate.of(2026, 6, 30));

    NewLead jane() {
        return new NewLead(
                new LeadDetails(
                        "Jane",
                        "Doe",
                        "Initech GmbH",
                        "CTO",
                        EmailAddress.of("Jane@Initech.example"),
                        PhoneNumber.parse("+49 30 1234567"),
                        null,
                        null,
                        null,
                        "Software",
                        250),
                LeadSource.of("trade-fair"),
                campaign,
                null);
    }

    Lead qualifiedJane() {
        Lead lead = leads.captureAnyway(jane());
        leads.assign(lead.id(), owner);
        return leads.qualify(lead.id());
    }

    @Test
    void captureReportsAnExistingContactAccountAndLeadInsteadOfCreatingTheLead() {
        Contact contact = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Jane", "Doe"), owner)
                        .withEmail(EmailAddress.of("jane@initech.example"), ContactPointType.WORK));
        Account account = crm.parties().registerAccount(NewAccount.of("INITECH gmbh", owner));
        Lead earlier = leads.captureAnyway(new NewLead(
                new LeadDetails(null, "Doe", null, null, null, PhoneNumber.parse("+4930 1234567"), null, null, null),
                LeadSource.of("web"),
                null,
                null));

        LeadCapture capture = leads.capture(jane());

        assertThat(capture)
                .isInstanceOfSatisfying(
                        LeadCapture.PossibleDuplicates.class,
                        duplicates -> assertThat(duplicates.matches())
                                .containsExactly(
                                        new DuplicateMatch(
                                                RecordRef.contact(contact.id()),
                                                DuplicateMatch.Reason.EMAIL,
                                                "jane@initech.example"),
                                        new DuplicateMatch(
                                                RecordRef.account(account.id()),
                                                DuplicateMatch.Reason.COMPANY_NAME,
                                                Account.normalizeName("Initech GmbH")),
                                        new DuplicateMatch(
                                                RecordRef.lead(earlier.id()),
                                                DuplicateMatch.Reason.PHONE,
                                                "+49301234567")));
        assertThat(leads.leadsWithEmail(EmailAddress.of("jane@initech.example")))
                .isEmpty();
    }

    @Test
    void aLeadWithTheSameEmailInOtherLettersIsReportedByEmail() {
        Lead earlier = leads.captureAnyway(new NewLead(
                new LeadDetails(
                        null, "Doe", null, null, EmailAddress.of("JANE@initech.EXAMPLE"), null, null, null, null),
                LeadSource.of("web"),
                null,
                null));

        LeadCapture capture = leads.capture(jane());

        assertThat(capture)
                .isInstanceOfSatisfying(
                        LeadCapture.PossibleDuplicates.class,
                        duplicates -> assertThat(duplicates.matches())
                                .containsExactly(new DuplicateMatch(
                                        RecordRef.lead(earlier.id()),
                                        DuplicateMatch.Reason.EMAIL,
                                        "jane@initech.example")));
    }

    Lead capturedFrom(String company, String lastName) {
        return leads.captureAnyway(new NewLead(
                new LeadDetails(
                        "Bob",
                        lastName,
                        company,
                        null,
                        EmailAddress.of(lastName + "@mail.example"),
                        null,
                        null,
                        null,
                        null),
                LeadSource.of("web"),
                null,
                null));
    }

    @Test
    void captureReportsAnOpenLeadOfTheSameCompanyByCompanyName() {
        Lead bob = capturedFrom("INITECH   gmbh", "Slydell");
        Lead dropped = capturedFrom("Initech GmbH", "Porter");
        leads.disqualify(dropped.id(), "left the company");
        capturedFrom("Initech", "Bolton");

        LeadCapture capture = leads.capture(jane());

        assertThat(capture)
                .isInstanceOfSatisfying(
                        LeadCapture.PossibleDuplicates.class,
                        duplicates -> assertThat(duplicates.matches())
                                .containsExactly(new DuplicateMatch(
                                        RecordRef.lead(bob.id()), DuplicateMatch.Reason.COMPANY_NAME, "initech gmbh")));
    }

    @Test
    void conversionReportsAnotherLeadOfTheSameCompanyUntilItsAccountIsReused() {
        Lead jane = qualifiedJane();
        Lead bob = capturedFrom("Initech GmbH", "Slydell");
        leads.assign(bob.id(), owner);
        leads.qualify(bob.id());

        LeadConversionResult reported = leads.convert(jane.id(), ConvertLead.withDeal(deal));
        LeadConversionResult.Converted first = (LeadConversionResult.Converted)
                leads.convert(jane.id(), ConvertLead.withDeal(deal).despiteDuplicates());
        LeadConversionResult second = leads.convert(bob.id(), ConvertLead.withDeal(deal));
        LeadConversionResult joined = leads.convert(
                bob.id(),
                ConvertLead.withDeal(deal).reusingAccount(first.account().id()));

        assertThat(reported)
                .isInstanceOfSatisfying(
                        LeadConversionResult.PossibleDuplicates.class,
                        d -> assertThat(d.matches())
                                .containsExactly(new DuplicateMatch(
                                        RecordRef.lead(bob.id()), DuplicateMatch.Reason.COMPANY_NAME, "initech gmbh")));
        assertThat(second)
                .isInstanceOfSatisfying(
                        LeadConversionResult.PossibleDuplicates.class,
                        d -> assertThat(d.matches())
                                .containsExactly(new DuplicateMatch(
                                        RecordRef.account(first.account().id()),
                                        DuplicateMatch.Reason.COMPANY_NAME,
                                        "initech gmbh")));
        assertThat(joined).isInstanceOfSatisfying(LeadConversionResult.Converted.class, converted -> {
            assertThat(converted.account().id()).isEqualTo(first.account().id());
            assertThat(converted.contact().affiliations())
                    .singleElement()
                    .satisfies(link -> assertThat(link.role()).isEqualTo("Contact"));
        });
        assertThat(crm.parties()
                        .contactsOfAccount(first.account().id(), PageRequest.first(5))
                        .items())
                .extracting(contact -> contact.name().fullName())
                .containsExactlyInAnyOrder("Jane Doe", "Bob Slydell");
    }

    @Test
    void aLeadWithoutLookAlikesIsCaptured() {
        LeadCapture capture = leads.capture(jane());

        assertThat(capture)
                .isInstanceOfSatisfying(
                        LeadCapture.Captured.class,
                        captured -> assertThat(captured.lead().status()).isEqualTo(LeadStatus.NEW));
    }

    @Test
    void aQualifiedLeadBecomesAccountContactAndOpportunityThatKeepItsIdSourceAndHistory() {
        Lead lead = qualifiedJane();

        LeadConversionResult result = leads.convert(lead.id(), ConvertLead.withDeal(deal));

        LeadConversionResult.Converted converted = (LeadConversionResult.Converted) result;
        Account account = converted.account();
        Contact contact = converted.contact();
        Opportunity opportunity = converted.opportunity();
        assertThat(account.name()).isEqualTo("Initech GmbH");
        assertThat(contact.name().fullName()).isEqualTo("Jane Doe");
        assertThat(contact.accountsOn(LocalDate.of(2026, 3, 2))).containsExactly(account.id());
        assertThat(contact.contactPoints().primaryEmail()).contains(EmailAddress.of("Jane@Initech.example"));
        assertThat(contact.customFields().values())
                .containsEntry(
                        CustomFieldKey.of("lead_id"),
                        CustomFieldValue.text(lead.id().toString()))
                .containsEntry(CustomFieldKey.of("lead_source"), CustomFieldValue.text("trade-fair"));
        assertThat(opportunity.originLead()).isEqualTo(lead.id());
        assertThat(opportunity.campaign()).isEqualTo(campaign);
        assertThat(opportunity.amount()).isEqualTo(Money.of("12000.00", "EUR"));
        assertThat(opportunity.primaryContact()).isEqualTo(contact.id());
        assertThat(opportunity.owner()).isEqualTo(owner);
        Lead done = leads.lead(lead.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(done.conversion().opportunity()).isEqualTo(opportunity.id());
        assertThat(crm.activities()
                        .timeline(contact.id(), TimelineFilter.ALL, PageRequest.first(5))
                        .items())
                .singleElement()
                .satisfies(note -> {
                    assertThat(note.kind()).isEqualTo(ActivityKind.NOTE);
                    assertThat(note.relatedRecords())
                            .contains(RecordRef.lead(lead.id()), RecordRef.opportunity(opportunity.id()));
                });
    }

    @Test
    void theActivitiesOfAConvertedLeadShowOnTheTimelinesOfItsContactAndAccount() {
        Lead lead = leads.captureAnyway(jane());
        Activity call = crm.activities()
                .logActivity(NewActivity.of(ActivityKind.CALL, Direction.INBOUND, "Asked for a demo", clock.instant())
                        .regarding(RecordRef.lead(lead.id())));
        clock.advance(Duration.ofDays(2));
        crm.activities()
                .logActivity(NewActivity.of(ActivityKind.MEETING, null, "Discovery workshop", clock.instant())
                        .regarding(RecordRef.lead(lead.id())));
        clock.advance(Duration.ofDays(1));
        leads.assign(lead.id(), owner);
        leads.qualify(lead.id());

        LeadConversionResult.Converted converted =
                (LeadConversionResult.Converted) leads.convert(lead.id(), ConvertLead.withDeal(deal));

        for (RecordRef timeline : List.of(
                RecordRef.contact(converted.contact().id()),
                RecordRef.account(converted.account().id()),
                RecordRef.lead(lead.id()))) {
            assertThat(crm.activities()
                            .timeline(timeline, TimelineFilter.ALL, PageRequest.first(10))
                            .items())
                    .extracting(Activity::subject)
                    .containsExactly("Converted from lead", "Discovery workshop", "Asked for a demo");
        }
        assertThat(crm.activities().findActivity(call.id()).orElseThrow().occurredAt())
                .isEqualTo(call.occurredAt());
        assertThat(crm.activities()
                        .timeline(
                                RecordRef.opportunity(converted.opportunity().id()),
                                TimelineFilter.ALL,
                                PageRequest.first(10))
                        .items())
                .extracting(Activity::subject)
                .containsExactly("Converted from lead");
    }

    @Test
    void theTasksOfAConvertedLeadOpenOrDoneAreAmongTheTasksOfItsContact() {
        Lead lead = leads.captureAnyway(jane());
        Task brochure = crm.activities()
                .createTask(NewTask.of("Send the brochure", clock.instant().plus(Duration.ofDays(1)), owner)
                        .linkedTo(RecordRef.lead(lead.id())));
        Task callBack = crm.activities()
                .createTask(
                        NewTask.of("Call back about pricing", clock.instant().plus(Duration.ofDays(5)), owner)
                                .linkedTo(RecordRef.lead(lead.id())));
        Account other = crm.parties().registerAccount(NewAccount.of("Umbrella plc", owner));
        Task unrelated = crm.activities()
                .createTask(NewTask.of("Renew the contract", clock.instant().plus(Duration.ofDays(3)), owner)
                        .linkedTo(RecordRef.account(other.id())));
        crm.activities().complete(brochure.id());
        leads.assign(lead.id(), owner);
        leads.qualify(lead.id());

        LeadConversionResult.Converted converted =
                (LeadConversionResult.Converted) leads.convert(lead.id(), ConvertLead.withDeal(deal));

        assertThat(crm.activities()
                        .tasksLinkedTo(RecordRef.contact(converted.contact().id()), PageRequest.first(10))
                        .items())
                .extracting(Task::subject, Task::status)
                .containsExactly(
                        tuple("Send the brochure", TaskStatus.DONE), tuple("Call back about pricing", TaskStatus.OPEN));
        assertThat(crm.activities()
                        .tasksLinkedTo(RecordRef.lead(lead.id()), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(crm.activities().findTask(callBack.id()).orElseThrow().dueAt())
                .isEqualTo(callBack.dueAt());
        assertThat(crm.activities().findTask(unrelated.id()).orElseThrow().link())
                .isEqualTo(RecordRef.account(other.id()));
    }

    @Test
    void aConversionReportedAsDuplicateLeavesTheTasksWithTheLead() {
        crm.parties()
                .registerContact(NewContact.of(PersonName.of("Jane", "Doe"), owner)
                        .withEmail(EmailAddress.of("jane@initech.example"), ContactPointType.WORK));
        Lead lead = qualifiedJane();
        Task callBack = crm.activities()
                .createTask(
                        NewTask.of("Call back about pricing", clock.instant().plus(Duration.ofDays(5)), owner)
                                .linkedTo(RecordRef.lead(lead.id())));

        assertThat(leads.convert(lead.id(), ConvertLead.withDeal(deal)))
                .isInstanceOf(LeadConversionResult.PossibleDuplicates.class);
        assertThat(crm.activities().findTask(callBack.id()).orElseThrow().link())
                .isEqualTo(RecordRef.lead(lead.id()));
    }

    @Test
    void conversionReportsLookAlikesAndCanReuseTheExistingAccountInstead() {
        Account existing = crm.parties().registerAccount(NewAccount.of("Initech GmbH", owner));
        Lead lead = qualifiedJane();

        LeadConversionResult reported = leads.convert(lead.id(), ConvertLead.withDeal(deal));
        LeadConversionResult reused =
                leads.convert(lead.id(), ConvertLead.withDeal(deal).reusingAccount(existing.id()));

        assertThat(reported)
                .isInstanceOfSatisfying(
                        LeadConversionResult.PossibleDuplicates.class,
                        d -> assertThat(d.matches())
                                .extracting(m -> m.record().type())
                                .containsExactly(RecordType.ACCOUNT));
        assertThat(((LeadConversionResult.Converted) reused).account().id()).isEqualTo(existing.id());
        assertThat(crm.sales().opportunitiesOfAccount(existing.id())).hasSize(1);
    }

    @Test
    void aConvertedLeadCannotBeConvertedTwice() {
        Lead lead = qualifiedJane();
        leads.convert(lead.id(), ConvertLead.withDeal(deal));

        assertThatThrownBy(() ->
                        leads.convert(lead.id(), ConvertLead.withDeal(deal).despiteDuplicates()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aFailingStepLeavesNothingHalfWritten() {
        Lead lead = qualifiedJane();
        ConvertLead unknownPipeline = ConvertLead.withDeal(
                new ConvertLead.Deal(org.crmkit.core.common.PipelineId.of(UUID.randomUUID()), null, EUR, null, null));

        assertThatThrownBy(() -> leads.convert(lead.id(), unknownPipeline))
                .isInstanceOf(org.crmkit.core.common.RecordNotFoundException.class);

        assertThat(leads.lead(lead.id()).orElseThrow().status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(leads.possibleDuplicates(lead.details()))
                .extracting(DuplicateMatch::record)
                .containsExactly(RecordRef.lead(lead.id()));
    }

    @Test
    void aLeadWithoutAnOwnerNeedsTheOwnerNamed() {
        Lead lead = leads.captureAnyway(jane());
        leads.qualify(lead.id());

        assertThatThrownBy(() -> leads.convert(lead.id(), ConvertLead.withDeal(deal)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("owner"));
    }

    @Test
    void theLeadAndTheDealShowTheScoreOfTheCustomerTheLeadBecame() {
        Lead lead = qualifiedJane();
        assertThat(crm.scores().scoreForLead(lead.id())).isEmpty();
        LeadConversionResult.Converted converted =
                (LeadConversionResult.Converted) leads.convert(lead.id(), ConvertLead.withDeal(deal));
        CustomerScore score = new CustomerScore(
                RecordRef.account(converted.account().id()),
                LocalDate.of(2026, 3, 1),
                CustomerTier.KEY,
                Money.of("1500", "EUR"),
                "champions",
                new CustomerScore.Prediction(Money.of("4200", "EUR"), 0.93, Money.of("105", "EUR")));

        crm.scores().record(score);

        assertThat(crm.scores().scoreForLead(lead.id())).contains(score);
        assertThat(crm.scores().scoreForOpportunity(converted.opportunity().id()))
                .contains(score);
        assertThat(crm.scores().scoreForContact(converted.contact().id(), LocalDate.of(2026, 3, 2)))
                .contains(score);
    }
}
