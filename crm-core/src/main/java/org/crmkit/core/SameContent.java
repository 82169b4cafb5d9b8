package org.crmkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.ExternalRefConflictException;

/**
 * The comparison of a record sent again under its external reference with the stored one, for records that do not
 * change once recorded (invoices, payments, credit notes): the same content is an unchanged upsert, other content a
 * conflict naming every differing field.
 */
final class SameContent {

    private final List<String> differences = new ArrayList<>();

    SameContent field(String name, Object stored, Object given) {
        if (!Objects.equals(stored, given)) {
            differences.add(name + ": stored " + stored + ", given " + given);
        }
        return this;
    }

    /** No changed field when the content is the same; otherwise an {@link ExternalRefConflictException}. */
    List<String> orRefuse(String recordType, ExternalRef ref, Object storedId) {
        if (!differences.isEmpty()) {
            throw new ExternalRefConflictException(recordType, ref, storedId, differences);
        }
        return List.of();
    }
}
