package org.crmkit.persistence.jpa;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.TenantId;

/**
 * A value that no two records of a tenant may share (an invoice number), checked before a save so that the refusal
 * names the value: {@link DuplicateRecordException} when two of the records being saved share it, or when another
 * stored record of their tenant has it. The table's unique key still refuses what two concurrent saves would both
 * write.
 */
final class UniqueValue<S extends AggregateState<S>> {

    /** How many values one lookup binds at most. */
    private static final int VALUES_PER_QUERY = 1_000;

    private final String valueName;
    private final String field;
    private final Function<S, String> value;

    /**
     * {@code valueName} names the value in the refusal ({@code Invoice number}), {@code field} is the row field that
     * holds it ({@code number}), {@code value} reads it from a state.
     */
    UniqueValue(String valueName, String field, Function<S, String> value) {
        this.valueName = valueName;
        this.field = field;
        this.value = value;
    }

    /** Refuses the states if one's value is another's among them, or another stored record's of its tenant. */
    void refuseTaken(List<S> states, AggregateTable<S, ?> table) {
        Map<TenantId, Map<String, UUID>> saving = new HashMap<>();
        for (S state : states) {
            UUID previous = saving.computeIfAbsent(state.tenant(), tenant -> new HashMap<>())
                    .put(value.apply(state), state.id().value());
            if (previous != null && !previous.equals(state.id().value())) {
                throw new DuplicateRecordException(valueName, value.apply(state));
            }
        }
        saving.forEach((tenant, owners) -> {
            List<String> values = List.copyOf(owners.keySet());
            for (int from = 0; from < values.size(); from += VALUES_PER_QUERY) {
                RowQuery holders = RowQuery.where("r." + field + " in :values")
                        .bind("values", values.subList(from, Math.min(values.size(), from + VALUES_PER_QUERY)));
                for (S stored : table.list(tenant, holders)) {
                    if (!stored.id().value().equals(owners.get(value.apply(stored)))) {
                        throw new DuplicateRecordException(valueName, value.apply(stored));
                    }
                }
            }
        });
    }
}
