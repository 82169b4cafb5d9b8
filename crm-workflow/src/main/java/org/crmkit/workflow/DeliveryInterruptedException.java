package org.crmkit.workflow;

import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;

/**
 * The thread running {@link WorkflowRuntime#dispatchDue} was interrupted while it waited for the delivery threads.
 * The batch's actions stay claimed and are delivered again once their lease has passed, under the same
 * deduplication keys. Code {@link ErrorCode#INTERRUPTED}.
 */
public final class DeliveryInterruptedException extends CrmException {

    public DeliveryInterruptedException(String message, InterruptedException cause) {
        super(ErrorCode.INTERRUPTED, message, cause);
    }
}
