package org.crmkit.workflow.dunning;

import java.util.UUID;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;

/** Id of a dunning case. */
public record DunningCaseId(UUID value) implements EntityId {

    public DunningCaseId {
        Require.notNull(value, "dunningCaseId");
    }

    public static DunningCaseId of(UUID value) {
        return new DunningCaseId(value);
    }

    /** A new time-ordered id. */
    public static DunningCaseId next(IdGenerator ids) {
        return new DunningCaseId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
