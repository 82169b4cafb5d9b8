package org.crmkit.core.inmemory;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.privacy.FieldChange;
import org.crmkit.core.privacy.Identifiers;
import org.crmkit.core.spi.AuditTrail;

/** The audit trail in memory: entries by id, changes undone when the transaction rolls back. */
final class InMemoryAuditTrail implements AuditTrail {

    private static final Comparator<FieldChange> NEWEST_FIRST = Comparator.comparing(FieldChange::changedAt)
            .thenComparing(FieldChange::id)
            .reversed();

    private final InMemoryTransactions transactions;
    private final Map<UUID, FieldChange> entries = new LinkedHashMap<>();

    InMemoryAuditTrail(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void record(List<FieldChange> changes) {
        Require.noNulls(changes, "changes");
        requireTransaction("AuditTrail.record");
        for (FieldChange change : changes) {
            synchronized (this) {
                if (entries.containsKey(change.id())) {
                    throw new DuplicateRecordException("FieldChange", change.id());
                }
                entries.put(change.id(), change);
            }
            transactions.onRollback(() -> forget(change.id()));
        }
    }

    @Override
    public Page<FieldChange> history(TenantId tenant, RecordRef record, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(record, "record");
        Require.notNull(page, "page");
        return transactions.read(() -> {
            synchronized (this) {
                List<FieldChange> matches = entries.values().stream()
                        .filter(entry ->
                                entry.tenant().equals(tenant) && entry.record().equals(record))
                        .sorted(NEWEST_FIRST)
                        .toList();
                return Page.of(matches, page);
            }
        });
    }

    @Override
    public int eraseValues(TenantId tenant, Collection<RecordRef> records, Collection<String> identifiers) {
        Require.notNull(tenant, "tenant");
        Set<RecordRef> erased = Set.copyOf(Require.noNulls(records, "records"));
        List<String> mentioned = List.copyOf(Require.noNulls(identifiers, "identifiers"));
        requireTransaction("AuditTrail.eraseValues");
        int changed = 0;
        synchronized (this) {
            for (FieldChange entry : List.copyOf(entries.values())) {
                boolean holdsData = entry.tenant().equals(tenant)
                        && !entry.valuesErased()
                        && (erased.contains(entry.record())
                                || Identifiers.mentionedIn(entry.oldValue(), mentioned)
                                || Identifiers.mentionedIn(entry.newValue(), mentioned));
                if (holdsData) {
                    entries.put(entry.id(), entry.withValuesErased());
                    transactions.onRollback(() -> restore(entry));
                    changed++;
                }
            }
        }
        return changed;
    }

    private void requireTransaction(String what) {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException(what);
        }
    }

    private synchronized void forget(UUID id) {
        entries.remove(id);
    }

    private synchronized void restore(FieldChange entry) {
        entries.put(entry.id(), entry);
    }
}
