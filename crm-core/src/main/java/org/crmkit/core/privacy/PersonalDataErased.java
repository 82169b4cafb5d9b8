package org.crmkit.core.privacy;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.TenantId;

/**
 * A contact's or a lead's personal data was erased: the record of the erasure, which holds no personal data (the
 * id is a random one that nothing identifies the person by any more). Listeners erase their own copies of the
 * person's data when they receive it.
 *
 * @param subjectType     {@code CONTACT} or {@code LEAD}
 * @param reason          why it was erased, as stated by the caller with the person's identifiers removed
 * @param legalHoldOverridden whether legal holds applied and were overridden
 * @param erasedBy        the id of the actor who erased it
 */
public record PersonalDataErased(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        RecordType subjectType,
        String reason,
        boolean legalHoldOverridden,
        String erasedBy)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return subjectType == RecordType.LEAD ? "Lead" : "Contact";
    }
}
