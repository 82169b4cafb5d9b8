package org.crmkit.core.feed;

import org.crmkit.core.common.Require;

/**
 * Where a reader of a tenant's change feed stands, as an opaque token: store {@link #token()} (on a device, in an
 * integration's own table) and give it back through {@link #of(String)}. It names the tenant it was handed out to and
 * is signed with that tenant's secret: a token of another tenant, or one changed in any way, is refused with a
 * {@link FeedCursorException}. Immutable.
 */
public final class FeedCursor {

    private final String token;

    private FeedCursor(String token) {
        this.token = token;
    }

    /** The cursor of a stored token; whether crmkit gave it out is checked where it is used. */
    public static FeedCursor of(String token) {
        return new FeedCursor(Require.notBlank(token, "cursor"));
    }

    public String token() {
        return token;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeedCursor cursor && cursor.token.equals(token);
    }

    @Override
    public int hashCode() {
        return token.hashCode();
    }

    @Override
    public String toString() {
        return token;
    }
}
