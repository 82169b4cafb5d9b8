package org.crmkit.core.spi;

import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.service.CaseStatus;
import org.crmkit.core.service.ServiceCase;

/**
 * Storage port of service cases. No argument may be null. Every method sees only the records of the given tenant.
 * "Open" means {@link CaseStatus#isOpen()}. Implementations are thread-safe; writes join the current
 * {@link Transactions transaction}.
 */
public interface CaseRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query answers only the cases whose
     * assignee is among {@link Visibility#owners()}, or whose contact or account is visible (as the views of those
     * repositories answer, or any record of a type that {@link Visibility#readsEvery}), filtered in the query itself,
     * so that pages are full and counts count visible cases only. Saves are not restricted.
     */
    CaseRepository visibleTo(Visibility visibility);

    /** The case, or empty when it does not exist for the tenant. */
    Optional<ServiceCase> findById(TenantId tenant, CaseId id);

    /**
     * Stores the case when its version equals the stored one (0 for a new case) and returns the stored copy with
     * the next version; throws {@link StaleVersionException} otherwise.
     */
    ServiceCase save(ServiceCase serviceCase);

    /** The assignee's open cases, by resolution due time, then id. */
    Page<ServiceCase> findOpenByAssignee(TenantId tenant, UserId assignee, PageRequest page);

    /** The account's cases of every status, newest first by opening time, then by descending id. */
    /** The cases of the contact (as the case's contact), newest first by opening time, then descending id. */
    Page<ServiceCase> findByContact(TenantId tenant, ContactId contact, PageRequest page);

    Page<ServiceCase> findByAccount(TenantId tenant, AccountId account, PageRequest page);

    /**
     * Open cases that miss their first-response or their resolution target as of {@code asOf} (see
     * {@link ServiceCase#isFirstResponseBreached} and {@link ServiceCase#isResolutionBreached}), by resolution due
     * time, then id.
     */
    Page<ServiceCase> findBreachingSla(TenantId tenant, Instant asOf, PageRequest page);
}
