package org.crmkit.core.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/** Everything a {@link Payment} consists of, as storage keeps it. {@code reference} may be null. */
public record PaymentState(
        TenantId tenant,
        PaymentId id,
        long version,
        AccountId account,
        Money amount,
        LocalDate receivedOn,
        PaymentMethod method,
        String reference,
        List<PaymentAllocation> allocations,
        Instant recordedAt,
        List<ExternalRef> externalRefs)
        implements AggregateState<PaymentState> {

    public PaymentState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notNull(account, "account");
        Require.notNull(amount, "amount");
        Require.notNull(receivedOn, "receivedOn");
        Require.notNull(method, "method");
        Require.notNull(recordedAt, "recordedAt");
        allocations = Require.noNulls(allocations, "allocations");
        externalRefs = ExternalRef.distinct(externalRefs);
    }

    @Override
    public PaymentState withVersion(long version) {
        return new PaymentState(
                tenant,
                id,
                version,
                account,
                amount,
                receivedOn,
                method,
                reference,
                allocations,
                recordedAt,
                externalRefs);
    }
}
