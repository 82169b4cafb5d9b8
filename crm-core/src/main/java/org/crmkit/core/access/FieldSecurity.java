package org.crmkit.core.access;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;

/**
 * Which roles may read and which may edit the restricted fields of contacts and accounts ({@link SecuredField}).
 * A field without a rule is readable and editable by everyone; a restricted field is readable by its readers and
 * its editors and editable by its editors only. An active user with {@link Role#ADMIN}, and the system actor, read
 * and edit every field. For the others, a field they may not read reads as absent (null, or no custom field of the
 * key), and a change of a field they may not edit is refused with a {@code FieldAccessDeniedException} naming it.
 * Immutable and thread-safe; the default, {@link #none()}, restricts nothing.
 */
public final class FieldSecurity {

    private record Rule(Set<Role> readers, Set<Role> editors) {}

    private final Map<SecuredField, Rule> rules;

    private FieldSecurity(Map<SecuredField, Rule> rules) {
        this.rules = Map.copyOf(rules);
    }

    /** No field restricted (what a host without field-level security gets). */
    public static FieldSecurity none() {
        return new FieldSecurity(Map.of());
    }

    /**
     * This configuration with the field readable by {@code readers} and {@code editors}, and editable by {@code
     * editors} only (either may be empty); replaces an earlier rule of the field.
     */
    public FieldSecurity restrict(SecuredField field, Set<Role> readers, Set<Role> editors) {
        Require.notNull(field, "field");
        Set<Role> edit = roles(editors, "editors");
        Set<Role> read = roles(readers, "readers");
        read.addAll(edit);
        Map<SecuredField, Rule> changed = new LinkedHashMap<>(rules);
        changed.put(field, new Rule(Set.copyOf(read), Set.copyOf(edit)));
        return new FieldSecurity(changed);
    }

    private static Set<Role> roles(Set<Role> roles, String name) {
        Set<Role> copy = EnumSet.noneOf(Role.class);
        copy.addAll(Require.noNulls(roles, name));
        return copy;
    }

    /** The restricted fields of the record type. */
    public Set<SecuredField> restrictedFields(RecordType type) {
        Require.notNull(type, "recordType");
        return rules.keySet().stream()
                .filter(field -> field.recordType() == type)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a user with the roles may read the field. */
    public boolean mayRead(SecuredField field, Set<Role> roles) {
        Rule rule = rules.get(Require.notNull(field, "field"));
        return rule == null || roles.contains(Role.ADMIN) || roles.stream().anyMatch(rule.readers()::contains);
    }

    /** Whether a user with the roles may edit the field. */
    public boolean mayEdit(SecuredField field, Set<Role> roles) {
        Rule rule = rules.get(Require.notNull(field, "field"));
        return rule == null || roles.contains(Role.ADMIN) || roles.stream().anyMatch(rule.editors()::contains);
    }

    /** Whether any field is restricted. */
    public boolean restrictsAnything() {
        return !rules.isEmpty();
    }
}
