package org.crmkit.core;

import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.feed.ChangeBatch;
import org.crmkit.core.feed.ChangeFilter;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.ResyncNeededException;

/**
 * A named follower of the calling tenant's change feed (a search index, a BI extract, the ERP) whose cursor the
 * storage keeps, so that each consumer goes at its own pace and survives restarts: {@link #next} reads from the stored
 * cursor, and {@link #acknowledge} moves it once the consumer has handled what it read. A crash between the two reads
 * the same changes again (at least once). Thread-safe; two processes acknowledging for the same consumer store the
 * position of whichever acknowledges last.
 */
public final class FeedConsumer {

    private final ChangeFeed feed;
    private final String name;

    FeedConsumer(ChangeFeed feed, String name) {
        this.feed = feed;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The stored cursor; the beginning of the feed for a consumer never acknowledged. */
    public FeedCursor position() {
        TenantId tenant = feed.useCases().tenant();
        return feed.inTransaction(() -> {
            var changeLog = feed.useCases().storage.changeLog();
            var head = changeLog.head(tenant);
            long position = changeLog.consumerPosition(tenant, name).orElse(head.discardedUpTo());
            return FeedCursors.issue(tenant, position, head.cursorKey());
        });
    }

    /**
     * The changes after the stored cursor, as {@link ChangeFeed#changesSince} reads them; the cursor does not move.
     * {@link ResyncNeededException} when retention discarded changes the consumer has not acknowledged.
     */
    public ChangeBatch next(ChangeFilter filter, int limit) {
        return feed.changesSince(position(), filter, limit);
    }

    /**
     * Stores the cursor (normally a batch's {@code next()}) as this consumer's position, in the storage's transaction
     * (the caller's, when it has one: then the consumer's own writes and its position commit together). Refuses a
     * cursor of another tenant or one not handed out by crmkit.
     */
    public void acknowledge(FeedCursor upTo) {
        Require.notNull(upTo, "upTo");
        TenantId tenant = feed.useCases().tenant();
        feed.useCases().write(() -> {
            var changeLog = feed.useCases().storage.changeLog();
            long position =
                    FeedCursors.positionOf(upTo, tenant, changeLog.head(tenant).cursorKey());
            changeLog.moveConsumer(tenant, name, position);
            return null;
        });
    }
}
