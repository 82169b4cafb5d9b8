package org.crmkit.core.spi;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.QuotaId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.sales.Quota;
import org.crmkit.core.sales.QuotaHolder;
import org.crmkit.core.sales.QuotaPeriod;

/**
 * Stores quotas. Every method takes the tenant and sees only that tenant's quotas; no argument may be null.
 * Implementations are thread-safe; writes join the caller's transaction.
 */
public interface QuotaRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query ({@code findById} included)
     * answers only the quotas of a user among {@link Visibility#figureUsers()} or of a team among {@link
     * Visibility#figureTeams()}, filtered in the query itself; everything when {@link Visibility#seesEverything()}.
     * Saves are not restricted (the use cases check changes). The view is as thread-safe as this repository.
     */
    QuotaRepository visibleTo(Visibility visibility);

    Optional<Quota> findById(TenantId tenant, QuotaId id);

    /**
     * Stores the quota if the stored version equals {@code quota.version()} (0 for a new one) and returns the stored
     * copy with the next version; {@code StaleVersionException} on a conflict.
     */
    Quota save(Quota quota);

    /** The quota of the holder for exactly this period. */
    Optional<Quota> findFor(TenantId tenant, QuotaHolder holder, QuotaPeriod period);

    /** The holder's quotas, ordered by the period's first month, then last month. */
    List<Quota> findByHolder(TenantId tenant, QuotaHolder holder);

    /** Quotas whose period overlaps {@code period}, ordered by first month, then last month, then id. */
    List<Quota> findOverlapping(TenantId tenant, QuotaPeriod period);
}
