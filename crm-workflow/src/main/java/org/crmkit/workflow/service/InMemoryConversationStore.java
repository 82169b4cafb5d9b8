package org.crmkit.workflow.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.crmkit.core.common.CaseId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.workflow.TransactionRequiredException;

/**
 * Case conversations in memory, beside an {@link InMemoryStorage} and inside its transactions. Thread-safe; data
 * lives as long as the instance.
 */
public final class InMemoryConversationStore implements ConversationStore {

    private record Key(TenantId tenant, CaseId caseId) {}

    private static final Comparator<CaseConversation> BY_OPENING = Comparator.comparing(CaseConversation::openedAt)
            .thenComparing(conversation -> conversation.caseId().value());

    private final InMemoryStorage storage;
    private final Map<Key, CaseConversation> rows = new HashMap<>();

    private InMemoryConversationStore(InMemoryStorage storage) {
        this.storage = storage;
    }

    /** A new, empty store that joins the transactions of {@code storage}. */
    public static InMemoryConversationStore create(InMemoryStorage storage) {
        return new InMemoryConversationStore(Require.notNull(storage, "storage"));
    }

    @Override
    public CaseConversation add(CaseConversation conversation) {
        Require.notNull(conversation, "conversation");
        Require.that(conversation.version() == 0, "conversation.version", "must be 0 for a new conversation");
        requireTransaction();
        Key key = new Key(conversation.tenant(), conversation.caseId());
        CaseConversation stored = conversation.withVersion(1);
        synchronized (this) {
            if (rows.containsKey(key)) {
                throw new DuplicateRecordException(
                        "CaseConversation", conversation.caseId().toString());
            }
            if (find(conversation.tenant(), other -> other.reference().equals(conversation.reference()))
                    .isPresent()) {
                throw new DuplicateRecordException("CaseConversation reference", conversation.reference());
            }
            rows.put(key, stored);
        }
        storage.onRollback(() -> {
            synchronized (this) {
                rows.remove(key);
            }
        });
        return stored;
    }

    @Override
    public CaseConversation update(CaseConversation conversation) {
        Require.notNull(conversation, "conversation");
        requireTransaction();
        Key key = new Key(conversation.tenant(), conversation.caseId());
        CaseConversation old;
        CaseConversation stored;
        synchronized (this) {
            old = rows.get(key);
            if (old == null) {
                throw new RecordNotFoundException("CaseConversation", conversation.caseId());
            }
            if (old.version() != conversation.version()) {
                throw new StaleVersionException(
                        "CaseConversation", conversation.caseId(), conversation.version(), old.version());
            }
            stored = conversation.withVersion(old.version() + 1);
            rows.put(key, stored);
        }
        storage.onRollback(() -> {
            synchronized (this) {
                rows.put(key, old);
            }
        });
        return stored;
    }

    @Override
    public Optional<CaseConversation> findByCase(TenantId tenant, CaseId caseId) {
        Require.notNull(tenant, "tenant");
        Require.notNull(caseId, "caseId");
        return read(() -> Optional.ofNullable(rows.get(new Key(tenant, caseId))));
    }

    @Override
    public Optional<CaseConversation> findByReference(TenantId tenant, String reference) {
        Require.notNull(tenant, "tenant");
        Require.notNull(reference, "reference");
        return read(() -> find(tenant, conversation -> conversation.reference().equals(reference)));
    }

    @Override
    public List<CaseConversation> findDue(TenantId tenant, Instant asOf, int limit) {
        Require.notNull(tenant, "tenant");
        Require.notNull(asOf, "asOf");
        Require.positive(limit, "limit");
        return read(() -> rows.values().stream()
                .filter(conversation -> conversation.tenant().equals(tenant))
                .filter(conversation -> conversation
                        .nextCheckAt()
                        .filter(at -> !at.isAfter(asOf))
                        .isPresent())
                .sorted(Comparator.comparing((CaseConversation conversation) ->
                                conversation.nextCheckAt().orElseThrow())
                        .thenComparing(conversation -> conversation.caseId().value()))
                .limit(limit)
                .toList());
    }

    @Override
    public List<CaseConversation> findOpenedBetween(TenantId tenant, Instant from, Instant to) {
        Require.notNull(tenant, "tenant");
        Require.notNull(from, "from");
        Require.notNull(to, "to");
        return read(() -> rows.values().stream()
                .filter(conversation -> conversation.tenant().equals(tenant))
                .filter(conversation -> !conversation.openedAt().isBefore(from)
                        && conversation.openedAt().isBefore(to))
                .sorted(BY_OPENING)
                .toList());
    }

    private Optional<CaseConversation> find(TenantId tenant, Predicate<CaseConversation> condition) {
        return rows.values().stream()
                .filter(conversation -> conversation.tenant().equals(tenant) && condition.test(conversation))
                .findFirst();
    }

    private <T> T read(Supplier<T> query) {
        return storage.readCommitted(() -> {
            synchronized (this) {
                return query.get();
            }
        });
    }

    private void requireTransaction() {
        if (!storage.transactions().isActive()) {
            throw new TransactionRequiredException("writes to case conversations");
        }
    }
}
