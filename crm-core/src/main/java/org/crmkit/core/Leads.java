package org.crmkit.core;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PhoneNumber;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.UserId;
import org.crmkit.core.lead.Lead;
import org.crmkit.core.lead.LeadStatus;

/**
 * Leads of the calling tenant: capture, working them, qualification and disqualification, ownership and lookups.
 * Every change runs in one transaction together with its events. Thread-safe.
 */
public final class Leads {

    private final UseCases useCases;

    Leads(UseCases useCases) {
        this.useCases = useCases;
    }

    /** Captures a new lead in status NEW. */
    public Lead capture(NewLead lead) {
        Require.notNull(lead, "lead");
        return useCases.save(Lead.capture(useCases.tenant(), LeadId.next(useCases.ids), lead.details(), lead.source(),
                lead.campaign(), lead.utm(), useCases.clock), useCases.storage.leads()::save);
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
