package org.crmkit.workflow.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.privacy.Identifiers;
import org.crmkit.workflow.TransactionRequiredException;
import org.crmkit.workflow.action.Action;
import org.crmkit.workflow.action.ActionId;
import org.crmkit.workflow.action.ActionStatus;
import org.crmkit.workflow.action.ActionStore;

/**
 * The action outbox in memory, inside the transactions of an {@link InMemoryStorage}: pending actions are indexed
 * by their next attempt, so a dispatcher finds due work without scanning delivered history.
 */
final class InMemoryActionStore implements ActionStore {

    private record Key(TenantId tenant, UUID id) {}

    private record DedupKey(TenantId tenant, String key) {}

    private record SubjectKey(TenantId tenant, String subject) {}

    private record Due(TenantId tenant, Instant at, UUID id) {}

    private static final Comparator<Due> DUE_ORDER = Comparator.comparing(
                    (Due d) -> d.tenant().value())
            .thenComparing(Due::at)
            .thenComparing(Due::id);

    private final InMemoryStorage storage;
    private final Map<Key, Action> rows = new HashMap<>();
    private final Map<DedupKey, UUID> byDedupKey = new HashMap<>();
    private final Map<SubjectKey, Set<UUID>> pendingBySubject = new HashMap<>();
    private final NavigableSet<Due> pendingByDue = new TreeSet<>(DUE_ORDER);

    InMemoryActionStore(InMemoryStorage storage) {
        this.storage = storage;
    }

    @Override
    public boolean add(Action action) {
        Require.notNull(action, "action");
        Require.that(action.version() == 0, "action.version", "must be 0 for a new action, was " + action.version());
        requireTransaction();
        DedupKey dedup = new DedupKey(action.tenant(), action.deduplicationKey());
        synchronized (this) {
            if (byDedupKey.containsKey(dedup)) {
                return false;
            }
            Action stored = action.withVersion(1);
            put(stored.tenant(), stored.id().value(), null, stored);
            byDedupKey.put(dedup, stored.id().value());
        }
        storage.onRollback(() -> {
            synchronized (this) {
                byDedupKey.remove(dedup);
                put(
                        action.tenant(),
                        action.id().value(),
                        rows.get(new Key(action.tenant(), action.id().value())),
                        null);
            }
        });
        return true;
    }

    @Override
    public Action update(Action action) {
        Require.notNull(action, "action");
        requireTransaction();
        Key key = new Key(action.tenant(), action.id().value());
        Action old;
        Action stored;
        synchronized (this) {
            old = rows.get(key);
            if (old == null) {
                throw new RecordNotFoundException("Action", action.id());
            }
            if (old.version() != action.version()) {
                throw new StaleVersionException("Action", action.id(), action.version(), old.version());
            }
            stored = action.withVersion(old.version() + 1);
            put(key.tenant(), key.id(), old, stored);
        }
        storage.onRollback(() -> {
            synchronized (this) {
                put(key.tenant(), key.id(), stored, old);
            }
        });
        return stored;
    }

    @Override
    public Optional<Action> findById(TenantId tenant, ActionId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return read(() -> Optional.ofNullable(rows.get(new Key(tenant, id.value()))));
    }

    @Override
    public Optional<Action> findByKey(TenantId tenant, String deduplicationKey) {
        Require.notNull(tenant, "tenant");
        Require.notNull(deduplicationKey, "deduplicationKey");
        return read(() -> Optional.ofNullable(byDedupKey.get(new DedupKey(tenant, deduplicationKey)))
                .map(id -> rows.get(new Key(tenant, id))));
    }

    @Override
    public List<Action> findClaimable(TenantId tenant, Instant now, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(now, "now");
        Require.positive(limit, "limit");
        return read(() -> {
            List<Action> result = new ArrayList<>();
            for (Due due : pendingByDue.subSet(
                    new Due(tenant, Instant.MIN, new UUID(Long.MIN_VALUE, Long.MIN_VALUE)),
                    true,
                    new Due(tenant, now, new UUID(Long.MAX_VALUE, Long.MAX_VALUE)),
                    true)) {
                Action action = rows.get(new Key(tenant, due.id()));
                if (action.isClaimable(now)) {
                    result.add(action);
                    if (result.size() == limit) {
                        break;
                    }
                }
            }
            return result;
        });
    }

    @Override
    public List<Action> findPendingBySubject(TenantId tenant, String subject) {
        Require.notNull(tenant, "tenant");
        Require.notNull(subject, "subject");
        return read(() -> pendingBySubject.getOrDefault(new SubjectKey(tenant, subject), Set.of()).stream()
                .map(id -> rows.get(new Key(tenant, id)))
                .sorted(Comparator.comparing(Action::createdAt).thenComparing(a -> a.id().value()))
                .toList());
    }

    @Override
    public Page<Action> findByStatus(TenantId tenant, ActionStatus status, PageRequest page) {
        Require.notNull(tenant, "tenant");
        Require.notNull(status, "status");
        Require.notNull(page, "page");
        return read(() -> Page.of(
                rows.values().stream()
                        .filter(a -> a.tenant().equals(tenant) && a.status() == status)
                        .sorted(Comparator.comparing(Action::createdAt).thenComparing(a -> a.id().value()))
                        .toList(),
                page));
    }

    @Override
    public List<Action> findMentioning(TenantId tenant, Collection<String> identifiers) {
        Require.notNull(tenant, "tenant");
        List<String> wanted = List.copyOf(Require.noNulls(identifiers, "identifiers"));
        return read(() -> rows.values().stream()
                .filter(a -> a.tenant().equals(tenant))
                .filter(a -> Identifiers.mentionedIn(a.subject(), wanted)
                        || Identifiers.mentionedIn(a.deduplicationKey(), wanted)
                        || Identifiers.mentionedIn(a.payload().toString(), wanted)
                        || Identifiers.mentionedIn(a.lastError(), wanted))
                .sorted(Comparator.comparing(Action::createdAt).thenComparing(a -> a.id().value()))
                .toList());
    }

    /** Transactions in memory are serializable, so a transaction that would wait for the lock waits anyway. */
    @Override
    public void lock(TenantId tenant, Collection<RecordRef> records) {
        Require.notNull(tenant, "tenant");
        Require.notNull(records, "records");
        requireTransaction();
    }

    private void requireTransaction() {
        if (!storage.transactions().isActive()) {
            throw new TransactionRequiredException("writes to the workflow outbox");
        }
    }

    private <T> T read(Supplier<T> query) {
        return storage.readCommitted(() -> {
            synchronized (this) {
                return query.get();
            }
        });
    }

    /** Replaces a row and keeps the indexes of pending actions in step; null stands for "absent". */
    private void put(TenantId tenant, UUID id, Action old, Action replacement) {
        Key key = new Key(tenant, id);
        if (old != null && old.status() == ActionStatus.PENDING) {
            pendingByDue.remove(new Due(tenant, old.nextAttemptAt(), id));
            SubjectKey subject = new SubjectKey(tenant, old.subject());
            Set<UUID> ids = pendingBySubject.get(subject);
            if (ids != null) {
                ids.remove(id);
                if (ids.isEmpty()) {
                    pendingBySubject.remove(subject);
                }
            }
        }
        if (replacement == null) {
            rows.remove(key);
            return;
        }
        rows.put(key, replacement);
        if (replacement.status() == ActionStatus.PENDING) {
            pendingByDue.add(new Due(tenant, replacement.nextAttemptAt(), id));
            pendingBySubject
                    .computeIfAbsent(new SubjectKey(tenant, replacement.subject()), s -> new LinkedHashSet<>())
                    .add(id);
        }
    }
}
