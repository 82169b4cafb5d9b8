package org.crmkit.workflow.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * The conversation of one service case: its reference (which threads the customer's later messages into it), every
 * message in and out on whatever channel, its service-level clock and the customer's survey answer.
 *
 * @param reference   {@code CASE-} and ten hexadecimal digits; unique per tenant; carried in reply subjects
 * @param contact     the customer
 * @param surveyedAt  when the satisfaction survey was planned; null when none was
 * @param survey      the customer's answer; null until answered
 */
public record CaseConversation(
        TenantId tenant,
        CaseId caseId,
        long version,
        String reference,
        ContactId contact,
        Instant openedAt,
        List<ConversationEntry> entries,
        SlaClock sla,
        Instant surveyedAt,
        SurveyAnswer survey) {

    public CaseConversation {
        Require.notNull(tenant, "tenant");
        Require.notNull(caseId, "caseId");
        Require.notBlank(reference, "reference");
        Require.notNull(contact, "contact");
        Require.notNull(openedAt, "openedAt");
        entries = Require.noNulls(entries, "entries");
        Require.notNull(sla, "sla");
    }

    public CaseConversation withVersion(long newVersion) {
        return new CaseConversation(
                tenant, caseId, newVersion, reference, contact, openedAt, entries, sla, surveyedAt, survey);
    }

    /** The next time the service-level watch needs to look at the case; empty when nothing is pending. */
    public Optional<Instant> nextCheckAt() {
        return sla.nextCheckAt();
    }

    CaseConversation with(ConversationEntry entry) {
        List<ConversationEntry> more = new ArrayList<>(entries);
        more.add(entry);
        return new CaseConversation(
                tenant, caseId, version, reference, contact, openedAt, more, sla, surveyedAt, survey);
    }

    CaseConversation with(SlaClock clock) {
        return new CaseConversation(
                tenant, caseId, version, reference, contact, openedAt, entries, clock, surveyedAt, survey);
    }

    CaseConversation surveyed(Instant at) {
        return new CaseConversation(tenant, caseId, version, reference, contact, openedAt, entries, sla, at, survey);
    }

    CaseConversation answered(SurveyAnswer answer) {
        return new CaseConversation(
                tenant, caseId, version, reference, contact, openedAt, entries, sla, surveyedAt, answer);
    }
}
