package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.TenantId;

/**
 * A task about a lead now concerns the contact the lead was converted into instead (see
 * {@link Task#carryOverFromLead}); {@code lead} is the record it was linked to before.
 */
public record TaskCarriedOver(TenantId tenant, UUID aggregateId, Instant occurredAt, LeadId lead, ContactId contact)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Task";
    }
}
