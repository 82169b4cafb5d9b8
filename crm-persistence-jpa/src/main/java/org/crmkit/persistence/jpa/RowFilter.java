package org.crmkit.persistence.jpa;

import jakarta.persistence.EntityManager;
import org.crmkit.core.common.TenantId;

/**
 * A condition that every read of a restricted {@link AggregateTable} adds to its statement, on the row alias {@code
 * r}: a user's visibility ({@link VisibleRows}, {@link VisibleChildren}). Made for each statement, so that it may read
 * what it binds (the ids shared with the user) in the statement's transaction.
 */
interface RowFilter {

    /**
     * The condition, with its parameters bound, for a statement of the tenant: one that reads rows ({@code counting}
     * false: a page, a lookup) or one that counts them.
     */
    RowQuery condition(EntityManager entityManager, TenantId tenant, boolean counting);
}
