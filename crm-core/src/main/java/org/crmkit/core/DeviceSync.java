package org.crmkit.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.access.Territory;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.feed.ChangeBatch;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.party.Account;
import org.crmkit.core.spi.RecordChange;
import org.crmkit.core.sync.ChangeResult;
import org.crmkit.core.sync.ConflictPolicies;
import org.crmkit.core.sync.DeviceChange;
import org.crmkit.core.sync.FieldConflict;
import org.crmkit.core.sync.InitialSyncPage;
import org.crmkit.core.sync.Subscription;
import org.crmkit.core.sync.SyncOutcome;

/**
 * What a salesperson's device receives: its {@link Subscription}'s slice of the calling tenant's records, first whole
 * ({@link #initialSync}, page by page) and then only what changed in it ({@link #changesSince}), from the change feed.
 * A record that left the slice (its account moved to another territory, reassigned, closed, deleted) arrives as a
 * {@link FeedItem.Removed}, so that the device deletes it; a record that entered it arrives whole, and an account that
 * entered brings its related records, one that left takes them away. Records come as the acting user may read them.
 * Thread-safe.
 */
public final class DeviceSync {

    /** The most accounts (or owned records) one page of an initial sync holds. */
    public static final int MAX_PAGE_SIZE = 500;

    private final UseCases useCases;
    private final ChangeFeed feed;
    private final SyncUp syncUp;

    DeviceSync(UseCases useCases, ChangeFeed feed, Parties parties, Activities activities) {
        this.useCases = useCases;
        this.feed = feed;
        this.syncUp = new SyncUp(useCases, new SyncedRecords(useCases, parties, activities), activities);
    }

    /** The user's subscription by default: the territories it is a member of, with the standard related records. */
    public Subscription defaultSubscription(UserId user) {
        Require.notNull(user, "user");
        return useCases.storage.transactions().inTransaction(() -> {
            Reads.found(useCases.storage.users().findById(useCases.tenant(), user), "User", user);
            return Subscription.ofTerritories(
                    user,
                    useCases.storage.territories().findAllByPriority(useCases.tenant()).stream()
                            .filter(territory -> territory.hasMember(user))
                            .map(Territory::id)
                            .collect(Collectors.toSet()));
        });
    }

    /**
     * A page of the slice's records: the first when {@code pageToken} is null, else the one the token names (from
     * {@link InitialSyncPage#next()}), with at most {@code size} (1 to {@link #MAX_PAGE_SIZE}) accounts and their
     * related records. Items carry position 0. Once the last page is in, the device follows
     * {@link InitialSyncPage#feedCursor()} with {@link #changesSince}: changes made during the initial sync come
     * again.
     */
    public InitialSyncPage initialSync(Subscription subscription, String pageToken, int size) {
        Require.notNull(subscription, "subscription");
        Require.that(size > 0 && size <= MAX_PAGE_SIZE, "size", "must be 1 to " + MAX_PAGE_SIZE + ", was " + size);
        FeedCursor start = pageToken == null ? feed.now() : null;
        return useCases.storage
                .transactions()
                .inTransaction(() ->
                        new InitialSync(useCases, new Slice(useCases, subscription)).page(pageToken, size, start));
    }

    /**
     * What changed in the slice after the cursor: at most {@code limit} (1 to {@link ChangeFeed#MAX_LIMIT}) changes
     * read, each record once in its current state, or removed when it is no longer in the slice, and the cursor to
     * continue from. Refuses cursors as {@link ChangeFeed#changesSince} does.
     */
    public ChangeBatch changesSince(Subscription subscription, FeedCursor cursor, int limit) {
        Require.notNull(subscription, "subscription");
        Slice slice = useCases.storage.transactions().inTransaction(() -> new Slice(useCases, subscription));
        return feed.read(
                cursor,
                limit,
                (tenant, position) -> slice.hasAccountRules()
                        ? useCases.storage.changeLog().after(tenant, position, Slice.SYNCED_TYPES, limit)
                        : useCases.storage.changeLog().afterInScope(tenant, position, slice.scopeQuery(), limit),
                (tenant, changes) -> items(slice, tenant, changes));
    }

    /**
     * Applies the changes a device made offline for its user, in order, each in a transaction of its own (call it
     * outside a transaction), through crmkit's services, so that every rule of the domain applies as to any other
     * call; returns what became of each. A device may create accounts (fields {@code name}, {@code industry},
     * {@code website}) and contacts ({@code firstName}, {@code lastName}, and at creation {@code email}) under ids
     * it generated, with the user as owner, change those fields, and delete activities. A field only the device changed since its version is stored;
     * one both sides changed to different values is decided by its policy and returned as a {@link FieldConflict};
     * a deletion of a record changed centrally since is decided by {@link ConflictPolicies#deletion()}. A created
     * record comes back with the central records it may duplicate; a refused change (a violated rule, an unknown
     * field, a duplicate the rules refuse) with its violations, nothing of it stored. The same changes sent twice
     * change nothing the second time ({@link SyncOutcome#UNCHANGED}).
     */
    public List<ChangeResult> syncUp(UserId user, List<DeviceChange> changes, ConflictPolicies policies) {
        Require.notNull(user, "user");
        Require.notNull(policies, "policies");
        return syncUp.apply(user, Require.noNulls(changes, "changes"), policies);
    }

    private List<FeedItem> items(Slice slice, TenantId tenant, List<RecordChange> changes) {
        Map<UUID, FeedItem> items = new LinkedHashMap<>();
        List<RecordChange> lastChanges = ChangeFeed.lastOfEachRecord(changes);
        Map<UUID, AggregateRoot<?>> records = feed.current(tenant, lastChanges);
        slice.readAccountsOf(records.values());
        for (RecordChange change : lastChanges) {
            Optional<AggregateRoot<?>> current = Optional.ofNullable(records.get(change.recordId()));
            if (current.isPresent() && slice.contains(current.get())) {
                items.put(change.recordId(), changed(change.position(), current.get()));
                if (current.get() instanceof Account account
                        && (slice.hasAccountRules() || !slice.scopeQuery().holds(change.previousScope()))) {
                    // an account that entered the slice brings what hangs off it
                    for (AggregateRoot<?> related : slice.relatedTo(account)) {
                        if (slice.contains(related)) {
                            items.putIfAbsent(related.id().value(), changed(change.position(), related));
                        }
                    }
                }
            } else {
                items.put(
                        change.recordId(),
                        new FeedItem.Removed(
                                change.position(), change.recordType(), change.recordId(), change.mergedInto()));
                if (current.isPresent() && current.get() instanceof Account account) {
                    // an account that left the slice takes along what hangs off it and is not in the slice otherwise
                    for (AggregateRoot<?> related : slice.relatedTo(account)) {
                        if (!slice.contains(related)) {
                            items.putIfAbsent(
                                    related.id().value(),
                                    new FeedItem.Removed(
                                            change.position(),
                                            related.getClass().getSimpleName(),
                                            related.id().value(),
                                            null));
                        }
                    }
                }
            }
        }
        return new ArrayList<>(items.values());
    }

    private static FeedItem.Changed changed(long position, AggregateRoot<?> record) {
        return new FeedItem.Changed(
                position, record.getClass().getSimpleName(), record.id().value(), record);
    }
}
