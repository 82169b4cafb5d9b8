package org.crmkit.core.party;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.crmkit.core.common.Require;

/** The custom fields of a party, by key. Immutable; iteration is in key order. */
public record CustomFields(Map<CustomFieldKey, CustomFieldValue> values) {

    public static final CustomFields NONE = new CustomFields(Map.of());

    public CustomFields {
        TreeMap<CustomFieldKey, CustomFieldValue> copy = new TreeMap<>();
        Require.notNull(values, "customFields")
                .forEach((key, value) ->
                        copy.put(Require.notNull(key, "customField.key"), Require.notNull(value, "customField.value")));
        values = Collections.unmodifiableSortedMap(copy);
    }

    public CustomFields with(CustomFieldKey key, CustomFieldValue value) {
        TreeMap<CustomFieldKey, CustomFieldValue> copy = new TreeMap<>(values);
        copy.put(Require.notNull(key, "customField.key"), Require.notNull(value, "customField.value"));
        return new CustomFields(copy);
    }

    public CustomFields without(CustomFieldKey key) {
        TreeMap<CustomFieldKey, CustomFieldValue> copy = new TreeMap<>(values);
        copy.remove(Require.notNull(key, "customField.key"));
        return new CustomFields(copy);
    }

    public Optional<CustomFieldValue> get(CustomFieldKey key) {
        return Optional.ofNullable(values.get(Require.notNull(key, "customField.key")));
    }
}
