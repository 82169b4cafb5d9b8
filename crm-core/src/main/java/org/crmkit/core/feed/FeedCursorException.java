package org.crmkit.core.feed;

import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;

/**
 * A change-feed cursor was refused: it was handed out to another tenant, or it is not a token crmkit gave out (cut,
 * changed, or made up). Code {@link ErrorCode#FEED_CURSOR_INVALID}, field {@code cursor}.
 */
public final class FeedCursorException extends CrmException {

    public FeedCursorException(String reason) {
        super(ErrorCode.FEED_CURSOR_INVALID, "cursor", reason, null);
    }
}
