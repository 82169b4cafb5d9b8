package org.crmkit.core;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.crmkit.core.activity.ActivityState;
import org.crmkit.core.activity.TaskState;
import org.crmkit.core.lead.LeadDetails;
import org.crmkit.core.lead.LeadState;
import org.crmkit.core.party.ContactDetails;
import org.crmkit.core.party.ContactPoints;
import org.crmkit.core.party.ContactState;
import org.crmkit.core.party.CustomFields;
import org.crmkit.core.party.PersonName;
import org.crmkit.core.party.Tags;
import org.crmkit.core.sales.OpportunityState;
import org.crmkit.core.service.ServiceCaseState;

/**
 * The erased form of each record that holds a person's data: the personal data removed, what the record needs to
 * stay valid and what must be kept (ids, amounts, dates, statuses) left as it was. Each function gives the same
 * result when applied to its own result, so that an erasure run again changes nothing.
 */
final class Pseudonyms {

    /** What stands where a person's text was. */
    static final String ERASED = "[erased]";

    /** The last name of an erased contact or lead (the one part of a name a record needs). */
    static final String ERASED_NAME = "Erased";

    private Pseudonyms() {}

    /** A contact with no name, details, contact points, tags, custom fields, consents, links or references left. */
    static ContactState contact(ContactState state) {
        return new ContactState(
                state.tenant(),
                state.id(),
                state.version(),
                new PersonName(null, null, null, ERASED_NAME),
                ContactDetails.NONE,
                ContactPoints.NONE,
                Tags.NONE,
                CustomFields.NONE,
                state.owner(),
                state.territory(),
                null,
                List.of(),
                List.of(),
                state.registeredAt(),
                List.of());
    }

    /**
     * A lead without the person's name, title, e-mail, phone, region and postcode; the company name and the
     * disqualification reason without the person's names. Country, industry, size, source, status, scores and
     * conversion stay for the funnel's figures.
     */
    static LeadState lead(LeadState state, Collection<String> names) {
        LeadDetails details = state.details();
        return new LeadState(
                state.tenant(),
                state.id(),
                state.version(),
                new LeadDetails(
                        null,
                        ERASED_NAME,
                        scrub(details.companyName(), names),
                        null,
                        null,
                        null,
                        details.country(),
                        null,
                        null,
                        details.industry(),
                        details.employeeCount()),
                state.source(),
                state.campaign(),
                state.utm(),
                state.status(),
                scrub(state.disqualificationReason(), names),
                state.owner(),
                state.score(),
                state.scoreBreakdown(),
                state.qualification(),
                state.scoredAt(),
                state.lastEngagementAt(),
                state.assignment(),
                state.capturedAt(),
                state.conversion());
    }

    /** An activity about the person without its text; kind, time, outcome and who it concerns stay. */
    static ActivityState activity(ActivityState state) {
        return new ActivityState(
                state.tenant(),
                state.id(),
                state.version(),
                state.kind(),
                state.direction(),
                state.occurredAt(),
                state.duration(),
                ERASED,
                null,
                state.outcome(),
                state.contacts(),
                state.accounts(),
                state.relatedRecords(),
                state.loggedBy(),
                state.loggedAt(),
                state.correctedBy(),
                state.correctedAt());
    }

    /** A task about the person without its text; dates, assignee, status and link stay. */
    static TaskState task(TaskState state) {
        return new TaskState(
                state.tenant(),
                state.id(),
                state.version(),
                ERASED,
                null,
                state.dueAt(),
                state.assignee(),
                state.priority(),
                state.status(),
                state.link(),
                state.reminderAt(),
                state.reminderSentAt(),
                state.createdAt(),
                state.createdBy(),
                state.completedAt(),
                state.completedBy(),
                state.recurrence(),
                state.reminderLead(),
                state.nextOccurrence(),
                state.overdueNoticeSentAt(),
                state.escalatedAt(),
                state.escalatedTo());
    }

    /** A case of the person without its text; channel, category, priority, status and service-level times stay. */
    static ServiceCaseState serviceCase(ServiceCaseState state) {
        return new ServiceCaseState(
                state.tenant(),
                state.id(),
                state.version(),
                state.account(),
                state.contact(),
                ERASED,
                null,
                state.channel(),
                state.category(),
                state.priority(),
                state.status(),
                state.assignee(),
                state.openedAt(),
                state.openedBy(),
                state.firstResponseDueAt(),
                state.resolutionDueAt(),
                state.firstRespondedAt(),
                state.resolution() == null ? null : ERASED,
                state.resolvedAt(),
                state.closedAt(),
                state.reopenCount());
    }

    /**
     * An opportunity where the person is a party, with the person's names taken out of its texts (name, next step,
     * close reason); it stays the account's deal with its amounts, stages and parties (the erased contact's id).
     */
    static OpportunityState opportunity(OpportunityState state, Collection<String> names) {
        return new OpportunityState(
                state.tenant(),
                state.id(),
                state.version(),
                scrub(state.name(), names),
                state.account(),
                state.primaryContact(),
                state.pipeline(),
                state.stage(),
                state.stageEnteredAt(),
                state.status(),
                state.currency(),
                state.amount(),
                state.expectedCloseDate(),
                state.owner(),
                state.probabilityOverride(),
                scrub(state.nextStep(), names),
                state.contactRoles(),
                state.lineItems(),
                state.stageHistory(),
                state.approvals(),
                scrub(state.closeReason(), names),
                scrub(state.competitor(), names),
                state.closedAt(),
                state.staleAlert(),
                state.customFields(),
                state.originLead(),
                state.campaign(),
                state.createdAt(),
                state.externalRefs());
    }

    /** The text with each of the words (as whole words, ignoring case) replaced by {@link #ERASED}; null for null. */
    static String scrub(String text, Collection<String> words) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String word : words) {
            scrubbed = Pattern.compile(
                            "(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(scrubbed)
                    .replaceAll(ERASED);
        }
        return scrubbed;
    }
}
