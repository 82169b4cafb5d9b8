package org.crmkit.core.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * Every field of an {@link Activity}, as storage adapters keep it. {@code direction}, {@code summary},
 * {@code outcome}, {@code correctedBy} and {@code correctedAt} may be null; lists are never null.
 */
public record ActivityState(
        TenantId tenant,
        ActivityId id,
        long version,
        ActivityKind kind,
        Direction direction,
        Instant occurredAt,
        Duration duration,
        String subject,
        String summary,
        ActivityOutcome outcome,
        List<ContactId> contacts,
        List<AccountId> accounts,
        List<RecordRef> relatedRecords,
        Actor loggedBy,
        Instant loggedAt,
        Actor correctedBy,
        Instant correctedAt)
        implements AggregateState<ActivityState> {

    public ActivityState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(kind, "kind");
        Require.notNull(occurredAt, "occurredAt");
        Require.notNull(duration, "duration");
        Require.notBlank(subject, "subject");
        contacts = Require.noNulls(contacts, "contacts");
        accounts = Require.noNulls(accounts, "accounts");
        relatedRecords = Require.noNulls(relatedRecords, "relatedRecords");
        Require.notNull(loggedBy, "loggedBy");
        Require.notNull(loggedAt, "loggedAt");
    }

    @Override
    public ActivityState withVersion(long version) {
        return new ActivityState(
                tenant,
                id,
                version,
                kind,
                direction,
                occurredAt,
                duration,
                subject,
                summary,
                outcome,
                contacts,
                accounts,
                relatedRecords,
                loggedBy,
                loggedAt,
                correctedBy,
                correctedAt);
    }
}
