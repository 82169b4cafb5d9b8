package org.crmkit.workflow.dunning;

import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.workflow.action.Channel;

/**
 * One entry of a case's audit history: what happened on which day, at which level, to which invoices, with the
 * amounts, fee, interest and channel involved (each null where it does not apply) and a readable detail.
 *
 * @param claim the whole claim after a level was reached ({@link CaseEventKind#LEVEL_REACHED}); null otherwise
 */
public record CaseEvent(
        LocalDate on,
        CaseEventKind kind,
        int level,
        List<String> invoices,
        Money amount,
        Money fee,
        Money interest,
        Channel channel,
        String detail,
        Claim claim) {

    public CaseEvent {
        Require.notNull(on, "on");
        Require.notNull(kind, "kind");
        invoices = List.copyOf(invoices);
    }

    /** An entry without fee, interest or channel. */
    public static CaseEvent of(
            LocalDate on, CaseEventKind kind, int level, List<String> invoices, Money amount, String detail) {
        return new CaseEvent(on, kind, level, invoices, amount, null, null, null, detail, null);
    }
}
