package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.ForecastSnapshotId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.ForecastScope;
import org.crmkit.core.sales.ForecastSnapshot;
import org.crmkit.core.sales.QuotaPeriod;

/**
 * Stores forecast snapshots. Every method takes the tenant and sees only that tenant's snapshots; no argument may be
 * null. Implementations are thread-safe; writes join the caller's transaction.
 */
public interface ForecastSnapshotRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query ({@code findById} included)
     * answers only the snapshots whose scope names an owner among {@link Visibility#figureUsers()} or a team among
     * {@link Visibility#figureTeams()} (a snapshot of the whole tenant or of a pipeline only names neither), filtered
     * in the query itself; everything when {@link Visibility#seesEverything()}. Saves are not restricted (the use
     * cases check them). The view is as thread-safe as this repository.
     */
    ForecastSnapshotRepository visibleTo(Visibility visibility);

    Optional<ForecastSnapshot> findById(TenantId tenant, ForecastSnapshotId id);

    /**
     * Stores the snapshot if the stored version equals {@code snapshot.version()} (0 for a new one) and returns the
     * stored copy with the next version; {@code StaleVersionException} on a conflict.
     */
    ForecastSnapshot save(ForecastSnapshot snapshot);

    /** The snapshots of exactly this scope and period (any currency), oldest first (by time taken, then id). */
    List<ForecastSnapshot> findFor(TenantId tenant, ForecastScope scope, QuotaPeriod period);
}
