package org.crmkit.core.common;

import java.util.List;

/**
 * A record was sent again under an external reference that a stored record of its type has, but with other
 * content: the stored record is kept and nothing is written. Names the reference, the stored record and every
 * difference ({@code amount: stored EUR 100.00, given EUR 120.00}). Code {@link ErrorCode#DUPLICATE}.
 */
public final class ExternalRefConflictException extends CrmException {

    private final ExternalRef ref;
    private final List<String> differences;

    public ExternalRefConflictException(String recordType, ExternalRef ref, Object storedId, List<String> differences) {
        super(
                ErrorCode.DUPLICATE,
                recordType + " " + storedId + " was recorded under the external reference " + ref
                        + "; the " + recordType + " given again under it differs (" + String.join("; ", differences)
                        + "), so it is refused and the stored one kept: record a change as a record of its own under a new"
                        + " reference");
        this.ref = Require.notNull(ref, "externalRef");
        this.differences = List.copyOf(differences);
    }

    public ExternalRef ref() {
        return ref;
    }

    /** Each differing field as {@code field: stored x, given y}. */
    public List<String> differences() {
        return differences;
    }
}
