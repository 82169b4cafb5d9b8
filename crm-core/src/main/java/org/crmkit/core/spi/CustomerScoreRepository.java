package org.crmkit.core.spi;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.score.CustomerScore;

/**
 * Stores the analytics' scores of customers, one per account or contact: what a score refresh writes back and what
 * offers, segments, views and workflows read. A score is a derived value that the next refresh replaces, so it has
 * no version: the last save of a customer's score wins. Every method takes the tenant and sees only that tenant's
 * scores; no argument may be null. Implementations are thread-safe; writes join the caller's transaction.
 */
public interface CustomerScoreRepository {

    /** Stores the score, replacing the customer's stored score if there is one. */
    void save(TenantId tenant, CustomerScore score);

    /** The customer's score, if it has one. */
    Optional<CustomerScore> find(TenantId tenant, RecordRef customer);

    /**
     * The scores of those of the customers that have one, in no particular order: what {@link #find} answers for each,
     * read together (a database adapter needs a statement per few hundred customers).
     */
    default List<CustomerScore> findAmong(TenantId tenant, Collection<RecordRef> customers) {
        return customers.stream()
                .distinct()
                .map(customer -> find(tenant, customer))
                .flatMap(Optional::stream)
                .toList();
    }

    /** Every score of the tenant, accounts before contacts and by customer id within each. */
    Page<CustomerScore> findAll(TenantId tenant, PageRequest page);

    /** Removes the customer's score; false when it had none. */
    boolean delete(TenantId tenant, RecordRef customer);
}
