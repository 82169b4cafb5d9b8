package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.crmkit.core.NewLead;
import org.crmkit.core.NewStage;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CampaignId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TerritoryId;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.NewCase;
import org.junit.jupiter.api.Test;

/**
 * What every adapter must keep true of the use cases on top of it: a change that stores a reference to another
 * record (an invoice's account, an activity's contacts, a task's link) stores it only when that record exists for
 * the calling tenant, checked in the change's transaction. A missing record, or one of another tenant, is a
 * {@link RecordNotFoundException} whose {@link RecordNotFoundException#violations() violation} names the field, and
 * nothing of the change is stored. The billing documents' part is in the contract it extends.
 */
public abstract class ReferenceIntegrityContract extends BillingReferenceContract {

    @Test
    void anActivityAboutAnUnknownOrForeignContactAccountOrRecordIsRefusedNamingTheReference() {
        refusedNaming(
                "contacts[1]",
                () -> crmOfA.activities()
                        .logActivity(NewActivity.note(kim.id(), "Call", "Asked for a quote", now())
                                .aboutContact(ContactId.next(ids))));
        refusedNaming(
                "accounts[0]",
                () -> crmOfA.activities()
                        .logActivity(NewActivity.note(kim.id(), "Call", "Asked for a quote", now())
                                .aboutAccount(AccountId.next(ids))));
        refusedNaming(
                "relatedRecords[0]",
                () -> crmOfA.activities()
                        .logActivity(NewActivity.note(kim.id(), "Call", "Asked for a quote", now())
                                .regarding(RecordRef.invoice(InvoiceId.next(ids)))));
        refusedNaming(
                "contacts[0]",
                () -> crmOfB.activities().logActivity(NewActivity.note(kim.id(), "Call", "Asked for a quote", now())));

        assertThat(crmOfA.activities()
                        .timeline(kim.id(), TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void aBatchOfActivitiesWithOneUnknownReferenceStoresNoneAndNamesTheOneInTheBatch() {
        NewActivity good = NewActivity.of(ActivityKind.CALL, Direction.OUTBOUND, "Renewal", now())
                .aboutContact(kim.id())
                .aboutAccount(acme.id());
        NewActivity bad = NewActivity.of(ActivityKind.CALL, Direction.OUTBOUND, "Renewal", now())
                .aboutAccount(acme.id())
                .aboutAccount(AccountId.next(ids));

        refusedNaming("details[1].accounts[1]", () -> crmOfA.activities().logActivities(List.of(good, bad)));

        assertThat(crmOfA.activities()
                        .timeline(acme.id(), TimelineFilter.ALL, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(crmOfA.activities().logActivities(List.of(good, good))).hasSize(2);
    }

    @Test
    void aTaskLinkedToAnUnknownRecordIsRefused() {
        NewTask task = NewTask.of("Call back", now().plusSeconds(3600), owner);

        refusedNaming("link", () -> crmOfA.activities().createTask(task.linkedTo(RecordRef.lead(LeadId.next(ids)))));
        refusedNaming("link", () -> crmOfB.activities().createTask(task.linkedTo(RecordRef.contact(kim.id()))));

        assertThat(crmOfA.activities()
                        .tasksOf(owner, Set.of(), PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(crmOfA.activities()
                        .createTask(task.linkedTo(RecordRef.contact(kim.id())))
                        .link())
                .isEqualTo(RecordRef.contact(kim.id()));
    }

    @Test
    void anOpportunityNamesItsMissingAccountContactLeadOrCampaign() {
        Pipeline pipeline = crmOfA.pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        NewOpportunity deal = NewOpportunity.of("Presses", acme.id(), pipeline.id(), EUR, owner);

        refusedNaming(
                "account",
                () -> crmOfA.sales()
                        .openOpportunity(NewOpportunity.of("Presses", AccountId.next(ids), pipeline.id(), EUR, owner)));
        refusedNaming(
                "pipeline",
                () -> crmOfA.sales()
                        .openOpportunity(NewOpportunity.of("Presses", acme.id(), PipelineId.next(ids), EUR, owner)));
        refusedNaming(
                "primaryContact", () -> crmOfA.sales().openOpportunity(deal.withPrimaryContact(ContactId.next(ids))));
        refusedNaming(
                "originLead",
                () -> crmOfA.sales()
                        .openOpportunity(deal.withPrimaryContact(kim.id()).withOriginLead(LeadId.next(ids))));
        refusedNaming(
                "campaign",
                () -> crmOfA.sales()
                        .openOpportunity(deal.withPrimaryContact(kim.id()).withCampaign(CampaignId.next(ids))));
        assertThat(crmOfA.sales().opportunitiesOfAccount(acme.id())).isEmpty();

        Opportunity opened = crmOfA.sales().openOpportunity(deal);
        refusedNaming(
                "contact",
                () -> crmOfA.sales().addContactRole(opened.id(), ContactId.next(ids), BuyingRole.DECISION_MAKER));
        assertThat(crmOfA.sales().opportunity(opened.id()).orElseThrow().contactRoles())
                .isEmpty();
    }

    @Test
    void aQuotaOfAnUnknownTeamIsRefused() {
        refusedNaming(
                "holder.team",
                () -> crmOfA.forecasts()
                        .setQuota(
                                QuotaHolder.team(TeamId.next(ids)),
                                QuotaPeriod.year(2026),
                                Money.of("1000.00", "EUR")));

        assertThat(crmOfA.forecasts().quotasOverlapping(QuotaPeriod.year(2026))).isEmpty();
    }

    @Test
    void aCaseFromAnUnknownAccountOrContactIsRefused() {
        refusedNaming(
                "account",
                () -> crmOfA.serviceDesk()
                        .openCase(NewCase.of(
                                AccountId.next(ids),
                                kim.id(),
                                "Press leaks oil",
                                CaseChannel.PHONE,
                                CaseCategory.of("repair"),
                                CasePriority.HIGH)));
        refusedNaming(
                "contact",
                () -> crmOfB.serviceDesk()
                        .openCase(NewCase.of(
                                null,
                                kim.id(),
                                "Press leaks oil",
                                CaseChannel.PHONE,
                                CaseCategory.of("repair"),
                                CasePriority.HIGH)));

        assertThat(crmOfA.serviceDesk()
                        .casesOf(acme.id(), PageRequest.first(10))
                        .items())
                .isEmpty();
    }

    @Test
    void aLeadFromAnUnknownCampaignIsRefused() {
        LeadDetails jo = new LeadDetails("Jo", "Ray", "Initech", null, null, null, null, null, null, null, null);

        refusedNaming(
                "campaign",
                () -> crmOfA.leads().captureAnyway(new NewLead(jo, LeadSource.of("web"), CampaignId.next(ids), null)));

        assertThat(crmOfA.leads().leadsIn(LeadStatus.NEW, PageRequest.first(10)).items())
                .isEmpty();
    }

    @Test
    void partiesRefuseAnUnknownTerritoryParentOrAccountToLinkTo() {
        TerritoryId nowhere = TerritoryId.next(ids);

        refusedNaming(
                "territory",
                () -> crmOfA.parties()
                        .registerContact(NewContact.of(PersonName.of("Ann", "Lee"), owner)
                                .withTerritory(nowhere)));
        refusedNaming(
                "territory",
                () -> crmOfA.parties()
                        .registerAccount(NewAccount.of("Initech", owner).withTerritory(nowhere)));
        refusedNaming("territory", () -> crmOfA.parties().assignTerritory(acme.id(), nowhere));
        refusedNaming(
                "territory",
                () -> crmOfA.parties()
                        .upsertAccount(
                                ExternalRef.of("erp", "4711"),
                                NewAccount.of("Initech", owner).withTerritory(nowhere)));
        refusedNaming(
                "territory",
                () -> crmOfA.parties()
                        .upsertContact(
                                ExternalRef.of("erp", "C-1"),
                                NewContact.of(PersonName.of("Ann", "Lee"), owner)
                                        .withTerritory(nowhere)));
        refusedNaming("territory", () -> crmOfA.parties().assignTerritory(kim.id(), nowhere));
        refusedNaming(
                "parent",
                () -> crmOfA.parties().setParentAccount(acme.id(), AccountId.next(ids), LocalDate.now(clock)));
        Account foreign = crmOfB.parties().registerAccount(NewAccount.of("Globex", owner));
        refusedNaming(
                "account",
                () -> crmOfA.parties()
                        .linkContactToAccount(kim.id(), foreign.id(), "Buyer", false, LocalDate.now(clock), null));

        assertThat(crmOfA.parties().accountsNamed("Initech")).isEmpty();
        assertThat(crmOfA.parties().contact(kim.id()).territory()).isEmpty();
        assertThat(crmOfA.parties().account(acme.id()).parentOn(LocalDate.now(clock)))
                .isEmpty();
    }

    @Test
    void aCampaignMemberMustExist() {
        CampaignId fair = crmOfA.campaigns()
                .plan(NewCampaign.of(
                        "Trade fair",
                        CampaignType.EVENT,
                        CampaignPeriod.of(
                                LocalDate.now(clock), LocalDate.now(clock).plusDays(3)),
                        Money.of("500.00", "EUR")))
                .id();

        refusedNaming(
                "members[1]",
                () -> crmOfA.campaigns()
                        .addMembers(
                                fair, List.of(RecordRef.contact(kim.id()), RecordRef.contact(ContactId.next(ids)))));

        assertThat(crmOfA.campaigns().members(fair, null, 10)).isEmpty();
    }
}
