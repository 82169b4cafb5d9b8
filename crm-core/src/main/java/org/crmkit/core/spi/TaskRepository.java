package org.crmkit.core.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.activity.Task;
import org.crmkit.core.activity.TaskStatus;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TaskId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;

/**
 * Storage port of tasks. No argument may be null. Every method sees only the records of the given tenant.
 * Unless said otherwise, results are ordered by due time, then by id (both ascending). Implementations are
 * thread-safe; writes join the current {@link Transactions transaction}.
 */
public interface TaskRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query answers only the tasks whose
     * assignee is among {@link Visibility#owners()} or whose link is a visible contact, account, lead or opportunity
     * (as the views of those repositories answer, or any record of a type that {@link Visibility#readsEvery}),
     * filtered in the query itself, so that pages are full and counts count visible tasks only. Saves are not
     * restricted (the use cases check changes).
     */
    TaskRepository visibleTo(Visibility visibility);

    /** The task, or empty when it does not exist for the tenant. */
    Optional<Task> findById(TenantId tenant, TaskId id);

    /**
     * Stores the task when its version equals the stored one (0 for a new task) and returns the stored copy with
     * the next version; throws {@link StaleVersionException} otherwise.
     */
    Task save(Task task);

    /** The assignee's tasks in any of the given statuses (an empty set means every status). */
    Page<Task> findByAssignee(TenantId tenant, UserId assignee, Set<TaskStatus> statuses, PageRequest page);

    /** Open and in-progress tasks whose due time lies before {@code asOf}. */
    Page<Task> findOverdue(TenantId tenant, Instant asOf, PageRequest page);

    /** Open and in-progress tasks due at or after {@code from} and before {@code until}. */
    Page<Task> findDueBetween(TenantId tenant, Instant from, Instant until, PageRequest page);

    /** Tasks of any status linked to the record. */
    Page<Task> findByLink(TenantId tenant, RecordRef link, PageRequest page);

    /**
     * Open and in-progress tasks whose reminder time is at or before {@code asOf} and whose reminder was not sent
     * yet, ordered by reminder time, then id.
     */
    Page<Task> findRemindersDue(TenantId tenant, Instant asOf, PageRequest page);
}
