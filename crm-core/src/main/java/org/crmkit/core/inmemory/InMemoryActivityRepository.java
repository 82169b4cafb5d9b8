package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.activity.Activity;
import org.crmkit.core.activity.ActivityState;
import org.crmkit.core.activity.TimelineFilter;
import org.crmkit.core.common.ActivityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.ActivityRepository;

final class InMemoryActivityRepository implements ActivityRepository {

    private static final Comparator<ActivityState> NEWEST_FIRST = Comparator.comparing(ActivityState::occurredAt)
            .thenComparing(state -> state.id().value())
            .reversed();

    private final VersionedStore<ActivityState> store;
    private final InMemoryIndex<ActivityState> byReference;
    private final InMemoryVisibleParents parents;

    InMemoryActivityRepository(InMemoryTransactions transactions, InMemoryVisibleParents parents) {
        this.store = new VersionedStore<>("Activity", transactions);
        this.byReference =
                store.index(new InMemoryIndex<>(state -> Activity.restore(state).references()));
        this.parents = parents;
    }

    private InMemoryActivityRepository(InMemoryActivityRepository all, Visibility visibility) {
        this.store = all.store.restrictedTo(all.parents.visibleTo(visibility, new InMemoryVisibleParents.Parents<>() {
            @Override
            public TenantId tenant(ActivityState state) {
                return state.tenant();
            }

            @Override
            public List<RecordRef> parents(ActivityState state) {
                return Activity.restore(state).references();
            }
        }));
        this.byReference = all.byReference;
        this.parents = all.parents;
    }

    @Override
    public ActivityRepository visibleTo(Visibility visibility) {
        return new InMemoryActivityRepository(this, visibility);
    }

    @Override
    public Optional<Activity> findById(TenantId tenant, ActivityId id) {
        return store.find(tenant, id).map(Activity::restore);
    }

    @Override
    public Activity save(Activity activity) {
        return Activity.restore(store.save(activity.state()));
    }

    @Override
    public boolean delete(TenantId tenant, ActivityId id, long expectedVersion) {
        return store.delete(tenant, id, expectedVersion);
    }

    @Override
    public Page<Activity> timeline(TenantId tenant, RecordRef subject, TimelineFilter filter, PageRequest page) {
        var matches = store.findAll(tenant, byReference.lookup(tenant, subject)).stream()
                .filter(state -> filter.matches(state.kind(), state.occurredAt()))
                .sorted(NEWEST_FIRST)
                .toList();
        return Page.of(matches, page).map(Activity::restore);
    }
}
