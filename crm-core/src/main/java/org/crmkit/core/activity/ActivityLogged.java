package org.crmkit.core.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;

/** An activity went into the history. {@code direction} is null for notes. */
public record ActivityLogged(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        ActivityKind kind,
        Direction direction,
        Instant activityTime,
        String subject,
        List<ContactId> contacts,
        List<AccountId> accounts,
        List<RecordRef> relatedRecords,
        String loggedBy)
        implements DomainEvent {

    public ActivityLogged {
        contacts = List.copyOf(contacts);
        accounts = List.copyOf(accounts);
        relatedRecords = List.copyOf(relatedRecords);
    }

    @Override
    public String aggregateType() {
        return "Activity";
    }
}
