package org.crmkit.core.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.Pipeline;
import org.crmkit.core.sales.PipelineState;
import org.crmkit.core.spi.PipelineRepository;

final class InMemoryPipelineRepository implements PipelineRepository {

    private final VersionedStore<PipelineState> store;
    private final InMemoryRecordShareRepository shares;

    InMemoryPipelineRepository(InMemoryTransactions transactions, InMemoryRecordShareRepository shares) {
        this.store = new VersionedStore<>("Pipeline", transactions);
        this.shares = shares;
    }

    private InMemoryPipelineRepository(InMemoryPipelineRepository all, VersionedStore<PipelineState> visible) {
        this.store = visible;
        this.shares = all.shares;
    }

    @Override
    public PipelineRepository visibleTo(Visibility visibility) {
        return new InMemoryPipelineRepository(
                this,
                store.restrictedTo(shares.visibleTo(
                        visibility,
                        PipelineState::tenant,
                        state -> RecordRef.of(RecordType.PIPELINE, state.id()),
                        PipelineState::owner,
                        state -> null)));
    }

    @Override
    public Optional<Pipeline> findById(TenantId tenant, PipelineId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return store.find(tenant, id).map(Pipeline::restore);
    }

    @Override
    public Pipeline save(Pipeline pipeline) {
        return Pipeline.restore(store.save(Require.notNull(pipeline, "pipeline").state()));
    }

    @Override
    public List<Pipeline> findAll(TenantId tenant) {
        Require.notNull(tenant, "tenant");
        return store
                .query(
                        tenant,
                        s -> true,
                        Comparator.comparing(PipelineState::name).thenComparing(s -> s.id().value()))
                .stream()
                .map(Pipeline::restore)
                .toList();
    }
}
