package org.crmkit.core.spi;

import java.util.Collection;
import java.util.List;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.privacy.FieldChange;

/**
 * Storage port of the audit trail: who changed which field of which record, and when. No argument may be null;
 * every method sees only the given tenant's entries. Implementations are thread-safe; writes require an active
 * {@link Transactions transaction} and roll back with it.
 */
public interface AuditTrail {

    /** Appends the entries; an entry whose id is stored already is a {@code DuplicateRecordException}. */
    void record(List<FieldChange> changes);

    /** The entries of the record, newest first by {@code changedAt}, entries of the same time by descending id. */
    Page<FieldChange> history(TenantId tenant, RecordRef record, PageRequest page);

    /**
     * Erases the values of every entry of the records and of every other entry of the tenant whose old or new value
     * mentions one of the identifiers (ignoring case), keeping who changed which field when
     * ({@link FieldChange#withValuesErased()}). Returns how many entries it changed: 0 when run again.
     */
    int eraseValues(TenantId tenant, Collection<RecordRef> records, Collection<String> identifiers);
}
