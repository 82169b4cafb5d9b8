package org.crmkit.workflow;

import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;

/**
 * Work needs a part the host has not configured: a {@code MessageChannel} for a message's channel, a handler for an
 * action's payload class. Recorded as the failure of the action that needed it, which is retried and fails visibly
 * until the part is configured. Code {@link ErrorCode#NOT_CONFIGURED}.
 */
public final class NotConfiguredException extends CrmException {

    public NotConfiguredException(String message) {
        super(ErrorCode.NOT_CONFIGURED, message);
    }
}
