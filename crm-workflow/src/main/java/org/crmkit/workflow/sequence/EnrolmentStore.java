package org.crmkit.workflow.sequence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.TenantId;

/**
 * Storage port of follow-up sequence enrolments, inside crmkit's transactions (writes require an active one).
 * Implementations are thread-safe; every query sees only the given tenant's enrolments.
 */
public interface EnrolmentStore {

    /**
     * Stores a new enrolment (version 0) with version 1 and returns it; returns empty, storing nothing, when the
     * contact already has a running enrolment (ACTIVE or WAITING_FOR_TASK) in the same sequence.
     */
    Optional<Enrolment> add(Enrolment enrolment);

    /**
     * Stores the enrolment when its version equals the stored one and returns it with the next version; throws
     * {@code StaleVersionException} otherwise and {@code RecordNotFoundException} for an unknown one.
     */
    Enrolment update(Enrolment enrolment);

    Optional<Enrolment> findById(TenantId tenant, EnrolmentId id);

    /** The contact's running enrolments, by enrolment time. */
    List<Enrolment> findRunning(TenantId tenant, ContactId contact);

    /** ACTIVE enrolments whose next step is due by {@code asOf}, by due time then id, at most {@code limit}. */
    List<Enrolment> findDue(TenantId tenant, Instant asOf, int limit);

    /** Enrolments waiting for a call task, by id. */
    List<Enrolment> findWaitingForTask(TenantId tenant);
}
