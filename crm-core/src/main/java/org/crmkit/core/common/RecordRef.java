package org.crmkit.core.common;

import java.util.UUID;

/** A reference to any record by kind and id, e.g. the record a task or an activity is about. */
public record RecordRef(RecordType type, UUID id) {

    public RecordRef {
        Require.notNull(type, "recordRef.type");
        Require.notNull(id, "recordRef.id");
    }

    public static RecordRef of(RecordType type, EntityId id) {
        return new RecordRef(type, Require.notNull(id, "recordRef.id").value());
    }

    public static RecordRef contact(ContactId id) {
        return of(RecordType.CONTACT, id);
    }

    public static RecordRef account(AccountId id) {
        return of(RecordType.ACCOUNT, id);
    }

    public static RecordRef lead(LeadId id) {
        return of(RecordType.LEAD, id);
    }

    public static RecordRef opportunity(OpportunityId id) {
        return of(RecordType.OPPORTUNITY, id);
    }

    public static RecordRef invoice(InvoiceId id) {
        return of(RecordType.INVOICE, id);
    }

    public static RecordRef serviceCase(CaseId id) {
        return of(RecordType.CASE, id);
    }

    public static RecordRef campaign(CampaignId id) {
        return of(RecordType.CAMPAIGN, id);
    }

    public static RecordRef task(TaskId id) {
        return of(RecordType.TASK, id);
    }
}
