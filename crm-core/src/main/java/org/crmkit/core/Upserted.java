package org.crmkit.core;

import java.util.List;
import org.crmkit.core.common.Require;

/**
 * What an upsert by external reference did: {@link Outcome#CREATED} a new record, {@link Outcome#UPDATED} the one
 * that has the reference (and {@code changedFields} names what changed, in the order the record lists its fields),
 * or {@link Outcome#UNCHANGED} when the stored record already said the same: then nothing was written and no event
 * recorded. {@code record} is the stored record after the upsert. {@code changedFields} is empty unless updated.
 */
public record Upserted<T>(T record, Outcome outcome, List<String> changedFields) {

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    public Upserted {
        Require.notNull(record, "record");
        Require.notNull(outcome, "outcome");
        changedFields = Require.noNulls(changedFields, "changedFields");
        Require.that(
                changedFields.isEmpty() == (outcome != Outcome.UPDATED),
                "changedFields",
                "must name the changed fields of an update and only of one, was " + changedFields + " for " + outcome);
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
