package org.crmkit.core.spi;

import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.SegmentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.marketing.Segment;

/** Stores segments. All arguments are required; queries see only the given tenant's segments. Thread-safe. */
public interface SegmentRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query ({@code findById} included)
     * answers only the segments whose owner is among {@link Visibility#owners()} or that are shared with one of
     * {@link Visibility#grantees()}, filtered in the query itself (a page holds as many as asked for, its total
     * counts visible segments only); everything when {@link Visibility#seesEverything()}. Saves and deletes are not
     * restricted (the use cases check changes). The view is as thread-safe as this repository.
     */
    SegmentRepository visibleTo(Visibility visibility);

    Optional<Segment> findById(TenantId tenant, SegmentId id);

    /** Optimistic save as in {@link ContactRepository#save}. */
    Segment save(Segment segment);

    /** Deletes the segment if it exists with the given version; false when it does not exist for the tenant. */
    boolean delete(TenantId tenant, SegmentId id, long expectedVersion);

    /** All segments, by name ignoring case, then id. */
    Page<Segment> findAll(TenantId tenant, PageRequest page);
}
