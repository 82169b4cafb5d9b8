package org.crmkit.core.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.LeadId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * One interaction with customers, as it went into the history: a call, an email, a meeting, a note, a letter or
 * an SMS, with its time, duration, direction, outcome and the contacts, accounts and records it concerns.
 *
 * <p>The facts of an activity (kind, time, direction, parties) do not change once logged; subject, summary and
 * outcome can be corrected, an activity about a lead is carried over to the contact and account the lead became,
 * and the whole activity can be deleted. Not thread-safe.
 */
public final class Activity extends AggregateRoot<ActivityId> {

    private final ActivityKind kind;
    private final Direction direction;
    private final Instant occurredAt;
    private final Duration duration;
    private String subject;
    private String summary;
    private ActivityOutcome outcome;
    private List<ContactId> contacts;
    private List<AccountId> accounts;
    private final List<RecordRef> relatedRecords;
    private final Actor loggedBy;
    private final Instant loggedAt;
    private Actor correctedBy;
    private Instant correctedAt;

    private Activity(ActivityState state) {
        super(state.tenant(), state.id(), state.version());
        this.kind = state.kind();
        this.direction = state.direction();
        this.occurredAt = state.occurredAt();
        this.duration = state.duration();
        this.subject = state.subject();
        this.summary = state.summary();
        this.outcome = state.outcome();
        this.contacts = state.contacts();
        this.accounts = state.accounts();
        this.relatedRecords = state.relatedRecords();
        this.loggedBy = state.loggedBy();
        this.loggedAt = state.loggedAt();
        this.correctedBy = state.correctedBy();
        this.correctedAt = state.correctedAt();
    }

    /**
     * Logs an activity. It must concern at least one contact, account or record, and it must not lie in the future
     * of the clock (the history records what happened; plan future work as a {@link Task}).
     */
    public static Activity log(TenantId tenant, ActivityId id, NewActivity details, Actor actor, Clock clock) {
        Require.notNull(details, "details");
        Require.notNull(actor, "actor");
        Instant now = Require.notNull(clock, "clock").instant();
        Require.that(
                !details.contacts().isEmpty()
                        || !details.accounts().isEmpty()
                        || !details.relatedRecords().isEmpty(),
                "relatedTo",
                "an activity must concern at least one contact, account or record");
        Require.that(
                !details.occurredAt().isAfter(now),
                "occurredAt",
                "must not be in the future, was " + details.occurredAt() + " at " + now);
        Activity activity = new Activity(new ActivityState(
                tenant,
                id,
                0,
                details.kind(),
                details.direction(),
                details.occurredAt(),
                details.duration(),
                details.subject(),
                details.summary(),
                details.outcome(),
                details.contacts(),
                details.accounts(),
                details.relatedRecords(),
                actor,
                now,
                null,
                null));
        activity.record(new ActivityLogged(
                tenant,
                id.value(),
                now,
                details.kind(),
                details.direction(),
                details.occurredAt(),
                details.subject(),
                details.contacts(),
                details.accounts(),
                details.relatedRecords(),
                actor.id()));
        return activity;
    }

    /** Rebuilds an activity from its stored state; records no event. */
    public static Activity restore(ActivityState state) {
        return new Activity(Require.notNull(state, "state"));
    }

    public ActivityState state() {
        return new ActivityState(
                tenant(),
                id(),
                version(),
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

    /** Replaces subject, summary and outcome; the outcome must apply to the activity's kind. */
    public void correct(ActivityCorrection correction, Actor actor, Clock clock) {
        Require.notNull(correction, "correction");
        Require.notNull(actor, "actor");
        NewActivity.requireOutcomeFits(kind, correction.outcome());
        Instant now = Require.notNull(clock, "clock").instant();
        this.subject = correction.subject();
        this.summary = correction.summary();
        this.outcome = correction.outcome();
        this.correctedBy = actor;
        this.correctedAt = now;
        record(new ActivityCorrected(tenant(), id().value(), now, subject, summary, outcome, actor.id()));
    }

    /**
     * Makes the activity also concern the contact and account that the lead it concerns was converted into, so that
     * it shows on their timelines as well as on the lead's. Changes nothing (and records no event) when it already
     * concerns both; refused with an {@code InvalidValueException} (field {@code lead}) when it does not concern the
     * lead.
     */
    public void carryOverFromLead(LeadId lead, ContactId contact, AccountId account, Clock clock) {
        Require.notNull(lead, "lead");
        Require.notNull(contact, "contact");
        Require.notNull(account, "account");
        Instant now = Require.notNull(clock, "clock").instant();
        Require.that(
                relatedRecords.contains(RecordRef.lead(lead)),
                "lead",
                "activity " + id() + " does not concern lead " + lead);
        if (contacts.contains(contact) && accounts.contains(account)) {
            return;
        }
        contacts = withAdded(contacts, contact);
        accounts = withAdded(accounts, account);
        record(new ActivityCarriedOver(tenant(), id().value(), now, lead, contact, account));
    }

    private static <T> List<T> withAdded(List<T> list, T element) {
        if (list.contains(element)) {
            return list;
        }
        List<T> added = new ArrayList<>(list);
        added.add(element);
        return List.copyOf(added);
    }

    /** Records that the activity is being deleted; the service removes it from storage in the same transaction. */
    public void delete(Actor actor, Clock clock) {
        Require.notNull(actor, "actor");
        record(new ActivityDeleted(
                tenant(),
                id().value(),
                Require.notNull(clock, "clock").instant(),
                kind,
                occurredAt,
                references(),
                actor.id()));
    }

    /** Every contact, account and record this activity concerns, as references (contacts first, then accounts). */
    public List<RecordRef> references() {
        List<RecordRef> refs = new ArrayList<>();
        contacts.forEach(contact -> refs.add(RecordRef.contact(contact)));
        accounts.forEach(account -> refs.add(RecordRef.account(account)));
        refs.addAll(relatedRecords);
        return List.copyOf(refs);
    }

    /** Whether the activity concerns the given contact, account or record. */
    public boolean concerns(RecordRef ref) {
        return references().contains(ref);
    }

    public ActivityKind kind() {
        return kind;
    }

    /** The direction, or null for notes and meetings without one. */
    public Direction direction() {
        return direction;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Duration duration() {
        return duration;
    }

    public String subject() {
        return subject;
    }

    /** The body or summary; null when none was given. */
    public String summary() {
        return summary;
    }

    /** The outcome; null when none was given. */
    public ActivityOutcome outcome() {
        return outcome;
    }

    public List<ContactId> contacts() {
        return contacts;
    }

    public List<AccountId> accounts() {
        return accounts;
    }

    public List<RecordRef> relatedRecords() {
        return relatedRecords;
    }

    public Actor loggedBy() {
        return loggedBy;
    }

    public Instant loggedAt() {
        return loggedAt;
    }

    /** Who last corrected the activity; null when it was never corrected. */
    public Actor correctedBy() {
        return correctedBy;
    }

    public Instant correctedAt() {
        return correctedAt;
    }
}
