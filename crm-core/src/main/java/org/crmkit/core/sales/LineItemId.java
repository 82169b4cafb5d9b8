package org.crmkit.core.sales;

import java.util.UUID;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Require;

/** Id of a line item within its opportunity. */
public record LineItemId(UUID value) {

    public LineItemId {
        Require.notNull(value, "lineItemId");
    }

    public static LineItemId of(UUID value) {
        return new LineItemId(value);
    }

    public static LineItemId next(IdGenerator ids) {
        return new LineItemId(ids.next());
    }
}
