package org.crmkit.workflow.sequence;

import java.util.UUID;
import org.crmkit.core.common.EntityId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;

/** Id of a contact's enrolment in a follow-up sequence. */
public record EnrolmentId(UUID value) implements EntityId {

    public EnrolmentId {
        Require.notNull(value, "enrolmentId");
    }

    public static EnrolmentId of(UUID value) {
        return new EnrolmentId(value);
    }

    public static EnrolmentId next(IdGenerator ids) {
        return new EnrolmentId(ids.next());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
