package org.crmkit.core.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.access.Visibility;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.OpportunityId;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PipelineId;
import org.crmkit.core.common.StageId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.sales.DealTotal;
import org.crmkit.core.sales.Opportunity;

/**
 * Stores opportunities. Every method takes the tenant and sees only that tenant's opportunities; no argument may be
 * null. Unless said otherwise, lists are ordered by expected close date (deals without one last), then id.
 * Implementations are thread-safe; writes join the caller's transaction.
 */
public interface OpportunityRepository {

    /**
     * This repository as the user of {@code visibility} may read it: every query ({@code findById} and every
     * lookup included) answers only the opportunities that user may see, filtered in the query itself, so that a page holds
     * as many visible records as asked for and counts count visible records only. Visible is a opportunity whose owner is
     * among {@link Visibility#owners()}, or that is shared with one of {@link Visibility#grantees()} ({@link
     * RecordShareRepository}); everything when {@link Visibility#seesEverything()}. Saves and deletes are
     * not restricted (the use cases check changes). The view is as thread-safe as this repository.
     */
    OpportunityRepository visibleTo(Visibility visibility);

    Optional<Opportunity> findById(TenantId tenant, OpportunityId id);

    /**
     * The opportunity that carries the reference of another system, found by one indexed lookup. No two
     * opportunities of a tenant carry one reference: {@link #save} refuses the second with a
     * {@code DuplicateRecordException} naming the reference.
     */
    Optional<Opportunity> findByExternalRef(TenantId tenant, ExternalRef ref);

    /**
     * Stores the opportunity if the stored version equals {@code opportunity.version()} (0 for a new one) and
     * returns the stored copy with the next version; {@code StaleVersionException} on a conflict.
     */
    Opportunity save(Opportunity opportunity);

    /** The owner's opportunities, open and closed. */
    Page<Opportunity> findByOwner(TenantId tenant, UserId owner, PageRequest page);

    /** The account's opportunities, open and closed, ordered by creation time, then id. */
    List<Opportunity> findByAccount(TenantId tenant, AccountId account);

    /** The open opportunities of a pipeline. */
    Page<Opportunity> findOpenInPipeline(TenantId tenant, PipelineId pipeline, PageRequest page);

    /** Open opportunities expected to close between {@code from} and {@code to}, both inclusive. */
    Page<Opportunity> findClosingBetween(TenantId tenant, LocalDate from, LocalDate to, PageRequest page);

    /** The opportunities currently in the stage (open, or won/lost for a closing stage). */
    Page<Opportunity> findByStage(TenantId tenant, StageId stage, PageRequest page);

    /**
     * The pipeline's deals closed (won or lost) from {@code from} (inclusive) to {@code to} (exclusive) by their close
     * time, ordered by close time, then id. Reads only those deals (an index by pipeline and close time), not the
     * pipeline's other closed deals.
     */
    Page<Opportunity> findClosedInPipeline(
            TenantId tenant, PipelineId pipeline, Instant from, Instant to, PageRequest page);

    /**
     * The deals a forecast of a period counts, summed by the storage: the open deals expected to close from {@code
     * from} to {@code to} (both inclusive) and the deals won from {@code wonFrom} (inclusive) to {@code wonTo}
     * (exclusive), those with an amount only, grouped by pipeline, stage, owner, status, currency and probability
     * override, in no particular order. Reads only those deals, not the lost ones nor those won in other periods; a
     * {@code visibleTo} view sums the visible deals only.
     */
    List<DealTotal> forecastTotals(TenantId tenant, LocalDate from, LocalDate to, Instant wonFrom, Instant wonTo);
}
