package org.crmkit.workflow.action;

import java.util.UUID;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;

/** Id of an action in the workflow outbox. */
public record ActionId(UUID value) implements EntityId {

    public ActionId {
        Require.notNull(value, "actionId");
    }

    public static ActionId of(UUID value) {
        return new ActionId(value);
    }

    /** A new time-ordered id. */
    public static ActionId next(IdGenerator ids) {
        return new ActionId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
