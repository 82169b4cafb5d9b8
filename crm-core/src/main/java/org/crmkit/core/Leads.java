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
import org.crmkit.core.lead.Engagement;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadScore;
import org.crmkit.core.lead.LeadScoringModel;
import org.crmkit.core.lead.LeadStatus;
import org.crmkit.core.marketing.Campaign;
import org.crmkit.core.marketing.CampaignMember;

/**
 * Leads of the calling tenant: capture, working them, scoring by the configured {@link LeadScoringModel},
 * qualification and disqualification, ownership and lookups. Every change runs in one transaction together with its
 * events. Thread-safe.
 */
public final class Leads {

    private final UseCases useCases;
    private final LeadScoringModel scoring;

    Leads(UseCases useCases, LeadScoringModel scoring) {
        this.useCases = useCases;
        this.scoring = scoring;
    }

    /** Captures a new lead in status NEW, scored by its attributes. */
    public Lead capture(NewLead lead) {
        Require.notNull(lead, "lead");
        Lead captured = Lead.capture(useCases.tenant(), LeadId.next(useCases.ids), lead.details(), lead.source(),
                lead.campaign(), lead.utm(), useCases.clock);
        captured.rescore(scoring.score(captured.details(), captured.source(), List.of(), captured.capturedAt(),
                useCases.clock.instant()), useCases.clock);
        return useCases.save(captured, useCases.storage.leads()::save);
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
        for (LeadStatus status : List.of(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.QUALIFIED)) {
            List<LeadId> ids = new ArrayList<>();
            PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
            Page<Lead> page;
            do {
                page = useCases.storage.leads().findByStatus(useCases.tenant(), status, request);
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
        return scoring.score(lead.details(), lead.source(), engagementsOf(lead.id()), lead.capturedAt(),
                useCases.clock.instant());
    }

    /** The activities about the lead and its campaign responses, as scoring sees them. */
    List<Engagement> engagementsOf(LeadId id) {
        RecordRef subject = RecordRef.lead(id);
        List<Engagement> engagements = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
        Page<Activity> activities;
        do {
            activities = useCases.storage.activities().timeline(useCases.tenant(), subject, TimelineFilter.ALL, request);
            activities.items().forEach(a -> engagements.add(Engagement.activity(a.kind(), a.occurredAt())));
            request = request.next();
        } while (activities.hasNext());
        request = PageRequest.first(PageRequest.MAX_SIZE);
        Page<Campaign> campaigns;
        do {
            campaigns = useCases.storage.campaigns().findByMember(useCases.tenant(), subject, request);
            for (Campaign campaign : campaigns.items()) {
                campaign.member(subject).map(CampaignMember::respondedAt)
                        .ifPresent(at -> engagements.add(Engagement.campaignResponse(campaign.id(), at)));
            }
            request = request.next();
        } while (campaigns.hasNext());
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

    private Lead change(LeadId id, Consumer<Lead> change) {
        Require.notNull(id, "leadId");
        return useCases.write(() -> {
            Lead lead = UseCases.found(useCases.storage.leads().findById(useCases.tenant(), id), "Lead", id);
            change.accept(lead);
            return useCases.save(lead, useCases.storage.leads()::save);
        });
    }

    public Optional<Lead> lead(LeadId id) {
        return useCases.storage.leads().findById(useCases.tenant(), Require.notNull(id, "leadId"));
    }

    /** Leads with the email (compared case-insensitively), by capture time. */
    public List<Lead> leadsWithEmail(EmailAddress email) {
        return useCases.storage.leads().findByEmail(useCases.tenant(), Require.notNull(email, "email"));
    }

    /** Leads with the phone number, by capture time. */
    public List<Lead> leadsWithPhone(PhoneNumber phone) {
        return useCases.storage.leads().findByPhone(useCases.tenant(), Require.notNull(phone, "phone"));
    }

    /** Leads in the status, by capture time. */
    public Page<Lead> leadsIn(LeadStatus status, PageRequest page) {
        return useCases.storage.leads().findByStatus(useCases.tenant(), Require.notNull(status, "status"),
                Require.notNull(page, "page"));
    }

    /** The owner's leads in the status, by capture time. */
    public Page<Lead> leadsOf(UserId owner, LeadStatus status, PageRequest page) {
        return useCases.storage.leads().findByOwnerAndStatus(useCases.tenant(), Require.notNull(owner, "owner"),
                Require.notNull(status, "status"), Require.notNull(page, "page"));
    }
}
