package org.crmkit.core.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Base of every aggregate: it belongs to a tenant, has a typed id and a version for optimistic locking, and
 * records the domain events of its changes until the use-case service hands them to the outbox.
 *
 * <p>The version counts successful saves: a new aggregate has version 0, and a repository accepts a save only
 * when the stored version equals the aggregate's version, returning a fresh copy with the next version. An
 * aggregate instance is not thread-safe; share ids, not instances.
 */
public abstract class AggregateRoot<ID extends EntityId> {

    private final TenantId tenant;
    private final ID id;
    private final long version;
    private final List<DomainEvent> pendingEvents = new ArrayList<>();

    protected AggregateRoot(TenantId tenant, ID id, long version) {
        this.tenant = Require.notNull(tenant, "tenant");
        this.id = Require.notNull(id, "id");
        this.version = Require.notNegative(version, "version");
    }

    public final TenantId tenant() {
        return tenant;
    }

    public final ID id() {
        return id;
    }

    /** Number of times this aggregate has been saved; 0 for one that was never stored. */
    public final long version() {
        return version;
    }

    /** True when this aggregate was never saved. */
    public final boolean isNew() {
        return version == 0;
    }

    /** Events recorded since this instance was created or restored, oldest first. */
    public final List<DomainEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    protected final void record(DomainEvent event) {
        pendingEvents.add(Require.notNull(event, "event"));
    }

    @Override
    public final boolean equals(Object o) {
        return o != null
                && o.getClass() == getClass()
                && ((AggregateRoot<?>) o).tenant.equals(tenant)
                && ((AggregateRoot<?>) o).id.equals(id)
                && ((AggregateRoot<?>) o).version == version;
    }

    @Override
    public final int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + tenant + "/" + id + " v" + version + "]";
    }
}
