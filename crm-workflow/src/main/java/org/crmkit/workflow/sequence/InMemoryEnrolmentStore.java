package org.crmkit.workflow.sequence;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.workflow.TransactionRequiredException;

/**
 * Follow-up sequence enrolments in memory, inside the transactions of an {@link InMemoryStorage}: a change rolls
 * back with the transaction that made it. Thread-safe; data lives as long as the instance.
 */
public final class InMemoryEnrolmentStore implements EnrolmentStore {

    private record Key(TenantId tenant, UUID id) {}

    private static final Comparator<Enrolment> BY_DUE =
            Comparator.comparing(Enrolment::nextStepAt).thenComparing(e -> e.id().value());

    private final InMemoryStorage storage;
    private final Map<Key, Enrolment> rows = new HashMap<>();

    private InMemoryEnrolmentStore(InMemoryStorage storage) {
        this.storage = storage;
    }

    /** A new, empty store that joins the transactions of {@code storage}. */
    public static InMemoryEnrolmentStore create(InMemoryStorage storage) {
        return new InMemoryEnrolmentStore(Require.notNull(storage, "storage"));
    }

    @Override
    public Optional<Enrolment> add(Enrolment enrolment) {
        Require.notNull(enrolment, "enrolment");
        Require.that(
                enrolment.version() == 0,
                "enrolment.version",
                "must be 0 for a new enrolment, was " + enrolment.version());
        requireTransaction();
        Key key = new Key(enrolment.tenant(), enrolment.id().value());
        Enrolment stored = enrolment.withVersion(1);
        synchronized (this) {
            boolean running = rows.values().stream()
                    .anyMatch(e -> e.tenant().equals(enrolment.tenant())
                            && e.contact().equals(enrolment.contact())
                            && e.sequence().equals(enrolment.sequence())
                            && e.status().isRunning());
            if (running) {
                return Optional.empty();
            }
            rows.put(key, stored);
        }
        storage.onRollback(() -> {
            synchronized (this) {
                rows.remove(key);
            }
        });
        return Optional.of(stored);
    }

    @Override
    public Enrolment update(Enrolment enrolment) {
        Require.notNull(enrolment, "enrolment");
        requireTransaction();
        Key key = new Key(enrolment.tenant(), enrolment.id().value());
        Enrolment old;
        Enrolment stored;
        synchronized (this) {
            old = rows.get(key);
            if (old == null) {
                throw new RecordNotFoundException("Enrolment", enrolment.id());
            }
            if (old.version() != enrolment.version()) {
                throw new StaleVersionException("Enrolment", enrolment.id(), enrolment.version(), old.version());
            }
            stored = enrolment.withVersion(old.version() + 1);
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
    public Optional<Enrolment> findById(TenantId tenant, EnrolmentId id) {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        return read(() -> Optional.ofNullable(rows.get(new Key(tenant, id.value()))));
    }

    @Override
    public List<Enrolment> findRunning(TenantId tenant, ContactId contact) {
        Require.notNull(contact, "contact");
        return query(
                tenant,
                e -> e.contact().equals(contact) && e.status().isRunning(),
                Comparator.comparing(Enrolment::enrolledAt).thenComparing(e -> e.id().value()),
                Integer.MAX_VALUE);
    }

    @Override
    public List<Enrolment> findDue(TenantId tenant, Instant asOf, int limit) {
        Require.notNull(asOf, "asOf");
        Require.positive(limit, "limit");
        return query(
                tenant,
                e -> e.status() == EnrolmentStatus.ACTIVE && !e.nextStepAt().isAfter(asOf),
                BY_DUE,
                limit);
    }

    @Override
    public List<Enrolment> findWaitingForTask(TenantId tenant) {
        return query(
                tenant,
                e -> e.status() == EnrolmentStatus.WAITING_FOR_TASK,
                Comparator.comparing(e -> e.id().value()),
                Integer.MAX_VALUE);
    }

    private List<Enrolment> query(
            TenantId tenant, Predicate<Enrolment> filter, Comparator<Enrolment> order, int limit) {
        Require.notNull(tenant, "tenant");
        return read(() -> rows.values().stream()
                .filter(e -> e.tenant().equals(tenant) && filter.test(e))
                .sorted(order)
                .limit(limit)
                .toList());
    }

    private void requireTransaction() {
        if (!storage.transactions().isActive()) {
            throw new TransactionRequiredException("writes to the enrolment store");
        }
    }

    private <T> T read(Supplier<T> query) {
        return storage.readCommitted(() -> {
            synchronized (this) {
                return query.get();
            }
        });
    }
}
