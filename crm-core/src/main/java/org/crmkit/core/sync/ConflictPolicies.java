package org.crmkit.core.sync;

import java.util.Map;
import org.crmkit.core.common.Require;

/**
 * The {@link FieldPolicy} of each field ({@code Account.name}, {@code Contact.lastName}, ...), with a default for the
 * fields not named; {@code deletion} decides a device's deletion of a record changed centrally since the device's
 * version. Immutable.
 */
public record ConflictPolicies(FieldPolicy defaultPolicy, Map<String, FieldPolicy> byField, FieldPolicy deletion) {

    public ConflictPolicies {
        Require.notNull(defaultPolicy, "defaultPolicy");
        byField = Map.copyOf(Require.notNull(byField, "byField"));
        Require.notNull(deletion, "deletion");
    }

    /** The same policy for every field and deletion. */
    public static ConflictPolicies always(FieldPolicy policy) {
        return new ConflictPolicies(policy, Map.of(), policy);
    }

    /** These policies with another one for the field ({@code Account.name}). */
    public ConflictPolicies with(String field, FieldPolicy policy) {
        Map<String, FieldPolicy> fields = new java.util.HashMap<>(byField);
        fields.put(Require.notBlank(field, "field"), Require.notNull(policy, "policy"));
        return new ConflictPolicies(defaultPolicy, fields, deletion);
    }

    public FieldPolicy policyFor(String field) {
        return byField.getOrDefault(field, defaultPolicy);
    }
}
