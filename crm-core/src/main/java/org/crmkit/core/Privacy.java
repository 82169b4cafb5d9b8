package org.crmkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmkit.core.access.SharingModel;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.marketing.CampaignMember;
import org.crmkit.core.privacy.DataSubject;
import org.crmkit.core.privacy.ErasureReport;
import org.crmkit.core.privacy.FieldChange;
import org.crmkit.core.privacy.LegalHoldException;
import org.crmkit.core.privacy.SubjectExport;
import org.crmkit.core.spi.OutboxEntry;
import org.crmkit.core.spi.PersonalDataHolder;

/**
 * A person's rights over their data (GDPR articles 15, 17, 20 and 30): the export of everything crmkit holds about
 * a contact or a lead, its erasure, and the audit trail of who changed which field of a record when. What is kept
 * after an erasure, and why, is listed in docs/privacy-and-access.md. Under a restricting sharing model a user exports,
 * lists the holds of and reads the audit trail of what it may see, and erases what it may change; a record it may
 * not see is not found. Thread-safe.
 */
public final class Privacy {

    private final UseCases useCases;
    private final List<PersonalDataHolder> holders = new CopyOnWriteArrayList<>();

    Privacy(UseCases useCases) {
        this.useCases = useCases;
    }

    /**
     * Adds a part of the application that keeps a person's data besides crmkit's storage (crm-workflow's runtime
     * adds its own when built; a host adds its own tables), so that exports list and erasures reach what it keeps.
     * A holder replaces one of the same name added before (a workflow built again over the same {@code Crm}).
     */
    public void register(PersonalDataHolder holder) {
        Require.notNull(holder, "holder");
        Require.notBlank(holder.name(), "holder.name");
        synchronized (holders) {
            holders.removeIf(other -> other.name().equals(holder.name()));
            holders.add(holder);
        }
    }

    /**
     * Everything crmkit and the registered holders keep about the contact or lead ({@code subject} of type
     * {@code CONTACT} or {@code LEAD}) as one JSON document (format in docs/privacy-and-access.md, version
     * {@link SubjectExport#FORMAT_VERSION}). {@code RecordNotFoundException} when it does not exist for the calling
     * tenant, {@code InvalidValueException} naming {@code subject} for another type of record.
     */
    public SubjectExport export(RecordRef subject) {
        Require.notNull(subject, "subject");
        return useCases.write(() -> {
            SubjectRecords records = SubjectRecords.of(useCases, requireVisible(subject));
            DataSubject dataSubject = records.dataSubject();
            Instant now = useCases.clock.instant();
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("format", "crmkit-subject-export");
            document.put("formatVersion", SubjectExport.FORMAT_VERSION);
            document.put("exportedAt", now);
            document.put("tenant", records.tenant.value());
            document.put("subject", subject);
            document.put("contact", records.contact == null ? null : records.contact.state());
            document.put(
                    "leads", records.leads.stream().map(lead -> lead.state()).toList());
            document.put(
                    "activities",
                    records.activities.stream()
                            .map(activity -> activity.state())
                            .toList());
            document.put(
                    "tasks", records.tasks.stream().map(task -> task.state()).toList());
            document.put(
                    "cases",
                    records.cases.stream()
                            .map(serviceCase -> serviceCase.state())
                            .toList());
            document.put(
                    "opportunities",
                    records.opportunities.stream().map(deal -> deal.state()).toList());
            document.put("campaignMemberships", campaignMemberships(records));
            document.put("customerScores", records.score.stream().toList());
            document.put("auditTrail", auditTrail(records, dataSubject));
            document.put("outboxEvents", outboxEvents(records));
            Map<String, Object> held = new LinkedHashMap<>();
            holders.forEach(holder -> held.put(holder.name(), holder.export(dataSubject)));
            document.put("heldElsewhere", held);
            return new SubjectExport(subject, now, SubjectExport.FORMAT_VERSION, RecordJson.write(document));
        });
    }

    /**
     * The legal holds that forbid erasing the contact or lead now (each a sentence without personal data); empty
     * when it may be erased.
     */
    public List<String> legalHolds(RecordRef subject) {
        Require.notNull(subject, "subject");
        return useCases.write(() ->
                legalHolds(SubjectRecords.of(useCases, requireVisible(subject)).dataSubject()));
    }

    /**
     * Erases the contact's or lead's personal data from every place crmkit and the registered holders keep it, in
     * one transaction (what is kept, and why, is in docs/privacy-and-access.md); records the erasure as a
     * {@link org.crmkit.core.privacy.PersonalDataErased} event without personal data. Refused with a
     * {@link LegalHoldException} ({@code CRM-0012}) naming every legal hold while one applies. Running it again over
     * an erased person changes nothing and reports zeros; a run that failed midway stored nothing, and running it
     * again does the whole erasure.
     *
     * @param reason why the person is erased (e.g. "Art. 17 request of 2026-12-01"), without personal data: the
     *               person's identifiers are taken out of it before it is recorded
     */
    public ErasureReport erase(RecordRef subject, String reason) {
        return erase(subject, reason, false);
    }

    /**
     * {@link #erase} even while legal holds apply, for a stated reason (a court order, a lawyer's confirmation that
     * the claim is settled); the holds overridden are in the report and the event.
     */
    public ErasureReport eraseDespiteLegalHold(RecordRef subject, String reason) {
        return erase(subject, reason, true);
    }

    private ErasureReport erase(RecordRef subject, String reason, boolean overrideHolds) {
        Require.notNull(subject, "subject");
        Require.maxLength(Require.notBlank(reason, "reason"), 500, "reason");
        return useCases.write(() -> {
            requireSubject(subject);
            useCases.sharing.requireChangeable(subject);
            SubjectRecords records = SubjectRecords.of(useCases, subject);
            DataSubject dataSubject = records.dataSubject();
            List<String> holds = legalHolds(dataSubject);
            if (!holds.isEmpty() && !overrideHolds) {
                throw new LegalHoldException(subject, holds);
            }
            return new Erasure(useCases, records, holders).run(reason, holds);
        });
    }

    /**
     * The audit trail of a record: who changed which of its fields when, newest first (for the record types given
     * to {@code Crm.Builder.auditTrail}).
     */
    public Page<FieldChange> auditTrail(RecordRef record, PageRequest page) {
        Require.notNull(record, "record");
        Require.notNull(page, "page");
        return useCases.write(() -> {
            if (SharingModel.SHARED_RECORD_TYPES.contains(record.type())) {
                useCases.sharing.requireVisible(record);
            } else {
                useCases.sharing.requireVisibleWhenRestricted(record);
            }
            return useCases.storage.auditTrail().history(useCases.tenant(), record, page);
        });
    }

    /**
     * The contact or lead, when the acting user may see it under the sharing model; a {@code RecordNotFoundException}
     * otherwise, as for a record that does not exist.
     */
    private RecordRef requireVisible(RecordRef subject) {
        requireSubject(subject);
        useCases.sharing.requireVisible(subject);
        return subject;
    }

    private static void requireSubject(RecordRef subject) {
        Require.that(
                subject.type() == RecordType.CONTACT || subject.type() == RecordType.LEAD,
                "subject",
                "must be a contact or a lead, was " + subject.type() + " " + subject.id());
    }

    private List<String> legalHolds(DataSubject subject) {
        List<String> holds = new ArrayList<>();
        holders.forEach(holder -> holds.addAll(holder.legalHolds(subject)));
        return holds;
    }

    private List<FieldChange> auditTrail(SubjectRecords records, DataSubject subject) {
        List<FieldChange> entries = new ArrayList<>(
                Reads.everyPage(page -> useCases.storage.auditTrail().history(records.tenant, subject.record(), page)));
        for (RecordRef related : subject.related()) {
            entries.addAll(
                    Reads.everyPage(page -> useCases.storage.auditTrail().history(records.tenant, related, page)));
        }
        return entries;
    }

    private static List<Map<String, Object>> campaignMemberships(SubjectRecords records) {
        List<Map<String, Object>> memberships = new ArrayList<>();
        for (CampaignMember member : records.memberships) {
            Map<String, Object> membership = new LinkedHashMap<>();
            membership.put("campaign", member.campaign());
            membership.put(
                    "campaignName",
                    records.campaigns.containsKey(member.campaign())
                            ? records.campaigns.get(member.campaign()).name()
                            : null);
            membership.put("member", member);
            memberships.add(membership);
        }
        return memberships;
    }

    private List<Map<String, Object>> outboxEvents(SubjectRecords records) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (OutboxEntry entry : records.outboxEvents(useCases.storage.outbox())) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("eventId", entry.eventId());
            event.put("sequence", entry.sequence());
            event.put("type", entry.event().eventType());
            event.put("recordedAt", entry.recordedAt());
            event.put("event", entry.event());
            events.add(event);
        }
        return events;
    }
}
