package org.crmkit.core;

import java.util.List;
import org.crmkit.core.common.Require;
import org.crmkit.core.duplicate.DuplicateCandidate;

/**
 * A contact or account registered under the tenant's duplicate rules ({@link Duplicates#registerContact}): the
 * stored record and the stored records it may duplicate, highest score first (empty under
 * {@code DuplicatePolicy.ALLOW} or when none scores enough).
 */
public record Registered<T>(T record, List<DuplicateCandidate> possibleDuplicates) {

    public Registered {
        Require.notNull(record, "record");
        possibleDuplicates = Require.noNulls(possibleDuplicates, "possibleDuplicates");
    }
}
