package org.crmkit.core.spi;

import java.util.List;
import java.util.UUID;
import org.crmkit.core.access.RecordShare;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;

/**
 * Stores the explicit shares of records ({@link RecordShare}), which the visibility-filtered views of the
 * repositories ({@code visibleTo}) read in their queries. All arguments are required (null is refused with an
 * {@code InvalidValueException}); every query sees only the given tenant's shares. Implementations are thread-safe
 * and join the caller's transaction.
 */
public interface RecordShareRepository {

    /** Stores the share; an existing share of the record with the same grantee gets the new access. */
    RecordShare save(RecordShare share);

    /** Removes the share of the record with the grantee; false when there is none. */
    boolean delete(TenantId tenant, RecordRef record, UUID grantee);

    /** The shares of the record, by grantee id. */
    List<RecordShare> findByRecord(TenantId tenant, RecordRef record);
}
