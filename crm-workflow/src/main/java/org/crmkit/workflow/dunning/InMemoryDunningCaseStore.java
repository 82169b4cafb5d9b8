package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.workflow.TransactionRequiredException;

/**
 * Dunning cases and holds in memory, beside an {@link InMemoryStorage} and inside its transactions: a case's change,
 * its planned actions and crmkit's records commit or roll back together. Thread-safe; data lives as long as the
 * instance.
 */
public final class InMemoryDunningCaseStore implements DunningCaseStore {

    private record Key(TenantId tenant, UUID id) {}

    private record GroupKey(TenantId tenant, String group) {}

    private record AccountKey(TenantId tenant, AccountId account) {}

    private record HoldKey(TenantId tenant, RecordRef subject) {}

    private final InMemoryStorage storage;
    private final Map<Key, DunningCaseState> rows = new HashMap<>();
    private final Map<GroupKey, UUID> openByGroup = new HashMap<>();
    private final Map<AccountKey, List<UUID>> byAccount = new HashMap<>();
    private final Map<TenantId, NavigableSet<UUID>> open = new HashMap<>();
    private final Map<HoldKey, DunningHold> holds = new HashMap<>();

    private InMemoryDunningCaseStore(InMemoryStorage storage) {
        this.storage = storage;
    }

    /** A new, empty store that joins the transactions of {@code storage}. */
    public static InMemoryDunningCaseStore create(InMemoryStorage storage) {
        return new InMemoryDunningCaseStore(Require.notNull(storage, "storage"));
    }

    @Override
    public Optional<DunningCase> findById(TenantId tenant, DunningCaseId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return read(
                () -> Optional.ofNullable(rows.get(new Key(tenant, id.value()))).map(DunningCase::restore));
    }

    @Override
    public Optional<DunningCase> findOpenByGroup(TenantId tenant, DunningGroup group) {
        Require.notNull(tenant, "tenant");
        Require.notNull(group, "group");
        return read(() -> Optional.ofNullable(openByGroup.get(new GroupKey(tenant, group.key())))
                .map(id -> DunningCase.restore(rows.get(new Key(tenant, id)))));
    }

    @Override
    public List<DunningCase> findByAccount(TenantId tenant, AccountId account) {
        Require.notNull(tenant, "tenant");
        Require.notNull(account, "account");
        return read(() -> byAccount.getOrDefault(new AccountKey(tenant, account), List.of()).stream()
                .map(id -> DunningCase.restore(rows.get(new Key(tenant, id))))
                .toList());
    }

    @Override
    public List<DunningCase> findOpenByAccounts(TenantId tenant, Collection<AccountId> accounts) {
        Require.notNull(tenant, "tenant");
        Require.noNulls(accounts, "accounts");
        return read(() -> accounts.stream()
                .distinct()
                .flatMap(account -> byAccount.getOrDefault(new AccountKey(tenant, account), List.of()).stream())
                .map(id -> rows.get(new Key(tenant, id)))
                .filter(state -> state.status() == CaseStatus.OPEN)
                .map(DunningCase::restore)
                .toList());
    }

    @Override
    public List<DunningCase> findOpen(TenantId tenant, DunningCaseId after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.positive(limit, "limit");
        return read(() -> {
            NavigableSet<UUID> ids = open.getOrDefault(tenant, new TreeSet<>());
            List<DunningCase> result = new ArrayList<>(Math.min(limit, ids.size()));
            for (UUID id : after == null ? ids : ids.tailSet(after.value(), false)) {
                result.add(DunningCase.restore(rows.get(new Key(tenant, id))));
                if (result.size() == limit) {
                    break;
                }
            }
            return result;
        });
    }

    /** Walks the open cases after {@code after}, asking crmkit's invoices for those of their items. */
    @Override
    public List<DunningCase> findOpenToEvaluate(TenantId tenant, LocalDate today, DunningCaseId after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(today, "today");
        Require.positive(limit, "limit");
        List<DunningCaseState> openAfter = read(() -> {
            NavigableSet<UUID> ids = open.getOrDefault(tenant, new TreeSet<>());
            return (after == null ? ids : ids.tailSet(after.value(), false))
                    .stream().map(id -> rows.get(new Key(tenant, id))).toList();
        });
        List<DunningCase> result = new ArrayList<>();
        for (DunningCaseState state : openAfter) {
            boolean due = state.nextStepOn() != null && !state.nextStepOn().isAfter(today);
            if (due || state.items().stream().anyMatch(item -> invoiceChanged(tenant, item))) {
                result.add(DunningCase.restore(state));
                if (result.size() == limit) {
                    break;
                }
            }
        }
        return result;
    }

    private boolean invoiceChanged(TenantId tenant, CaseItem item) {
        return item.invoiceVersion() == null
                || storage.invoices()
                        .findById(tenant, item.invoice())
                        .map(invoice -> invoice.version() != item.invoiceVersion())
                        .orElse(true);
    }

    /** Pages through crmkit's overdue invoices, leaving out the items of open cases. */
    @Override
    public List<InvoiceOutsideCases> findInvoicesOutsideOpenCases(
            TenantId tenant, LocalDate dueBefore, InvoiceOutsideCases after, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(dueBefore, "dueBefore");
        Require.positive(limit, "limit");
        Set<InvoiceId> inCases = read(() -> open.getOrDefault(tenant, new TreeSet<>()).stream()
                .flatMap(id -> rows.get(new Key(tenant, id)).items().stream())
                .map(CaseItem::invoice)
                .collect(Collectors.toSet()));
        Invoice cursor = after == null
                ? null
                : storage.invoices().findById(tenant, after.invoice()).orElseThrow();
        List<InvoiceOutsideCases> result = new ArrayList<>();
        while (true) {
            List<Invoice> batch = storage.invoices().findOverdueAfter(tenant, dueBefore, cursor, limit);
            for (Invoice invoice : batch) {
                if (!inCases.contains(invoice.id())) {
                    result.add(new InvoiceOutsideCases(
                            invoice.id(), invoice.account(), invoice.dueDate(), invoice.number()));
                    if (result.size() == limit) {
                        return result;
                    }
                }
            }
            if (batch.size() < limit) {
                return result;
            }
            cursor = batch.get(batch.size() - 1);
        }
    }

    @Override
    public DunningCase save(DunningCase dunningCase) {
        DunningCaseState state = Require.notNull(dunningCase, "dunningCase").state();
        requireTransaction();
        Key key = new Key(state.tenant(), state.id().value());
        DunningCaseState old;
        DunningCaseState saved;
        synchronized (this) {
            old = rows.get(key);
            long storedVersion = old == null ? 0 : old.version();
            if (state.version() != storedVersion) {
                if (old == null) {
                    throw new RecordNotFoundException("DunningCase", state.id());
                }
                throw new StaleVersionException("DunningCase", state.id(), state.version(), storedVersion);
            }
            UUID openOfGroup = openByGroup.get(new GroupKey(state.tenant(), state.groupKey()));
            if (state.status() == CaseStatus.OPEN && openOfGroup != null && !openOfGroup.equals(key.id())) {
                throw new DuplicateRecordException("open DunningCase of group", state.groupKey());
            }
            saved = state.withVersion(storedVersion + 1);
            put(key, old, saved);
        }
        storage.onRollback(() -> {
            synchronized (this) {
                put(key, saved, old);
            }
        });
        return DunningCase.restore(saved);
    }

    @Override
    public void putHold(DunningHold hold) {
        Require.notNull(hold, "hold");
        requireTransaction();
        HoldKey key = new HoldKey(hold.tenant(), hold.subject());
        DunningHold old;
        synchronized (this) {
            old = holds.put(key, hold);
        }
        storage.onRollback(() -> restoreHold(key, old));
    }

    @Override
    public boolean removeHold(TenantId tenant, RecordRef subject) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subject, "subject");
        requireTransaction();
        HoldKey key = new HoldKey(tenant, subject);
        DunningHold old;
        synchronized (this) {
            old = holds.remove(key);
        }
        storage.onRollback(() -> restoreHold(key, old));
        return old != null;
    }

    private synchronized void restoreHold(HoldKey key, DunningHold old) {
        if (old == null) {
            holds.remove(key);
        } else {
            holds.put(key, old);
        }
    }

    @Override
    public Optional<DunningHold> findHold(TenantId tenant, RecordRef subject) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subject, "subject");
        return read(() -> Optional.ofNullable(holds.get(new HoldKey(tenant, subject))));
    }

    @Override
    public List<DunningHold> findHolds(TenantId tenant, Collection<RecordRef> subjects) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subjects, "subjects");
        return read(() -> subjects.stream()
                .distinct()
                .map(subject -> holds.get(new HoldKey(tenant, subject)))
                .filter(Objects::nonNull)
                .toList());
    }

    @Override
    public List<DunningCase> findByIds(TenantId tenant, Collection<DunningCaseId> ids) {
        Require.notNull(tenant, "tenant");
        Require.noNulls(ids, "ids");
        return read(() -> ids.stream()
                .distinct()
                .map(id -> rows.get(new Key(tenant, id.value())))
                .filter(Objects::nonNull)
                .map(DunningCase::restore)
                .toList());
    }

    private void requireTransaction() {
        if (!storage.transactions().isActive()) {
            throw new TransactionRequiredException("writes to dunning cases");
        }
    }

    private <T> T read(Supplier<T> query) {
        return storage.readCommitted(() -> {
            synchronized (this) {
                return query.get();
            }
        });
    }

    /** Replaces a row (null: absent) and keeps the group, account and open indexes in step. */
    private void put(Key key, DunningCaseState old, DunningCaseState replacement) {
        if (old != null && old.status() == CaseStatus.OPEN) {
            openByGroup.remove(new GroupKey(key.tenant(), old.groupKey()));
            open.getOrDefault(key.tenant(), new TreeSet<>()).remove(key.id());
        }
        if (replacement == null) {
            rows.remove(key);
            if (old != null) {
                byAccount
                        .getOrDefault(new AccountKey(key.tenant(), old.account()), new ArrayList<>())
                        .remove(key.id());
            }
            return;
        }
        rows.put(key, replacement);
        if (old == null) {
            byAccount
                    .computeIfAbsent(new AccountKey(key.tenant(), replacement.account()), k -> new ArrayList<>())
                    .add(key.id());
        }
        if (replacement.status() == CaseStatus.OPEN) {
            openByGroup.put(new GroupKey(key.tenant(), replacement.groupKey()), key.id());
            open.computeIfAbsent(key.tenant(), t -> new TreeSet<>()).add(key.id());
        }
    }
}
