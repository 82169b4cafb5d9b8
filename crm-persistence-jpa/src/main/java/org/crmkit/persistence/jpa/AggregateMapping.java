package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.EntityId;

/**
 * How one aggregate is stored: its row class, the query columns copied from its state, and its multi-valued
 * query keys. The complete state goes into the row's JSON document; {@link AggregateTable} does the rest.
 */
interface AggregateMapping<S extends AggregateState<S>, R extends AggregateRow> {

    /** The aggregate's name in exceptions, e.g. {@code Contact}. */
    String recordType();

    Class<S> stateType();

    Class<R> rowType();

    /** A new, empty row; {@link AggregateTable} sets the key, version and document. */
    R newRow();

    /** Copies the values that queries filter or sort on from the state into the row's own columns. */
    void writeColumns(S state, R row);

    /**
     * What of the state goes into the row's JSON document: all of it by default; a mapping that keeps part of the
     * state in rows of its own (a dunning case's history) leaves that part out.
     */
    default S document(S state) {
        return state;
    }

    /** The multi-valued query keys of the state; none by default. */
    default List<LookupKey> lookupKeys(S state) {
        return List.of();
    }

    /**
     * Whether the aggregate has lookup keys at all. A mapping that never has any answers false, so that saving a
     * changed aggregate does not read its (absent) stored keys; one that has keys for some states answers true.
     */
    default boolean hasLookupKeys() {
        return true;
    }

    /**
     * Whether saves and deletes of the aggregate go into crm-core's change feed: yes for crm-core's aggregates, no for
     * the records a workflow keeps in a table of this kind.
     */
    default boolean inChangeFeed() {
        return true;
    }

    /** Text in lower case (the root locale), for columns that sort or search ignoring case. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The UUID of an optional reference, for a column. */
    static UUID uuid(EntityId id) {
        return id == null ? null : id.value();
    }
}
