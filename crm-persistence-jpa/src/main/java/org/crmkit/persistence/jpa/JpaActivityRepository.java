package org.crmkit.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityKind;
import org.crmkit.core.activity.ActivityState;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.ActivityRepository;

/** Activities in {@code crm_activity} (see {@link ActivityMapping}). */
final class JpaActivityRepository implements ActivityRepository {

    private final StoredAggregates<Activity, ActivityState, ActivityRow> activities;

    private final AggregateTable<ActivityState, ActivityRow> table;

    JpaActivityRepository(AggregateTable<ActivityState, ActivityRow> table) {
        this.table = table;
        this.activities = new StoredAggregates<>(table, Activity::state, Activity::restore, "activity");
    }

    @Override
    public ActivityRepository visibleTo(Visibility visibility) {
        return new JpaActivityRepository(
                table.restrictedTo(VisibleChildren.ofActivity(visibility, ActivityMapping.SUBJECT)));
    }

    @Override
    public Optional<Activity> findById(TenantId tenant, ActivityId id) {
        return activities.findById(tenant, id);
    }

    @Override
    public Activity save(Activity activity) {
        return activities.save(activity);
    }

    /** One flush for all, so that the rows and their timeline keys are inserted in JDBC batches. */
    @Override
    public List<Activity> saveAll(List<Activity> batch) {
        return activities.saveAll(batch);
    }

    @Override
    public boolean delete(TenantId tenant, ActivityId id, long expectedVersion) {
        return activities.delete(tenant, id, expectedVersion);
    }

    /**
     * Newest first from the subject's lookup keys, which carry the time: a page reads its own rows only, and the
     * total of an unfiltered timeline is counted from the keys.
     */
    @Override
    public Page<Activity> timeline(TenantId tenant, RecordRef subject, TimelineFilter filter, PageRequest page) {
        Require.notNull(filter, "filter");
        RowQuery query = RowQuery.withKeyInTime(ActivityMapping.SUBJECT, Require.notNull(subject, "subject"));
        if (!filter.kinds().isEmpty()) {
            query = query.and("r.kind in :kinds")
                    .bind(
                            "kinds",
                            filter.kinds().stream().map(ActivityKind::name).toList());
        }
        if (filter.from() != null) {
            query = query.and("k.time >= :from").bind("from", filter.from());
        }
        if (filter.until() != null) {
            query = query.and("k.time < :until").bind("until", filter.until());
        }
        return activities.page(tenant, query, page);
    }
}
