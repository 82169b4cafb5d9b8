package org.crmkit.core.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;

/**
 * What to log as an activity. Start with {@link #of} and add details with the {@code with...}/{@code about...}
 * methods; every copy is validated, and {@link Activity#log} checks the rules that need the clock.
 *
 * <pre>{@code
 * NewActivity call = NewActivity.of(ActivityKind.CALL, Direction.OUTBOUND, "Renewal call", occurredAt)
 *         .aboutContact(contactId)
 *         .withDuration(Duration.ofMinutes(12))
 *         .withOutcome(ActivityOutcome.CONNECTED);
 * }</pre>
 *
 * @param direction null for notes, optional for meetings, required otherwise
 * @param duration  zero or more; {@link Duration#ZERO} when not given
 * @param summary   optional body or summary, at most 10,000 characters
 * @param outcome   optional; must apply to the kind
 */
public record NewActivity(
        ActivityKind kind,
        Direction direction,
        Instant occurredAt,
        Duration duration,
        String subject,
        String summary,
        ActivityOutcome outcome,
        List<ContactId> contacts,
        List<AccountId> accounts,
        List<RecordRef> relatedRecords) {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_SUMMARY = 10_000;

    public NewActivity {
        Require.notNull(kind, "kind");
        if (direction == null) {
            Require.that(!kind.requiresDirection(), "direction", "is required for a " + kind);
        } else {
            Require.that(kind.allowsDirection(), "direction", "a " + kind + " has no direction");
        }
        Require.notNull(occurredAt, "occurredAt");
        duration = duration == null ? Duration.ZERO : duration;
        Require.that(!duration.isNegative(), "duration", "must not be negative, was " + duration);
        subject = Require.maxLength(Require.notBlank(subject, "subject"), MAX_SUBJECT, "subject");
        summary = Require.maxLength(Require.optional(summary), MAX_SUMMARY, "summary");
        requireOutcomeFits(kind, outcome);
        contacts = Require.noNulls(contacts == null ? List.of() : contacts, "contacts").stream()
                .distinct()
                .toList();
        accounts = Require.noNulls(accounts == null ? List.of() : accounts, "accounts").stream()
                .distinct()
                .toList();
        relatedRecords = Require.noNulls(relatedRecords == null ? List.of() : relatedRecords, "relatedRecords").stream()
                .distinct()
                .toList();
    }

    /** A new activity of the given kind with no parties yet; add at least one party or record before logging. */
    public static NewActivity of(ActivityKind kind, Direction direction, String subject, Instant occurredAt) {
        return new NewActivity(
                kind, direction, occurredAt, Duration.ZERO, subject, null, null, List.of(), List.of(), List.of());
    }

    /** A note (no direction, no outcome) about a contact. */
    public static NewActivity note(ContactId contact, String subject, String text, Instant occurredAt) {
        return of(ActivityKind.NOTE, null, subject, occurredAt)
                .withSummary(text)
                .aboutContact(contact);
    }

    public NewActivity withDuration(Duration duration) {
        return new NewActivity(
                kind,
                direction,
                occurredAt,
                Require.notNull(duration, "duration"),
                subject,
                summary,
                outcome,
                contacts,
                accounts,
                relatedRecords);
    }

    public NewActivity withSummary(String summary) {
        return new NewActivity(
                kind, direction, occurredAt, duration, subject, summary, outcome, contacts, accounts, relatedRecords);
    }

    public NewActivity withOutcome(ActivityOutcome outcome) {
        return new NewActivity(
                kind,
                direction,
                occurredAt,
                duration,
                subject,
                summary,
                Require.notNull(outcome, "outcome"),
                contacts,
                accounts,
                relatedRecords);
    }

    public NewActivity aboutContact(ContactId contact) {
        return new NewActivity(
                kind,
                direction,
                occurredAt,
                duration,
                subject,
                summary,
                outcome,
                plus(contacts, Require.notNull(contact, "contact")),
                accounts,
                relatedRecords);
    }

    public NewActivity aboutAccount(AccountId account) {
        return new NewActivity(
                kind,
                direction,
                occurredAt,
                duration,
                subject,
                summary,
                outcome,
                contacts,
                plus(accounts, Require.notNull(account, "account")),
                relatedRecords);
    }

    /** Relates the activity to any record, e.g. an opportunity or an invoice. */
    public NewActivity regarding(RecordRef record) {
        return new NewActivity(
                kind,
                direction,
                occurredAt,
                duration,
                subject,
                summary,
                outcome,
                contacts,
                accounts,
                plus(relatedRecords, Require.notNull(record, "record")));
    }

    static void requireOutcomeFits(ActivityKind kind, ActivityOutcome outcome) {
        if (outcome != null) {
            Require.that(outcome.appliesTo(kind), "outcome", outcome + " does not apply to a " + kind);
        }
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }
}
