package org.crmkit.examples.trial;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.TenantId;

/**
 * The example workflow's own store, kept beside crmkit's storage and inside its transactions, so that a trial's
 * change, the actions planned for it and crmkit's records commit or roll back together. Writes require an active
 * transaction of that storage; every read sees only the given tenant's trials. Implementations are thread-safe:
 * {@link InMemoryTrialStore} beside an {@code InMemoryStorage}, {@link JpaTrialStore} beside a {@code JpaStorage}.
 */
public interface TrialStore {

    /**
     * Stores a new trial (version 0) and returns it with version 1, or saves a changed one if its version equals
     * the stored one and returns it with the next version; {@code StaleVersionException} when another transaction
     * saved it first, {@code RecordNotFoundException} for a changed trial that is not stored.
     */
    Trial save(Trial trial);

    Optional<Trial> find(TenantId tenant, UUID id);

    /** The running trials of the account, oldest end first. */
    List<Trial> findRunning(TenantId tenant, AccountId account);

    /** Up to {@code limit} running trials that end on {@code day} or before, by end day then id. */
    List<Trial> findRunningEndingBy(TenantId tenant, LocalDate day, int limit);
}
