package org.crmkit.core;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.DuplicateMatch;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.CustomFieldKey;
import org.crmkit.core.party.CustomFieldValue;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;

/**
 * The conversion of a qualified lead into account, contact and opportunity ({@link Leads#convert}), inside the
 * caller's transaction: the duplicates it would create, the records reused or created, the lead's history and tasks
 * carried over, the note that records it.
 */
final class LeadConversion {

    private static final CustomFieldKey LEAD_ID = CustomFieldKey.of("lead_id");
    private static final CustomFieldKey LEAD_SOURCE = CustomFieldKey.of("lead_source");
    /** The role a converted contact is linked to the account in when the lead has no title. */
    private static final String ROLE_WITHOUT_TITLE = "Contact";

    private final UseCases useCases;
    private final Parties parties;
    private final Sales sales;
    private final LeadFacts facts;

    LeadConversion(UseCases useCases, Parties parties, Sales sales, LeadFacts facts) {
        this.useCases = useCases;
        this.parties = parties;
        this.sales = sales;
        this.facts = facts;
    }

    /** See {@link Leads#convert}; the lead is the stored one, read in the caller's transaction. */
    LeadConversionResult convert(Lead lead, ConvertLead request) {
        lead.checkConvertible();
        UserId owner = request.owner() != null ? request.owner() : lead.owner();
        Require.that(owner != null, "owner", "the lead has no owner; name the owner of the converted records");
        if (!request.ignoreDuplicates() && (request.account() == null || request.contact() == null)) {
            List<DuplicateMatch> matches = lead.possibleDuplicatesOnConversion(
                    request.contact() == null, request.account() == null, facts.duplicateCandidates());
            if (!matches.isEmpty()) {
                return new LeadConversionResult.PossibleDuplicates(matches);
            }
        }
        useCases.references.account(request.account(), "account");
        useCases.references.contact(request.contact(), "contact");
        LeadDetails details = lead.details();
        Account account = request.account() != null
                ? parties.account(request.account())
                : parties.registerAccount(newAccount(lead, owner));
        Contact contact = request.contact() != null
                ? parties.contact(request.contact())
                : parties.registerContact(newContact(lead, owner));
        if (!contact.accountsOn(LocalDate.now(useCases.clock)).contains(account.id())) {
            contact = parties.linkContactToAccount(
                    contact.id(),
                    account.id(),
                    details.title() != null ? details.title() : ROLE_WITHOUT_TITLE,
                    false,
                    LocalDate.now(useCases.clock),
                    null);
        }
        Opportunity deal = null;
        if (request.deal() != null) {
            ConvertLead.Deal wanted = request.deal();
            String name = wanted.name() != null ? wanted.name() : account.name();
            deal = sales.openOpportunity(
                    NewOpportunity.of(name, account.id(), wanted.pipeline(), wanted.currency(), owner)
                            .withPrimaryContact(contact.id())
                            .withAmount(wanted.amount())
                            .withExpectedCloseDate(wanted.expectedCloseDate())
                            .withOriginLead(lead.id())
                            .withCampaign(lead.campaign()));
        }
        lead.recordConversion(contact.id(), account.id(), deal == null ? null : deal.id(), useCases.clock);
        useCases.save(lead, useCases.leads()::save);
        carryOverHistory(lead.id(), contact.id(), account.id());
        carryOverTasks(lead.id(), contact.id());
        NewActivity note = NewActivity.of(ActivityKind.NOTE, null, "Converted from lead", useCases.clock.instant())
                .withSummary("Lead " + lead.id() + " from source " + lead.source() + ", captured " + lead.capturedAt()
                        + ", score " + lead.score())
                .aboutContact(contact.id())
                .aboutAccount(account.id())
                .regarding(RecordRef.lead(lead.id()));
        if (deal != null) {
            note = note.regarding(RecordRef.opportunity(deal.id()));
        }
        useCases.save(
                Activity.log(useCases.tenant(), ActivityId.next(useCases.ids), note, useCases.actor(), useCases.clock),
                useCases.storage.activities()::save);
        return new LeadConversionResult.Converted(contact, account, deal);
    }

    /** Makes every activity on the lead's timeline concern the contact and account too, in the caller's transaction. */
    private void carryOverHistory(LeadId lead, ContactId contact, AccountId account) {
        List<Activity> history = Reads.everyPage(request -> useCases.storage
                .activities()
                .timeline(useCases.tenant(), RecordRef.lead(lead), TimelineFilter.ALL, request));
        for (Activity activity : history) {
            if (!activity.concerns(RecordRef.contact(contact)) || !activity.concerns(RecordRef.account(account))) {
                activity.carryOverFromLead(lead, contact, account, useCases.clock);
                useCases.save(activity, useCases.storage.activities()::save);
            }
        }
    }

    /** Links every task about the lead, in any status, to the contact instead, in the caller's transaction. */
    private void carryOverTasks(LeadId lead, ContactId contact) {
        List<Task> tasks = Reads.everyPage(
                request -> useCases.storage.tasks().findByLink(useCases.tenant(), RecordRef.lead(lead), request));
        for (Task task : tasks) {
            task.carryOverFromLead(lead, contact, useCases.clock);
            useCases.save(task, useCases.storage.tasks()::save);
        }
    }

    private static NewAccount newAccount(Lead lead, UserId owner) {
        LeadDetails details = lead.details();
        String name = details.companyName() != null ? details.companyName() : details.personName();
        Require.that(name != null, "companyName", "a lead without company or person name cannot become an account");
        NewAccount account = NewAccount.of(name, owner)
                .withCustomField(LEAD_ID, CustomFieldValue.text(lead.id().toString()))
                .withCustomField(
                        LEAD_SOURCE, CustomFieldValue.text(lead.source().value()));
        return details.companyName() == null && details.email() != null
                ? account.withEmail(details.email(), ContactPointType.WORK)
                : account;
    }

    private static NewContact newContact(Lead lead, UserId owner) {
        LeadDetails details = lead.details();
        Require.that(details.lastName() != null, "lastName", "a lead without a last name cannot become a contact");
        NewContact contact = NewContact.of(PersonName.of(details.firstName(), details.lastName()), owner)
                .withCustomField(LEAD_ID, CustomFieldValue.text(lead.id().toString()))
                .withCustomField(
                        LEAD_SOURCE, CustomFieldValue.text(lead.source().value()));
        if (details.email() != null) {
            contact = contact.withEmail(details.email(), ContactPointType.WORK);
        }
        if (details.phone() != null) {
            contact = contact.withPhone(details.phone(), ContactPointType.WORK);
        }
        return contact;
    }
}
