package org.crmkit.workflow.dunning;

import java.time.Clock;
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
 * @param lastLevel  the level of the last step the case took, 0 before the first
 * @param nextStepOn the day the case's next step falls due by time alone ({@link DunningCase#nextStepOn()}); null
 *                   when none can (closed, every item at the last level or disputed)
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
        Instant createdAt,
        LocalDate nextStepOn)
        implements AggregateState<DunningCaseState> {

    public DunningCaseState {
        items = Require.noNulls(items, "items");
        history = Require.noNulls(history, "history");
    }

    @Override
    public DunningCaseState withVersion(long version) {
        return copy(version, history);
    }

    /** The state of a new, empty open case of the group's account under the policy, before its first entry. */
    static DunningCaseState opened(
            TenantId tenant, DunningCaseId id, DunningPolicy policy, DunningGroup group, LocalDate today, Clock clock) {
        return new DunningCaseState(
                tenant,
                id,
                0,
                group.account(),
                policy.name(),
                group.key(),
                policy.currency(),
                CaseStatus.OPEN,
                today,
                null,
                List.of(),
                null,
                Money.zero(policy.currency()),
                0,
                0,
                false,
                false,
                List.of(),
                clock.instant(),
                null);
    }

    /** The same state with another audit history (e.g. one with a detail erased). */
    public DunningCaseState withHistory(List<CaseEvent> otherHistory) {
        return copy(version, otherHistory);
    }

    private DunningCaseState copy(long newVersion, List<CaseEvent> newHistory) {
        return new DunningCaseState(
                tenant,
                id,
                newVersion,
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
                newHistory,
                createdAt,
                nextStepOn);
    }
}
