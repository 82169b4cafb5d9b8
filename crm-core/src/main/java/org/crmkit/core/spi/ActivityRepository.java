package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;

/**
 * Storage port of the interaction history. No argument may be null. Every method sees only the records of the
 * given tenant. Implementations are thread-safe; writes join the current {@link Transactions transaction}.
 */
public interface ActivityRepository {

    /**
     * This repository as the user of {@code visibility} may read it: an activity is visible when at least one
     * contact, account, lead or opportunity it concerns is visible (as the views of those repositories answer, or
     * every record of a type that {@link Visibility#readsEvery}); the other records it concerns (cases, campaigns,
     * invoices) do not make it visible. {@code findById} and the timeline answer only visible activities, filtered
     * in the query itself, so that pages are full and counts count visible activities only. Saves and deletes are
     * not restricted (the use cases check changes).
     */
    ActivityRepository visibleTo(Visibility visibility);

    /** The activity, or empty when it does not exist for the tenant. */
    Optional<Activity> findById(TenantId tenant, ActivityId id);

    /**
     * Stores the activity when its version equals the stored one (0 for a new activity) and returns the stored
     * copy with the next version; throws {@link StaleVersionException} otherwise.
     */
    Activity save(Activity activity);

    /**
     * Saves each activity as {@link #save} does, in the caller's transaction (a database adapter writes them in
     * batches); returns the stored copies in order.
     */
    default List<Activity> saveAll(List<Activity> activities) {
        return activities.stream().map(this::save).toList();
    }

    /**
     * Deletes the activity when {@code expectedVersion} is its stored version; returns false when it does not
     * exist for the tenant, throws {@link StaleVersionException} when it was changed in between.
     */
    boolean delete(TenantId tenant, ActivityId id, long expectedVersion);

    /**
     * The timeline of a contact, account or any other record: the activities that concern {@code subject} (as a
     * contact, an account or a related record) and pass the filter, newest first by {@code occurredAt}; activities
     * of the same time come in descending id order.
     */
    Page<Activity> timeline(TenantId tenant, RecordRef subject, TimelineFilter filter, PageRequest page);
}
