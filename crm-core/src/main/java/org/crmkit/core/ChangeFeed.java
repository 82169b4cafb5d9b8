package org.crmkit.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.crmkit.core.common.AggregateRoot;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.feed.ChangeBatch;
import org.crmkit.core.feed.ChangeFilter;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.FeedCursorException;
import org.crmkit.core.feed.FeedItem;
import org.crmkit.core.feed.ResyncNeededException;
import org.crmkit.core.spi.FeedHead;
import org.crmkit.core.spi.RecordChange;

/**
 * The calling tenant's change feed: every committed save, deletion and merge of every record at a position in a
 * per-tenant order that readers never see out of order (a change that commits later never takes a position below one
 * a reader has already passed). A reader keeps an opaque {@link FeedCursor} and asks for the {@link #changesSince
 * changes since} it: the changed records in their current state, tombstones for deleted and merged ones, and the
 * cursor to continue from. Named {@link FeedConsumer consumers} keep their cursor in the storage instead. Changes older
 * than the host's retention ({@link #discardChangedBefore}) are discarded; a cursor behind them is refused with a
 * {@link ResyncNeededException}. Thread-safe.
 */
public final class ChangeFeed {

    /** The most changes one read returns. */
    public static final int MAX_LIMIT = 1000;

    private static final Pattern CONSUMER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final UseCases useCases;
    private final CurrentRecords records;

    ChangeFeed(UseCases useCases) {
        this.useCases = useCases;
        this.records = new CurrentRecords(useCases);
    }

    /** A cursor before the oldest change the feed keeps: reading from it returns everything kept. */
    public FeedCursor beginning() {
        TenantId tenant = useCases.tenant();
        return inTransaction(() -> {
            FeedHead head = useCases.storage.changeLog().head(tenant);
            return FeedCursors.issue(tenant, head.discardedUpTo(), head.cursorKey());
        });
    }

    /**
     * A cursor after every change committed before the call: a reader that is about to read everything (an initial
     * sync, a full reindex) takes one first, and afterwards reads the changes made meanwhile (some once more).
     */
    public FeedCursor now() {
        TenantId tenant = useCases.tenant();
        return inTransaction(() -> {
            long last = useCases.storage.changeLog().sequence(tenant);
            return FeedCursors.issue(
                    tenant, last, useCases.storage.changeLog().head(tenant).cursorKey());
        });
    }

    /**
     * The records changed after the cursor that pass the filter, at most {@code limit} (1 to {@link #MAX_LIMIT})
     * changes read, in position order; a record changed several times comes once, in its current state. Refuses a
     * cursor of another tenant or one not handed out by crmkit ({@link FeedCursorException}) and one behind the
     * retention ({@link ResyncNeededException}).
     */
    public ChangeBatch changesSince(FeedCursor cursor, ChangeFilter filter, int limit) {
        Require.notNull(filter, "filter");
        return read(
                cursor,
                limit,
                (tenant, position) -> useCases.storage.changeLog().after(tenant, position, filter.recordTypes(), limit),
                this::items);
    }

    /**
     * The calling tenant's consumer of that name (letters, digits, '.', '_', '-'; at most 100), whose cursor the
     * storage keeps; a consumer never moved starts at the beginning of the feed.
     */
    public FeedConsumer consumer(String name) {
        Require.notBlank(name, "consumer");
        Require.that(
                CONSUMER_NAME.matcher(name).matches(),
                "consumer",
                "must be 1-100 letters, digits, '.', '_' or '-' and start with a letter or digit, was '" + name + "'");
        return new FeedConsumer(this, name);
    }

    /**
     * Discards the oldest changes taken before {@code before} (the host's retention; run it as often as it likes).
     * Readers behind them get a {@link ResyncNeededException}. Returns how many were discarded.
     */
    public int discardChangedBefore(Instant before) {
        Require.notNull(before, "before");
        TenantId tenant = useCases.tenant();
        return useCases.write(() -> useCases.storage.changeLog().discardChangedBefore(tenant, before));
    }

    /**
     * Reads the changes after the cursor with {@code fetch} (at most {@code limit}, 1 to {@link #MAX_LIMIT}), refuses
     * a cursor of another tenant, a forged one and one behind the retention, and turns the changes into items; shared
     * with {@link FeedConsumer} and {@link DeviceSync}.
     */
    ChangeBatch read(
            FeedCursor cursor,
            int limit,
            BiFunction<TenantId, Long, List<RecordChange>> fetch,
            BiFunction<TenantId, List<RecordChange>, List<FeedItem>> toItems) {
        Require.notNull(cursor, "cursor");
        Require.that(limit > 0 && limit <= MAX_LIMIT, "limit", "must be 1 to " + MAX_LIMIT + ", was " + limit);
        TenantId tenant = useCases.tenant();
        if (!useCases.storage.transactions().isActive()) {
            // numbered in a short transaction of its own, so that readers hold the tenant's head only that long
            inTransaction(() -> useCases.storage.changeLog().sequence(tenant));
        }
        return inTransaction(() -> {
            FeedHead before = useCases.storage.changeLog().head(tenant);
            long position = FeedCursors.positionOf(cursor, tenant, before.cursorKey());
            List<RecordChange> changes = fetch.apply(tenant, position);
            FeedHead head = useCases.storage.changeLog().head(tenant);
            if (position < head.discardedUpTo() || position > head.lastPosition()) {
                throw new ResyncNeededException(position, head.discardedUpTo() + 1, head.lastPosition());
            }
            boolean hasMore = changes.size() == limit;
            long lastRead = changes.isEmpty()
                    ? position
                    : changes.get(changes.size() - 1).position();
            /*
             * A short read went through every change up to the head as it was before the read, so the cursor moves
             * past those the filter left out too; but not to the head read after it: each statement sees what was
             * committed when it began, and changes another reader numbered in between were not read.
             */
            long next = hasMore ? lastRead : Math.max(lastRead, before.lastPosition());
            return new ChangeBatch(
                    toItems.apply(tenant, changes), FeedCursors.issue(tenant, next, head.cursorKey()), hasMore);
        });
    }

    /** The last change of each record among the changes, in the order of those last changes. */
    static List<RecordChange> lastOfEachRecord(List<RecordChange> changes) {
        Map<UUID, RecordChange> lastOfRecord = new LinkedHashMap<>();
        for (RecordChange change : changes) {
            // re-inserted, so that the record comes at the place of its last change
            lastOfRecord.remove(change.recordId());
            lastOfRecord.put(change.recordId(), change);
        }
        return List.copyOf(lastOfRecord.values());
    }

    /**
     * The current state of the records the changes saved, by record id, as the acting user may read them; deleted
     * and invisible ones are left out. Read together per record type where the storage can.
     */
    Map<UUID, AggregateRoot<?>> current(TenantId tenant, List<RecordChange> changes) {
        return records.findSaved(tenant, changes);
    }

    UseCases useCases() {
        return useCases;
    }

    private List<FeedItem> items(TenantId tenant, List<RecordChange> changes) {
        List<FeedItem> items = new ArrayList<>();
        List<RecordChange> lastChanges = lastOfEachRecord(changes);
        Map<UUID, AggregateRoot<?>> current = current(tenant, lastChanges);
        for (RecordChange change : lastChanges) {
            AggregateRoot<?> record = current.get(change.recordId());
            items.add(
                    record != null
                            ? new FeedItem.Changed(change.position(), change.recordType(), change.recordId(), record)
                            : new FeedItem.Removed(
                                    change.position(), change.recordType(), change.recordId(), change.mergedInto()));
        }
        return items;
    }

    <T> T inTransaction(Supplier<T> work) {
        return useCases.storage.transactions().inTransaction(work);
    }
}
