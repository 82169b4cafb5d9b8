package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.AssignmentDecision;
import org.crmkit.core.lead.AssignmentResult;
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

/**
 * Leads of the calling tenant: capture with duplicate detection, working them, scoring by the configured
 * {@link LeadScoringModel}, assignment by the configured {@link LeadAssignmentRules}, qualification and
 * disqualification, conversion into account, contact and opportunity, and lookups. Every change runs in one
 * transaction together with its events. Thread-safe.
 */
public final class Leads {

    private final UseCases useCases;
    private final LeadScoringModel scoring;
    private final LeadAssignmentRules assignment;
    private final LeadFacts facts;
    private final LeadConversion conversion;

    Leads(UseCases useCases, LeadScoringModel scoring, LeadAssignmentRules assignment, Parties parties, Sales sales) {
        this.useCases = useCases;
        this.scoring = scoring;
        this.assignment = assignment;
        this.facts = new LeadFacts(useCases);
        this.conversion = new LeadConversion(useCases, parties, sales, facts);
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
        return DuplicateMatch.forNewLead(details, facts.duplicateCandidates());
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
            AssignmentDecision decision = assignment.decide(lead.details(), facts.assignmentFacts(), useCases.clock);
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
        return useCases.write(() -> conversion.convert(load(id), request));
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
