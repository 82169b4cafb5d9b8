package org.crmkit.core.activity;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.TenantId;

/**
 * An activity about a lead now also concerns the contact and account the lead was converted into (see
 * {@link Activity#carryOverFromLead}).
 */
public record ActivityCarriedOver(
        TenantId tenant, UUID aggregateId, Instant occurredAt, LeadId lead, ContactId contact, AccountId account)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Activity";
    }
}
