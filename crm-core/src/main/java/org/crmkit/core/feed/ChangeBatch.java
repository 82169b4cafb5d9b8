package org.crmkit.core.feed;

import java.util.List;
import org.crmkit.core.common.Require;

/**
 * What one read of the change feed returned: the changed records in position order, the cursor to read on from, and
 * whether more changes are waiting after it (read again at once) or the reader is up to date.
 */
public record ChangeBatch(List<FeedItem> items, FeedCursor next, boolean hasMore) {

    public ChangeBatch {
        items = Require.noNulls(items, "items");
        Require.notNull(next, "next");
    }
}
