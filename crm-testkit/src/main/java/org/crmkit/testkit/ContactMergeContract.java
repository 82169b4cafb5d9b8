package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.ConvertLead;
import org.crmkit.core.NewLead;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityCorrection;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.Direction;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.NewTask;
import org.crmkit.core.activity.Task;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.UtmAttribution;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.marketing.CampaignMemberStatus;
import org.crmkit.core.marketing.CampaignPeriod;
import org.crmkit.core.marketing.CampaignType;
import org.crmkit.core.marketing.NewCampaign;
import org.crmkit.core.merge.MergeField;
import org.crmkit.core.merge.MergeRecord;
import org.crmkit.core.merge.MergeUndone;
import org.crmkit.core.merge.MergedMembership;
import org.crmkit.core.merge.RecordsMerged;
import org.crmkit.core.merge.Resolved;
import org.crmkit.core.merge.Survivorship;
import org.crmkit.core.merge.SurvivorshipRule;
import org.crmkit.core.merge.UnmergeRefusedException;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.ConsentChannel;
import org.crmkit.core.party.ConsentPurpose;
import org.crmkit.core.party.ConsentStatus;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.BuyingRole;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.service.CaseCategory;
import org.crmkit.core.service.CaseChannel;
import org.crmkit.core.service.CasePriority;
import org.crmkit.core.service.NewCase;
import org.crmkit.core.service.ServiceCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every storage adapter must do for a merge of contacts (crm.merges()): the duplicate's activities, tasks,
 * cases, opportunities, campaign memberships and lead lineage move to the survivor, fields follow the survivorship
 * rules, a withdrawal of consent survives, the merged id, e-mail and external reference lead to the survivor and
 * say so, one event is delivered, an unmerge puts everything back while nothing newer depends on the merge, and a
 * merge that fails midway leaves nothing moved.
 */
public abstract class ContactMergeContract extends MergeFixture {

    private static final ExternalRef SURVIVOR_REF = ExternalRef.of("erp", "C-1");
    private static final ExternalRef DUPLICATE_REF = ExternalRef.of("erp", "C-2");
    private static final EmailAddress DUPLICATE_EMAIL = EmailAddress.of("anna.schmidt@home.example");

    private Account acme;
    private Contact survivor;
    private Contact duplicate;
    private Activity call;
    private Task followUp;
    private ServiceCase complaint;
    private Opportunity deal;
    private Campaign mailing;
    private Campaign webinar;
    private Lead lead;

    @BeforeEach
    void aContactTypedInTwiceWithAHistoryOnTheDuplicate() {
        acme = crm.parties().registerAccount(NewAccount.of("Acme Tools", owner));
        survivor = crm.parties()
                .registerContact(NewContact.of(PersonName.of("Anna", "Schmidt"), owner)
                        .withEmail(EmailAddress.of("a.schmidt@acme.example"), ContactPointType.WORK)
                        .withTag("golf")
                        .withExternalRef(SURVIVOR_REF));
        clock.advance(Duration.ofDays(1));
        duplicate = crm.parties()
                .registerContact(NewContact.of(new PersonName(null, "Anna", "Maria", "Schmidt"), UserId.next(ids))
                        .withEmail(DUPLICATE_EMAIL, ContactPointType.HOME)
                        .withPhone(PhoneNumber.parse("+49301234567"), ContactPointType.MOBILE)
                        .withDetails(new ContactDetails(null, LocalDate.of(1980, 5, 17), null))
                        .withTag("tennis")
                        .withExternalRef(DUPLICATE_REF));
        crm.parties().linkContactToAccount(duplicate.id(), acme.id(), "Buyer", true, today, null);
        call = crm.activities()
                .logActivity(NewActivity.of(ActivityKind.CALL, Direction.INBOUND, "Asked for a quote", clock.instant())
                        .aboutContact(duplicate.id())
                        .aboutAccount(acme.id()));
        followUp = crm.activities()
                .createTask(new NewTask(
                        "Send the quote",
                        null,
                        clock.instant().plus(Duration.ofDays(2)),
                        owner,
                        null,
                        RecordRef.contact(duplicate.id()),
                        null,
                        null));
        complaint = crm.serviceDesk()
                .openCase(NewCase.of(
                        acme.id(),
                        duplicate.id(),
                        "Cannot log in",
                        CaseChannel.EMAIL,
                        CaseCategory.of("access"),
                        CasePriority.values()[0]));
        deal = crm.sales().openOpportunity(deal("Tools", acme.id(), pipeline()).withPrimaryContact(duplicate.id()));
        deal = crm.sales().addContactRole(deal.id(), duplicate.id(), BuyingRole.values()[0]);
        mailing = crm.campaigns()
                .plan(NewCampaign.of(
                        "Spring mailing",
                        CampaignType.values()[0],
                        CampaignPeriod.of(today, today.plusDays(30)),
                        Money.of("1000.00", "EUR")));
        crm.campaigns()
                .addMembers(mailing.id(), List.of(RecordRef.contact(survivor.id()), RecordRef.contact(duplicate.id())));
        webinar = crm.campaigns()
                .plan(NewCampaign.of(
                        "Product webinar",
                        CampaignType.WEBINAR,
                        CampaignPeriod.of(today, today.plusDays(7)),
                        Money.of("300.00", "EUR")));
        crm.campaigns().addMembers(webinar.id(), List.of(RecordRef.contact(duplicate.id())));
        crm.campaigns().activate(webinar.id());
        crm.campaigns().recordResponse(webinar.id(), RecordRef.contact(duplicate.id()));
        lead = crm.leads()
                .captureAnyway(new NewLead(
                        new LeadDetails(
                                "Anna",
                                "Schmidt",
                                "Acme Tools",
                                null,
                                DUPLICATE_EMAIL,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        LeadSource.of("web"),
                        null,
                        UtmAttribution.NONE));
        crm.leads().qualify(lead.id());
        crm.leads().convert(lead.id(), new ConvertLead(acme.id(), duplicate.id(), null, owner, true));
        clock.advance(Duration.ofHours(1));
        events.clear();
    }

    private MergeRecord merge() {
        return crm.merges()
                .mergeContacts(
                        survivor.id(),
                        List.of(duplicate.id()),
                        Survivorship.of(SurvivorshipRule.MOST_COMPLETE)
                                .with(MergeField.OWNER, SurvivorshipRule.SURVIVOR_WINS));
    }

    @Test
    void everyRecordOfTheDuplicateMovesToTheSurvivor() {
        merge();

        ContactId kept = survivor.id();
        assertThat(crm.activities().findActivity(call.id()).orElseThrow().contacts())
                .containsExactly(kept);
        assertThat(crm.activities().findTask(followUp.id()).orElseThrow().link())
                .isEqualTo(RecordRef.contact(kept));
        assertThat(crm.serviceDesk().findCase(complaint.id()).orElseThrow().contact())
                .isEqualTo(kept);
        Opportunity movedDeal = crm.sales().opportunity(deal.id()).orElseThrow();
        assertThat(movedDeal.state().primaryContact()).isEqualTo(kept);
        assertThat(movedDeal.state().contactRoles())
                .allMatch(role -> role.contact().equals(kept));
        assertThat(crm.campaigns().members(mailing.id(), null, 10))
                .extracting(CampaignMember::member)
                .containsExactly(RecordRef.contact(kept));
        assertThat(crm.campaigns().members(webinar.id(), null, 10))
                .singleElement()
                .satisfies(member -> {
                    assertThat(member.member()).isEqualTo(RecordRef.contact(kept));
                    assertThat(member.status()).isEqualTo(CampaignMemberStatus.RESPONDED);
                });
        assertThat(crm.campaigns()
                        .campaignsOf(RecordRef.contact(kept), PageRequest.first(5))
                        .items())
                .extracting(Campaign::id)
                .containsExactlyInAnyOrder(mailing.id(), webinar.id());
        assertThat(crm.leads().lead(lead.id()).orElseThrow().conversion().contact())
                .isEqualTo(kept);
        assertThat(crm.parties().findContact(duplicate.id())).isEmpty();
        assertThat(hostTable.calls).containsExactly("merge " + kept.value() + " [row-of-" + duplicate.id() + "]");
    }

    @Test
    void fieldsFollowTheSurvivorshipRulesAndCollectionsAreCombined() {
        merge();

        Contact merged = crm.parties().contact(survivor.id());
        assertThat(merged.name()).isEqualTo(new PersonName(null, "Anna", "Maria", "Schmidt"));
        assertThat(merged.details().birthday()).isEqualTo(LocalDate.of(1980, 5, 17));
        assertThat(merged.owner()).isEqualTo(owner);
        assertThat(merged.contactPoints().primaryEmail()).contains(EmailAddress.of("a.schmidt@acme.example"));
        assertThat(merged.contactPoints().hasEmail(DUPLICATE_EMAIL)).isTrue();
        assertThat(merged.contactPoints().hasPhone(PhoneNumber.parse("+49301234567")))
                .isTrue();
        assertThat(merged.tags().values()).containsExactlyInAnyOrder("golf", "tennis");
        assertThat(merged.state().externalRefs()).containsExactlyInAnyOrder(SURVIVOR_REF, DUPLICATE_REF);
        assertThat(merged.affiliations()).extracting(link -> link.account()).containsExactly(acme.id());
    }

    @Test
    void aWithdrawalOnTheDuplicateStaysTheLatestDecisionWithItsEvidence() {
        crm.parties()
                .withdrawConsent(duplicate.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "unsubscribe link");
        clock.advance(Duration.ofDays(1));
        crm.parties().grantConsent(survivor.id(), ConsentChannel.EMAIL, ConsentPurpose.MARKETING, "trade fair form");

        merge();

        Contact merged = crm.parties().contact(survivor.id());
        assertThat(merged.mayContact(ConsentChannel.EMAIL, ConsentPurpose.MARKETING))
                .isFalse();
        assertThat(merged.latestConsent(ConsentChannel.EMAIL, ConsentPurpose.MARKETING)
                        .orElseThrow()
                        .source())
                .contains(duplicate.id().toString());
        assertThat(merged.consents())
                .anyMatch(consent -> consent.status() == ConsentStatus.WITHDRAWN
                        && consent.source().equals("unsubscribe link"))
                .anyMatch(consent -> consent.source().equals("trade fair form"));
    }

    @Test
    void theMergedIdEmailAndExternalReferenceLeadToTheSurvivorAndSaySo() {
        MergeRecord merge = merge();

        Resolved<Contact> byId = crm.merges().contact(duplicate.id());
        assertThat(byId.record().id()).isEqualTo(survivor.id());
        assertThat(byId.redirected()).isTrue();
        assertThat(byId.mergedId()).contains(duplicate.id().value());
        assertThat(byId.merge()).isEqualTo(merge.id());
        Resolved<Contact> byRef =
                crm.merges().contactByExternalRef(DUPLICATE_REF).orElseThrow();
        assertThat(byRef.record().id()).isEqualTo(survivor.id());
        assertThat(byRef.redirectedFrom()).isEqualTo(duplicate.id().value());
        assertThat(crm.merges().contactByExternalRef(SURVIVOR_REF).orElseThrow().redirected())
                .isFalse();
        assertThat(crm.merges().contactsByEmail(DUPLICATE_EMAIL))
                .singleElement()
                .satisfies(found -> assertThat(found.redirectedFrom())
                        .isEqualTo(duplicate.id().value()));
        assertThat(crm.merges().contact(survivor.id()).redirected()).isFalse();
    }

    @Test
    void theMergeRecordKeepsWhoWhenAndTheBeforeImageAndOneEventIsDelivered() {
        MergeRecord merge = merge();

        MergeRecord stored = crm.merges().merge(merge.id()).orElseThrow();
        assertThat(stored.mergedAt()).isEqualTo(clock.instant());
        assertThat(stored.mergedBy()).isEqualTo("system");
        assertThat(stored.before().contacts()).extracting(state -> state.id()).contains(duplicate.id());
        assertThat(stored.before().activities()).extracting(state -> state.id()).contains(call.id());
        assertThat(stored.before().tasks()).extracting(state -> state.id()).containsExactly(followUp.id());
        assertThat(stored.before().cases()).extracting(state -> state.id()).containsExactly(complaint.id());
        assertThat(stored.before().campaignMembers())
                .extracting(membership -> membership.before().campaign(), MergedMembership::movedToSurvivor)
                .containsExactlyInAnyOrder(tuple(mailing.id(), false), tuple(webinar.id(), true));
        assertThat(stored.participants())
                .singleElement()
                .satisfies(moves -> assertThat(moves.participant()).isEqualTo("host-table"));
        assertThat(crm.merges().mergesOf(RecordRef.contact(duplicate.id()))).containsExactly(stored);
        assertThat(events).singleElement().isInstanceOfSatisfying(RecordsMerged.class, event -> {
            assertThat(event.survivor()).isEqualTo(survivor.id().value());
            assertThat(event.merged()).containsExactly(duplicate.id().value());
            assertThat(event.merge()).isEqualTo(merge.id());
        });
    }

    @Test
    void anUnmergePutsTheDuplicateAndEveryMovedRecordBack() {
        MergeRecord merge = merge();
        events.clear();

        MergeRecord undone = crm.merges().unmerge(merge.id());

        assertThat(undone.inForce()).isFalse();
        Contact restored = crm.parties().contact(duplicate.id());
        assertThat(restored.name()).isEqualTo(new PersonName(null, "Anna", "Maria", "Schmidt"));
        assertThat(restored.state().externalRefs()).containsExactly(DUPLICATE_REF);
        Contact kept = crm.parties().contact(survivor.id());
        assertThat(kept.name()).isEqualTo(PersonName.of("Anna", "Schmidt"));
        assertThat(kept.contactPoints().hasEmail(DUPLICATE_EMAIL)).isFalse();
        assertThat(crm.activities().findActivity(call.id()).orElseThrow().contacts())
                .containsExactly(duplicate.id());
        assertThat(crm.activities().findTask(followUp.id()).orElseThrow().link())
                .isEqualTo(RecordRef.contact(duplicate.id()));
        assertThat(crm.serviceDesk().findCase(complaint.id()).orElseThrow().contact())
                .isEqualTo(duplicate.id());
        assertThat(crm.sales().opportunity(deal.id()).orElseThrow().state().primaryContact())
                .isEqualTo(duplicate.id());
        assertThat(crm.campaigns().members(mailing.id(), null, 10))
                .extracting(CampaignMember::member)
                .containsExactlyInAnyOrder(RecordRef.contact(survivor.id()), RecordRef.contact(duplicate.id()));
        assertThat(crm.campaigns().members(webinar.id(), null, 10))
                .singleElement()
                .satisfies(member -> {
                    assertThat(member.member()).isEqualTo(RecordRef.contact(duplicate.id()));
                    assertThat(member.status()).isEqualTo(CampaignMemberStatus.RESPONDED);
                });
        assertThat(crm.leads().lead(lead.id()).orElseThrow().conversion().contact())
                .isEqualTo(duplicate.id());
        assertThat(crm.merges()
                        .contactByExternalRef(DUPLICATE_REF)
                        .orElseThrow()
                        .record()
                        .id())
                .isEqualTo(duplicate.id());
        assertThat(crm.merges().contact(duplicate.id()).redirected()).isFalse();
        assertThat(hostTable.calls).last().isEqualTo("back " + survivor.id() + " [row-of-" + duplicate.id() + "]");
        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        MergeUndone.class,
                        event -> assertThat(event.restored())
                                .containsExactly(duplicate.id().value()));
    }

    @Test
    void anUnmergeIsRefusedNamingTheRecordChangedSinceAndChangesNothing() {
        MergeRecord merge = merge();
        crm.parties().renameContact(survivor.id(), PersonName.of("Anna", "Schmidt-Meyer"));
        crm.activities().correct(call.id(), ActivityCorrection.of("Asked for a quote (corrected)", null, null));
        crm.campaigns().recordConversion(webinar.id(), RecordRef.contact(survivor.id()));

        assertThatThrownBy(() -> crm.merges().unmerge(merge.id()))
                .isInstanceOfSatisfying(UnmergeRefusedException.class, refused -> {
                    assertThat(refused.errorCode()).isEqualTo(ErrorCode.ILLEGAL_STATE);
                    assertThat(refused.reasons())
                            .anyMatch(reason -> reason.startsWith("Contact " + survivor.id() + " was changed"))
                            .anyMatch(reason -> reason.startsWith("Activity " + call.id() + " was changed"))
                            .anyMatch(reason -> reason.startsWith("the membership of CONTACT " + survivor.id()
                                    + " in Campaign " + webinar.id() + " was changed after the merge"));
                });
        assertThat(crm.campaigns().member(webinar.id(), RecordRef.contact(survivor.id())))
                .hasValueSatisfying(member -> assertThat(member.status()).isEqualTo(CampaignMemberStatus.CONVERTED));
        assertThat(crm.merges().contact(duplicate.id()).redirected()).isTrue();
        assertThat(crm.merges().merge(merge.id()).orElseThrow().inForce()).isTrue();
    }

    @Test
    void anUnmergeIsRefusedTwiceAndWhileALaterMergeOfTheSurvivorIsInForce() {
        MergeRecord first = merge();
        Contact third = crm.parties().registerContact(NewContact.of(PersonName.of("A.", "Schmidt"), owner));
        MergeRecord later = crm.merges().mergeContacts(survivor.id(), List.of(third.id()), Survivorship.survivorWins());

        assertThatThrownBy(() -> crm.merges().unmerge(first.id()))
                .isInstanceOfSatisfying(
                        UnmergeRefusedException.class,
                        refused -> assertThat(refused.reasons())
                                .anyMatch(reason -> reason.startsWith("merge " + later.id())));
        crm.merges().unmerge(later.id());
        crm.merges().unmerge(first.id());
        assertThatThrownBy(() -> crm.merges().unmerge(first.id()))
                .isInstanceOfSatisfying(
                        UnmergeRefusedException.class,
                        refused -> assertThat(refused.reasons())
                                .singleElement()
                                .asString()
                                .startsWith("it was already undone by system"));
        assertThat(crm.parties().findContact(third.id())).isPresent();
        assertThat(crm.parties().findContact(duplicate.id())).isPresent();
    }

    @Test
    void aMergeThatFailsInTheMiddleLeavesNothingMoved() {
        hostTable.failOnMerge = true;

        assertThatThrownBy(this::merge).isInstanceOf(IllegalTransitionException.class);

        assertThat(crm.parties().findContact(duplicate.id())).isPresent();
        assertThat(crm.parties().contact(survivor.id()).contactPoints().hasEmail(DUPLICATE_EMAIL))
                .isFalse();
        assertThat(crm.activities().findActivity(call.id()).orElseThrow().contacts())
                .containsExactly(duplicate.id());
        assertThat(crm.serviceDesk().findCase(complaint.id()).orElseThrow().contact())
                .isEqualTo(duplicate.id());
        assertThat(crm.campaigns().members(webinar.id(), null, 10))
                .extracting(CampaignMember::member)
                .containsExactly(RecordRef.contact(duplicate.id()));
        assertThat(crm.merges().mergesOf(RecordRef.contact(duplicate.id()))).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void mergesThatCannotBeAreRefusedByName() {
        Survivorship rules = Survivorship.survivorWins();
        assertThatThrownBy(() -> crm.merges().mergeContacts(survivor.id(), List.of(), rules))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(violation -> violation.field())
                                .containsExactly("contacts"));
        assertThatThrownBy(() -> crm.merges().mergeContacts(survivor.id(), List.of(survivor.id()), rules))
                .hasMessageContaining("must not contain the survivor");
        assertThatThrownBy(
                        () -> crm.merges().mergeContacts(survivor.id(), List.of(duplicate.id(), duplicate.id()), rules))
                .hasMessageContaining("twice");
        crm.merges().mergeContacts(survivor.id(), List.of(duplicate.id()), rules);
        assertThatThrownBy(() -> crm.merges().mergeContacts(survivor.id(), List.of(duplicate.id()), rules))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("was merged into " + survivor.id());
    }
}
