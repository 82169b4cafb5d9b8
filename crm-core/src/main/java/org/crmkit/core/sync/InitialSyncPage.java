package org.crmkit.core.sync;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.common.Require;
import org.crmkit.core.feed.FeedCursor;
import org.crmkit.core.feed.FeedItem;

/**
 * One page of a device's initial sync: records of its slice in their current state (a record may come twice, from
 * two parts of the subscription: store by id), the token of the next page (empty after the last), and the change-feed
 * cursor taken before the first page, from which the device's incremental syncs continue once the last page is in.
 */
public record InitialSyncPage(List<FeedItem.Changed> records, String nextPage, FeedCursor feedCursor) {

    public InitialSyncPage {
        records = Require.noNulls(records, "records");
        Require.notNull(feedCursor, "feedCursor");
    }

    /** The token to ask for the next page with; empty when this was the last page. */
    public Optional<String> next() {
        return Optional.ofNullable(nextPage);
    }
}
