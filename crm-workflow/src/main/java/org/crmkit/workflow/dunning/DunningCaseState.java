package org.crmkit.workflow.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * Everything a {@link DunningCase} consists of, as storage keeps it. {@code closedOn} and {@code promisedUntil} are
 * null unless closed or promised.
 *
 * @param lastLevel the level of the last step the case took, 0 before the first
 */
public record DunningCaseState(
        TenantId tenant,
        DunningCaseId id,
        long version,
        AccountId account,
        String policy,
        String groupKey,
        Currency currency,
        CaseStatus status,
        LocalDate openedOn,
        LocalDate closedOn,
        List<CaseItem> items,
        LocalDate promisedUntil,
        Money fees,
        int steps,
        int lastLevel,
        boolean creditHoldPlaced,
        boolean handedOver,
        List<CaseEvent> history,
        Instant createdAt)
        implements AggregateState<DunningCaseState> {

    public DunningCaseState {
        items = Require.noNulls(items, "items");
        history = Require.noNulls(history, "history");
    }

    @Override
    public DunningCaseState withVersion(long version) {
        return new DunningCaseState(
                tenant,
                id,
                version,
                account,
                policy,
                groupKey,
                currency,
                status,
                openedOn,
                closedOn,
                items,
                promisedUntil,
                fees,
                steps,
                lastLevel,
                creditHoldPlaced,
                handedOver,
                history,
                createdAt);
    }
}
