package org.crmkit.core.inmemory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.TransactionRequiredException;
import org.crmkit.core.spi.ChangeKind;
import org.crmkit.core.spi.ChangeLog;
import org.crmkit.core.spi.ChangeScope;
import org.crmkit.core.spi.FeedHead;
import org.crmkit.core.spi.RecordChange;
import org.crmkit.core.spi.ScopeQuery;

/**
 * The change feed kept in memory. In-memory transactions run one at a time (each holds the write lock), so a change
 * takes its position when it is recorded and a rolled-back one gives it back: no reader ever sees a position before
 * the changes below it have committed.
 */
final class InMemoryChangeLog implements ChangeLog {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** One tenant's feed: its changes in position order, from {@code discardedUpTo + 1} to {@code last}. */
    private static final class TenantFeed {
        final String cursorKey;
        final List<RecordChange> changes = new ArrayList<>();
        final Map<String, Long> consumers = new ConcurrentHashMap<>();
        long last;
        long discardedUpTo;

        TenantFeed(String cursorKey) {
            this.cursorKey = cursorKey;
        }
    }

    private final InMemoryTransactions transactions;
    private final Clock clock;
    /** The current scope of an account of a tenant, {@link ChangeScope#NONE} for none. */
    private final BiFunction<TenantId, UUID, ChangeScope> accountScope;

    private final Map<TenantId, TenantFeed> feeds = new ConcurrentHashMap<>();

    InMemoryChangeLog(
            InMemoryTransactions transactions, Clock clock, BiFunction<TenantId, UUID, ChangeScope> accountScope) {
        this.transactions = transactions;
        this.clock = clock;
        this.accountScope = accountScope;
    }

    /** Records a save or delete of a record in the current transaction; called by the stores. */
    void record(
            TenantId tenant,
            String recordType,
            UUID recordId,
            long version,
            ChangeKind kind,
            UUID mergedInto,
            ChangeScope scope,
            ChangeScope previousScope) {
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("recording a change");
        }
        TenantFeed feed = feed(tenant);
        synchronized (feed) {
            feed.last++;
            feed.changes.add(new RecordChange(
                    tenant,
                    feed.last,
                    recordType,
                    recordId,
                    version,
                    kind,
                    mergedInto,
                    clock.instant(),
                    scope,
                    previousScope));
        }
        transactions.onRollback(() -> {
            synchronized (feed) {
                feed.changes.remove(feed.changes.size() - 1);
                feed.last--;
            }
        });
    }

    @Override
    public List<RecordChange> after(TenantId tenant, long position, Set<String> recordTypes, int limit) {
        Require.noNulls(recordTypes, "recordTypes");
        return matching(
                tenant, position, change -> recordTypes.isEmpty() || recordTypes.contains(change.recordType()), limit);
    }

    @Override
    public List<RecordChange> afterInScope(TenantId tenant, long position, ScopeQuery query, int limit) {
        Require.notNull(query, "query");
        return matching(
                tenant,
                position,
                change -> (query.recordTypes().isEmpty() || query.recordTypes().contains(change.recordType()))
                        && (query.holds(change.scope())
                                || query.holds(change.previousScope())
                                || query.holds(accountScope(tenant, change.scope()))
                                || query.holds(accountScope(tenant, change.previousScope()))),
                limit);
    }

    private ChangeScope accountScope(TenantId tenant, ChangeScope scope) {
        return scope.account() == null ? ChangeScope.NONE : accountScope.apply(tenant, scope.account());
    }

    private List<RecordChange> matching(TenantId tenant, long position, Predicate<RecordChange> wanted, int limit) {
        Require.notNull(tenant, "tenant");
        Require.positive(limit, "limit");
        return transactions.read(() -> {
            TenantFeed feed = feed(tenant);
            synchronized (feed) {
                List<RecordChange> found = new ArrayList<>();
                int first = (int) Math.max(0, position - feed.discardedUpTo);
                for (int i = first; i < feed.changes.size() && found.size() < limit; i++) {
                    RecordChange change = feed.changes.get(i);
                    if (wanted.test(change)) {
                        found.add(change);
                    }
                }
                return found;
            }
        });
    }

    @Override
    public Optional<Instant> lastChangedAt(TenantId tenant, UUID recordId) {
        Require.notNull(tenant, "tenant");
        Require.notNull(recordId, "recordId");
        return transactions.read(() -> {
            TenantFeed feed = feed(tenant);
            synchronized (feed) {
                for (int i = feed.changes.size() - 1; i >= 0; i--) {
                    if (feed.changes.get(i).recordId().equals(recordId)) {
                        return Optional.of(feed.changes.get(i).changedAt());
                    }
                }
                return Optional.empty();
            }
        });
    }

    @Override
    public long sequence(TenantId tenant) {
        return head(tenant).lastPosition();
    }

    @Override
    public FeedHead head(TenantId tenant) {
        Require.notNull(tenant, "tenant");
        return transactions.read(() -> {
            TenantFeed feed = feed(tenant);
            synchronized (feed) {
                return new FeedHead(feed.last, feed.discardedUpTo, feed.cursorKey);
            }
        });
    }

    @Override
    public void recordMerge(TenantId tenant, String recordType, UUID merged, long version, UUID survivor) {
        Require.notNull(tenant, "tenant");
        Require.notBlank(recordType, "recordType");
        Require.notNull(merged, "merged");
        Require.notNull(survivor, "survivor");
        record(tenant, recordType, merged, version, ChangeKind.MERGED, survivor, ChangeScope.NONE, ChangeScope.NONE);
    }

    @Override
    public int discardChangedBefore(TenantId tenant, Instant before) {
        Require.notNull(tenant, "tenant");
        Require.notNull(before, "before");
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("ChangeLog.discardChangedBefore");
        }
        TenantFeed feed = feed(tenant);
        synchronized (feed) {
            int discarded = 0;
            while (discarded < feed.changes.size()
                    && feed.changes.get(discarded).changedAt().isBefore(before)) {
                discarded++;
            }
            List<RecordChange> gone = new ArrayList<>(feed.changes.subList(0, discarded));
            feed.changes.subList(0, discarded).clear();
            feed.discardedUpTo += discarded;
            int count = discarded;
            transactions.onRollback(() -> {
                synchronized (feed) {
                    feed.changes.addAll(0, gone);
                    feed.discardedUpTo -= count;
                }
            });
            return discarded;
        }
    }

    @Override
    public OptionalLong consumerPosition(TenantId tenant, String consumer) {
        Require.notNull(tenant, "tenant");
        Require.notBlank(consumer, "consumer");
        return transactions.read(() -> {
            Long position = feed(tenant).consumers.get(consumer);
            return position == null ? OptionalLong.empty() : OptionalLong.of(position);
        });
    }

    @Override
    public void moveConsumer(TenantId tenant, String consumer, long position) {
        Require.notNull(tenant, "tenant");
        Require.notBlank(consumer, "consumer");
        Require.notNegative(position, "position");
        if (!transactions.isActive()) {
            throw new TransactionRequiredException("ChangeLog.moveConsumer");
        }
        Map<String, Long> consumers = feed(tenant).consumers;
        Long before = consumers.put(consumer, position);
        transactions.onRollback(() -> {
            if (before == null) {
                consumers.remove(consumer);
            } else {
                consumers.put(consumer, before);
            }
        });
    }

    private TenantFeed feed(TenantId tenant) {
        return feeds.computeIfAbsent(tenant, unused -> {
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            return new TenantFeed(HexFormat.of().formatHex(key));
        });
    }
}
