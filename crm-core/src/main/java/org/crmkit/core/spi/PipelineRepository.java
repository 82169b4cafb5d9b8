package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.Pipeline;

/**
 * Stores sales pipelines. Every method takes the tenant and sees only that tenant's pipelines; no argument may be
 * null. Implementations are thread-safe; writes join the caller's transaction.
 */
public interface PipelineRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query ({@code findById} included)
     * answers only the pipelines whose owner is among {@link Visibility#owners()} or that are shared with one of
     * {@link Visibility#grantees()}, filtered in the query itself; everything when {@link
     * Visibility#seesEverything()}. Saves are not restricted (the use cases check changes). The view is as
     * thread-safe as this repository.
     */
    PipelineRepository visibleTo(Visibility visibility);

    Optional<Pipeline> findById(TenantId tenant, PipelineId id);

    /**
     * Stores the pipeline if the stored version equals {@code pipeline.version()} (0 for a new one) and returns the
     * stored copy with the next version; {@code StaleVersionException} on a conflict.
     */
    Pipeline save(Pipeline pipeline);

    /** All pipelines of the tenant (a tenant has few), ordered by name, then id. */
    List<Pipeline> findAll(TenantId tenant);
}
