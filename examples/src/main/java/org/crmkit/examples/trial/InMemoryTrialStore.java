package org.crmkit.examples.trial;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.workflow.TransactionRequiredException;

/**
 * Trials in memory, inside the transactions of an {@link InMemoryStorage}: a save registers its undo with
 * {@link InMemoryStorage#onRollback}, and reads go through {@link InMemoryStorage#readCommitted}, as crmkit's own
 * in-memory stores do. Thread-safe; data lives as long as the instance.
 */
public final class InMemoryTrialStore implements TrialStore {

    private record Key(TenantId tenant, UUID id) {}

    private static final Comparator<Trial> BY_END =
            Comparator.comparing(Trial::endsOn).thenComparing(Trial::id);

    private final InMemoryStorage storage;
    private final Map<Key, Trial> rows = new HashMap<>();

    private InMemoryTrialStore(InMemoryStorage storage) {
        this.storage = storage;
    }

    /** A new, empty store that joins the transactions of {@code storage}. */
    public static InMemoryTrialStore create(InMemoryStorage storage) {
        return new InMemoryTrialStore(Require.notNull(storage, "storage"));
    }

    @Override
    public Trial save(Trial trial) {
        Require.notNull(trial, "trial");
        if (!storage.transactions().isActive()) {
            throw new TransactionRequiredException("writes to the trial store");
        }
        Key key = new Key(trial.tenant(), trial.id());
        Trial stored = trial.withVersion(trial.version() + 1);
        Trial before;
        synchronized (this) {
            before = rows.get(key);
            long storedVersion = before == null ? 0 : before.version();
            if (before == null && trial.version() != 0) {
                throw new RecordNotFoundException("Trial", trial.id());
            }
            if (storedVersion != trial.version()) {
                throw new StaleVersionException("Trial", trial.id(), trial.version(), storedVersion);
            }
            rows.put(key, stored);
        }
        storage.onRollback(() -> {
            synchronized (this) {
                if (before == null) {
                    rows.remove(key);
                } else {
                    rows.put(key, before);
                }
            }
        });
        return stored;
    }

    @Override
    public Optional<Trial> find(TenantId tenant, UUID id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return read(() -> Optional.ofNullable(rows.get(new Key(tenant, id))));
    }

    @Override
    public List<Trial> findRunning(TenantId tenant, AccountId account) {
        Require.notNull(account, "account");
        return query(tenant, trial -> trial.account().equals(account), Integer.MAX_VALUE);
    }

    @Override
    public List<Trial> findRunningEndingBy(TenantId tenant, LocalDate day, int limit) {
        Require.notNull(day, "day");
        return query(tenant, trial -> !trial.endsOn().isAfter(day), Require.positive(limit, "limit"));
    }

    private List<Trial> query(TenantId tenant, Predicate<Trial> filter, int limit) {
        Require.notNull(tenant, "tenant");
        return read(() -> rows.values().stream()
                .filter(trial -> trial.tenant().equals(tenant) && trial.status().isRunning() && filter.test(trial))
                .sorted(BY_END)
                .limit(limit)
                .toList());
    }

    private <T> T read(Supplier<T> query) {
        return storage.readCommitted(() -> {
            synchronized (this) {
                return query.get();
            }
        });
    }
}
