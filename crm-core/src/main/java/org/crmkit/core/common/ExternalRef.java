package org.crmkit.core.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where a record comes from in another system: the system's name and the record's key there, e.g. the ERP's
 * customer {@code C-10045} is {@code ExternalRef.of("erp", "C-10045")}. A record may carry references of several
 * systems; no two records of the same type and tenant share one.
 *
 * <p>The system is 1 to 40 letters, digits, '-', '_' or '.', starting with a letter or digit, and is kept in lower
 * case ({@code "ERP"} and {@code "erp"} are one system). The key is trimmed, 1 to 200 characters without control
 * characters, and compared exactly (case matters). Written {@code erp/C-10045}.
 */
public record ExternalRef(String system, String key) {

    private static final Pattern SYSTEM = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}");

    public ExternalRef {
        system = Require.notBlank(system, "externalRef.system").toLowerCase(Locale.ROOT);
        if (!SYSTEM.matcher(system).matches()) {
            throw InvalidValueException.invalid(
                    "externalRef.system",
                    "'" + system
                            + "' must be 1 to 40 letters, digits, '-', '_' or '.', starting with a letter or digit");
        }
        key = Require.maxLength(Require.notBlank(key, "externalRef.key"), 200, "externalRef.key");
        if (key.chars().anyMatch(Character::isISOControl)) {
            throw InvalidValueException.invalid("externalRef.key", "'" + key + "' must not hold control characters");
        }
    }

    public static ExternalRef of(String system, String key) {
        return new ExternalRef(system, key);
    }

    /**
     * The references without repeats, in their first order, refusing null ones; for the records' state. Null is
     * read as none, so that records stored before references existed read as having none.
     */
    public static List<ExternalRef> distinct(Collection<ExternalRef> refs) {
        if (refs == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Require.noNulls(refs, "externalRefs")));
    }

    /** The references with {@code ref} added at the end, unless they hold it. */
    public static List<ExternalRef> adding(List<ExternalRef> refs, ExternalRef ref) {
        Require.notNull(ref, "externalRef");
        if (refs.contains(ref)) {
            return refs;
        }
        List<ExternalRef> more = new ArrayList<>(refs);
        more.add(ref);
        return List.copyOf(more);
    }

    @Override
    public String toString() {
        return system + "/" + key;
    }
}
