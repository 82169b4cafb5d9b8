package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Segment;
import org.crmkit.core.marketing.SegmentState;
import org.crmkit.core.spi.SegmentRepository;

/** Segments in memory. */
final class InMemorySegmentRepository implements SegmentRepository {

    private static final Comparator<SegmentState> BY_NAME = Comparator.comparing(
                    (SegmentState state) -> state.name().toLowerCase(Locale.ROOT))
            .thenComparing(state -> state.id().value());

    private final VersionedStore<SegmentState> store;
    private final InMemoryRecordShareRepository shares;

    InMemorySegmentRepository(InMemoryTransactions transactions, InMemoryRecordShareRepository shares) {
        this.store = new VersionedStore<>("Segment", transactions);
        this.shares = shares;
    }

    private InMemorySegmentRepository(InMemorySegmentRepository all, VersionedStore<SegmentState> visible) {
        this.store = visible;
        this.shares = all.shares;
    }

    @Override
    public SegmentRepository visibleTo(Visibility visibility) {
        return new InMemorySegmentRepository(
                this,
                store.restrictedTo(shares.visibleTo(
                        visibility,
                        SegmentState::tenant,
                        state -> RecordRef.of(RecordType.SEGMENT, state.id()),
                        SegmentState::owner,
                        state -> null)));
    }

    @Override
    public Optional<Segment> findById(TenantId tenant, SegmentId id) {
        return store.find(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"))
                .map(Segment::restore);
    }

    @Override
    public Segment save(Segment segment) {
        return Segment.restore(store.save(Require.notNull(segment, "segment").state()));
    }

    @Override
    public boolean delete(TenantId tenant, SegmentId id, long expectedVersion) {
        return store.delete(Require.notNull(tenant, "tenant"), Require.notNull(id, "id"), expectedVersion);
    }

    @Override
    public Page<Segment> findAll(TenantId tenant, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(page, "page");
        return Page.of(
                store.query(tenant, state -> true, BY_NAME).stream()
                        .map(Segment::restore)
                        .toList(),
                page);
    }
}
