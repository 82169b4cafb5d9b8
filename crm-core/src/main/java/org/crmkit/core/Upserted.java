package org.crmkit.core;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.duplicate.DuplicateCandidate;

/**
 * What an upsert by external reference did: {@link Outcome#CREATED} a new record, {@link Outcome#UPDATED} the one
 * that has the reference (and {@code changedFields} names what changed, in the order the record lists its fields),
 * or {@link Outcome#UNCHANGED} when the stored record already said the same: then nothing was written and no event
 * recorded. {@code record} is the stored record after the upsert. {@code changedFields} is empty unless updated.
 * {@code possibleDuplicates} lists, for a created contact or account, the stored records it may duplicate under the
 * tenant's duplicate rules (highest score first); empty otherwise.
 */
public record Upserted<T>(
        T record, Outcome outcome, List<String> changedFields, List<DuplicateCandidate> possibleDuplicates) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public Upserted {
        Require.notNull(record, "record");
        Require.notNull(outcome, "outcome");
        changedFields = Require.noNulls(changedFields, "changedFields");
        possibleDuplicates = Require.noNulls(possibleDuplicates, "possibleDuplicates");
        Require.that(
                changedFields.isEmpty() == (outcome != Outcome.UPDATED),
                "changedFields",
                "must name the changed fields of an update and only of one, was " + changedFields + " for " + outcome);
    }

    /** Without possible duplicates, as every upsert but a created contact's or account's has. */
    public Upserted(T record, Outcome outcome, List<String> changedFields) {
        this(record, outcome, changedFields, List.of());
    }

    /** This outcome with the possible duplicates of a created record. */
    Upserted<T> withPossibleDuplicates(List<DuplicateCandidate> candidates) {
        return new Upserted<>(record, outcome, changedFields, candidates);
    }

    static <T> Upserted<T> created(T record) {
        return new Upserted<>(record, Outcome.CREATED, List.of());
    }

    static <T> Upserted<T> unchanged(T record) {
        return new Upserted<>(record, Outcome.UNCHANGED, List.of());
    }

    /** Updated when a field changed, otherwise unchanged. */
    static <T> Upserted<T> updated(T record, List<String> changedFields) {
        return changedFields.isEmpty() ? unchanged(record) : new Upserted<>(record, Outcome.UPDATED, changedFields);
    }
}
