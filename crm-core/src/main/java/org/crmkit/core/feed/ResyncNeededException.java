package org.crmkit.core.feed;

import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;

/**
 * The changes after a cursor are no longer all kept (retention discarded them), or the cursor is ahead of the feed (a
 * database restored from an older backup): the reader must read its whole slice again (an initial sync, a full
 * reindex) and continue from the cursor that comes with it. Code {@link ErrorCode#RESYNC_NEEDED}.
 */
public final class ResyncNeededException extends CrmException {

    private final long cursorPosition;
    private final long oldestKeptPosition;

    public ResyncNeededException(long cursorPosition, long oldestKeptPosition, long lastPosition) {
        super(
                ErrorCode.RESYNC_NEEDED,
                "resync needed: the cursor stands at change " + cursorPosition + ", but the feed keeps only changes "
                        + oldestKeptPosition + " to " + lastPosition + "; read the whole slice again");
        this.cursorPosition = cursorPosition;
        this.oldestKeptPosition = oldestKeptPosition;
    }

    /** The position the refused cursor stood at. */
    public long cursorPosition() {
        return cursorPosition;
    }

    /** The oldest position the feed still keeps. */
    public long oldestKeptPosition() {
        return oldestKeptPosition;
    }
}
