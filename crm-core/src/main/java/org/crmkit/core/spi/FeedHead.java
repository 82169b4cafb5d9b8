package org.crmkit.core.spi;

import org.crmkit.core.common.Require;

/**
 * Where a tenant's change feed stands: the last position given to a committed change, the position up to which
 * changes were discarded by retention (a reader behind it must resync), and the tenant's secret that signs its
 * cursors (random, made with the head, never handed out).
 */
public record FeedHead(long lastPosition, long discardedUpTo, String cursorKey) {

    public FeedHead {
        Require.notNegative(lastPosition, "lastPosition");
        Require.notNegative(discardedUpTo, "discardedUpTo");
        Require.notBlank(cursorKey, "cursorKey");
    }
}
