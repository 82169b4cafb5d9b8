package org.crmkit.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.access.Team;
import org.crmkit.core.access.User;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.NewActivity;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TeamId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.AssignmentDecision;
import org.crmkit.core.lead.AssignmentFacts;
import org.crmkit.core.lead.AssignmentResult;
import org.crmkit.core.lead.DuplicateCandidates;
import org.crmkit.core.lead.DuplicateMatch;
import org.crmkit.core.lead.Engagement;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadAssignmentRules;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadScore;
import org.crmkit.core.lead.LeadScoringModel;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.lead.TeamRotation;
import org.crmkit.core.marketing.CampaignMember;
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
 * Leads of the calling tenant: capture with duplicate detection, working them, scoring by the configured
 * {@link LeadScoringModel}, assignment by the configured {@link LeadAssignmentRules}, qualification and
 * disqualification, conversion into account, contact and opportunity, and lookups. Every change runs in one
 * transaction together with its events. Thread-safe.
 */
public final class Leads {

    private static final CustomFieldKey LEAD_ID = CustomFieldKey.of("lead_id");
    private static final CustomFieldKey LEAD_SOURCE = CustomFieldKey.of("lead_source");
    /** The role a converted contact is linked to the account in when the lead has no title. */
    private static final String ROLE_WITHOUT_TITLE = "Contact";

    private final UseCases useCases;
    private final LeadScoringModel scoring;
    private final LeadAssignmentRules assignment;
    private final Parties parties;
    private final Sales sales;

    Leads(UseCases useCases, LeadScoringModel scoring, LeadAssignmentRules assignment, Parties parties, Sales sales) {
        this.useCases = useCases;
        this.scoring = scoring;
        this.assignment = assignment;
        this.parties = parties;
        this.sales = sales;
    }

    /**
     * Captures a new lead in status NEW, scored by its attributes, unless an existing contact, account or lead may
     * be the same person or company ({@link #possibleDuplicates}); then nothing is stored and the matches come back.
     */
    public LeadCapture capture(NewLead lead) {
        Require.notNull(lead, "lead");
        return useCases.write(() -> {
            List<DuplicateMatch> matches = possibleDuplicates(lead.details());
            if (!matches.isEmpty()) {
                return new LeadCapture.PossibleDuplicates(matches);
            }
            return new LeadCapture.Captured(captureAnyway(lead));
        });
    }

    /** Captures a new lead in status NEW, scored by its attributes, without looking for duplicates. */
    public Lead captureAnyway(NewLead lead) {
        Require.notNull(lead, "lead");
        return useCases.write(() -> {
            useCases.references.campaign(lead.campaign(), "campaign");
            Lead captured = Lead.capture(
                    useCases.tenant(),
                    LeadId.next(useCases.ids),
                    lead.details(),
                    lead.source(),
                    lead.campaign(),
                    lead.utm(),
                    useCases.clock);
            captured.rescore(
                    scoring.score(
                            captured.details(),
                            captured.source(),
                            List.of(),
                            captured.capturedAt(),
                            useCases.clock.instant()),
                    useCases.clock);
            return useCases.save(captured, useCases.leads()::save);
        });
    }

    /**
     * Existing records of the tenant that may be the person or company of {@code details}, by the rule of
     * {@link DuplicateMatch#forNewLead}: contacts, accounts and open leads with the same email or phone, accounts and
     * open leads with the same company name.
     */
    public List<DuplicateMatch> possibleDuplicates(LeadDetails details) {
        Require.notNull(details, "details");
        return DuplicateMatch.forNewLead(details, duplicateCandidates());
    }

    private DuplicateCandidates duplicateCandidates() {
        TenantId tenant = useCases.tenant();
        return new DuplicateCandidates() {
            @Override
            public List<ContactId> contactsWithEmail(EmailAddress email) {
                return useCases.contacts().findByEmail(tenant, email).stream()
                        .map(Contact::id)
                        .toList();
            }

            @Override
            public List<ContactId> contactsWithPhone(PhoneNumber phone) {
                return useCases.contacts().findByPhone(tenant, phone).stream()
                        .map(Contact::id)
                        .toList();
            }

            @Override
            public List<AccountId> accountsWithEmail(EmailAddress email) {
                return useCases.accounts().findByEmail(tenant, email).stream()
                        .map(Account::id)
                        .toList();
            }

            @Override
            public List<AccountId> accountsWithPhone(PhoneNumber phone) {
                return useCases.accounts().findByPhone(tenant, phone).stream()
                        .map(Account::id)
                        .toList();
            }

            @Override
            public List<AccountId> accountsNamed(String companyName) {
                return useCases.accounts().findByName(tenant, companyName).stream()
                        .map(Account::id)
                        .toList();
            }

            @Override
            public List<Lead> leadsWithEmail(EmailAddress email) {
                return useCases.leads().findByEmail(tenant, email);
            }

            @Override
            public List<Lead> leadsWithPhone(PhoneNumber phone) {
                return useCases.leads().findByPhone(tenant, phone);
            }

            @Override
            public List<Lead> leadsOfCompany(String companyName) {
                return useCases.leads().findByCompanyName(tenant, companyName);
            }
        };
    }

    /**
     * Gives the lead to an owner by the first of the configured {@link LeadAssignmentRules} that matches it and has
     * someone to give it to (the rules: {@link LeadAssignmentRules#decide}), recording which rule decided and why.
     * When no rule can, nothing changes and the reason of every rule comes back. Refused for a converted or
     * disqualified lead. A round-robin assignment also moves the team's {@link TeamRotation} on; of two round-robin
     * assignments in one team at the same time one fails with a {@code StaleVersionException} and changes nothing
     * (call it again), so that both cannot give the same member a lead on the same count of open leads and exceed the
     * member's capacity.
     */
    public AssignmentResult assignByRules(LeadId id) {
        Require.notNull(id, "leadId");
        return useCases.write(() -> {
            Lead lead = load(id);
            AssignmentDecision decision = assignment.decide(lead.details(), assignmentFacts(), useCases.clock);
            if (decision instanceof AssignmentDecision.NoRule noRule) {
                return new AssignmentResult.Unassigned(noRule.reasons());
            }
            AssignmentDecision.ByRule byRule = (AssignmentDecision.ByRule) decision;
            if (byRule.turnTaken() != null) {
                useCases.save(byRule.turnTaken(), useCases.storage.teamRotations()::save);
            }
            lead.assignByRule(byRule.rule(), byRule.owner(), byRule.reason(), useCases.clock);
            Lead saved = useCases.save(lead, useCases.leads()::save);
            return new AssignmentResult.Assigned(saved.assignment());
        });
    }

    private AssignmentFacts assignmentFacts() {
        TenantId tenant = useCases.tenant();
        return new AssignmentFacts() {
            @Override
            public boolean isActiveUser(UserId user) {
                return useCases.storage
                        .users()
                        .findById(tenant, user)
                        .map(User::isActive)
                        .orElse(false);
            }

            @Override
            public long openLeadsOf(UserId owner) {
                long open = 0;
                for (LeadStatus status : LeadStatus.open()) {
                    open += useCases.storage
                            .leads()
                            .findByOwnerAndStatus(tenant, owner, status, PageRequest.first(1))
                            .totalElements();
                }
                return open;
            }

            @Override
            public Team team(TeamId team) {
                return Reads.found(useCases.storage.teams().findById(tenant, team), "Team", team);
            }

            @Override
            public TeamRotation rotationOf(TeamId team) {
                return useCases.storage
                        .teamRotations()
                        .findByTeam(tenant, team)
                        .orElseGet(() -> TeamRotation.start(tenant, team));
            }
        };
    }

    /**
     * Converts a QUALIFIED lead, in one transaction, into an account (reused or created from the company name, or
     * the person's name without one), a contact linked to it in the lead's title as role ({@code Contact} without
     * one; reused or created from the person, with the lead's email and phone) and, when asked for, an opportunity
     * for the account that remembers the lead and its campaign. Created contacts and accounts carry the lead's id
     * and source as custom fields {@code lead_id} and {@code lead_source}. The lead's history comes along: every
     * activity on the lead's timeline then also concerns the contact and the account (it shows on all three
     * timelines), every task linked to the lead, open or closed, is then linked to the contact, and a note on the lead, contact, account and opportunity records the conversion. Before
     * creating, it looks for possible duplicates of what it would create and reports them instead, unless
     * {@link ConvertLead#despiteDuplicates()}: contacts when it creates the contact, accounts and other open leads of
     * the same company name when it creates the account, and other open leads with the same email or phone. A lead
     * that is not QUALIFIED (e.g. already converted) is refused with an {@code IllegalTransitionException}.
     */
    public LeadConversionResult convert(LeadId id, ConvertLead request) {
        Require.notNull(id, "leadId");
        Require.notNull(request, "request");
        return useCases.write(() -> {
            Lead lead = load(id);
            lead.checkConvertible();
            UserId owner = request.owner() != null ? request.owner() : lead.owner();
            Require.that(owner != null, "owner", "the lead has no owner; name the owner of the converted records");
            if (!request.ignoreDuplicates() && (request.account() == null || request.contact() == null)) {
                List<DuplicateMatch> matches = lead.possibleDuplicatesOnConversion(
                        request.contact() == null, request.account() == null, duplicateCandidates());
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
                    .withSummary("Lead " + lead.id() + " from source " + lead.source() + ", captured "
                            + lead.capturedAt() + ", score " + lead.score())
                    .aboutContact(contact.id())
                    .aboutAccount(account.id())
                    .regarding(RecordRef.lead(lead.id()));
            if (deal != null) {
                note = note.regarding(RecordRef.opportunity(deal.id()));
            }
            useCases.save(
                    Activity.log(
                            useCases.tenant(), ActivityId.next(useCases.ids), note, useCases.actor(), useCases.clock),
                    useCases.storage.activities()::save);
            return new LeadConversionResult.Converted(contact, account, deal);
        });
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

    /**
     * Scores the lead again as of now from its attributes, the activities logged about it and its campaign
     * responses; keeps the explanation and moves it into the qualification level the score reaches. Refused for a
     * converted or disqualified lead.
     */
    public Lead rescore(LeadId id) {
        return change(id, lead -> lead.rescore(scoreOf(lead), useCases.clock));
    }

    /**
     * Scores every NEW, WORKING and QUALIFIED lead again as of now (e.g. daily, so that decay shows), each in its own
     * transaction. Returns how many leads changed score or level.
     */
    public int rescoreActiveLeads() {
        int changed = 0;
        for (LeadStatus status : LeadStatus.open()) {
            List<LeadId> ids = new ArrayList<>();
            PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
            Page<Lead> page;
            do {
                page = useCases.leads().findByStatus(useCases.tenant(), status, request);
                page.items().forEach(lead -> ids.add(lead.id()));
                request = request.next();
            } while (page.hasNext());
            for (LeadId id : ids) {
                Lead before = lead(id).orElseThrow();
                Lead after = rescore(id);
                if (after.score() != before.score() || after.qualification() != before.qualification()) {
                    changed++;
                }
            }
        }
        return changed;
    }

    private LeadScore scoreOf(Lead lead) {
        return scoring.score(
                lead.details(), lead.source(), engagementsOf(lead.id()), lead.capturedAt(), useCases.clock.instant());
    }

    /** The activities about the lead and its campaign responses, as scoring sees them. */
    List<Engagement> engagementsOf(LeadId id) {
        RecordRef subject = RecordRef.lead(id);
        List<Engagement> engagements = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
        Page<Activity> activities;
        do {
            activities =
                    useCases.storage.activities().timeline(useCases.tenant(), subject, TimelineFilter.ALL, request);
            activities.items().forEach(a -> engagements.add(Engagement.activity(a.kind(), a.occurredAt())));
            request = request.next();
        } while (activities.hasNext());
        for (CampaignMember membership : useCases.storage.campaignMembers().findByMember(useCases.tenant(), subject)) {
            if (membership.hasResponded()) {
                engagements.add(Engagement.campaignResponse(membership.campaign(), membership.respondedAt()));
            }
        }
        return engagements;
    }

    public Lead startWorking(LeadId id) {
        return change(id, lead -> lead.startWorking(useCases.clock));
    }

    public Lead qualify(LeadId id) {
        return change(id, lead -> lead.qualify(useCases.clock));
    }

    public Lead disqualify(LeadId id, String reason) {
        return change(id, lead -> lead.disqualify(reason, useCases.clock));
    }

    public Lead assign(LeadId id, UserId owner) {
        return change(id, lead -> lead.assignTo(owner, useCases.clock));
    }

    private Lead load(LeadId id) {
        return Reads.found(useCases.leads().findById(useCases.tenant(), id), "Lead", id);
    }

    private Lead change(LeadId id, Consumer<Lead> change) {
        Require.notNull(id, "leadId");
        return useCases.write(() -> {
            Lead lead = load(id);
            change.accept(lead);
            return useCases.save(lead, useCases.leads()::save);
        });
    }

    public Optional<Lead> lead(LeadId id) {
        return useCases.leads().findById(useCases.tenant(), Require.notNull(id, "leadId"));
    }

    /** Leads with the email (compared case-insensitively), by capture time. */
    public List<Lead> leadsWithEmail(EmailAddress email) {
        return useCases.leads().findByEmail(useCases.tenant(), Require.notNull(email, "email"));
    }

    /** Leads with the phone number, by capture time. */
    public List<Lead> leadsWithPhone(PhoneNumber phone) {
        return useCases.leads().findByPhone(useCases.tenant(), Require.notNull(phone, "phone"));
    }

    /** Leads in the status, by capture time. */
    public Page<Lead> leadsIn(LeadStatus status, PageRequest page) {
        return useCases.leads()
                .findByStatus(useCases.tenant(), Require.notNull(status, "status"), Require.notNull(page, "page"));
    }

    /** The owner's leads in the status, by capture time. */
    public Page<Lead> leadsOf(UserId owner, LeadStatus status, PageRequest page) {
        return useCases.leads()
                .findByOwnerAndStatus(
                        useCases.tenant(),
                        Require.notNull(owner, "owner"),
                        Require.notNull(status, "status"),
                        Require.notNull(page, "page"));
    }
}
