package org.crmkit.core.common;

/**
 * The complete, immutable state of an aggregate as a storage adapter keeps it: every aggregate has a
 * {@code state()} record implementing this and a {@code restore(state)} factory, so adapters persist plain
 * records and the domain classes carry no persistence annotation.
 */
public interface AggregateState<S extends AggregateState<S>> {

    TenantId tenant();

    EntityId id();

    long version();

    /** A copy with another version; only storage adapters call this. */
    S withVersion(long version);
}
