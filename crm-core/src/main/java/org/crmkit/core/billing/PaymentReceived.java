package org.crmkit.core.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** Money was received from an account. */
public record PaymentReceived(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        AccountId account,
        Money amount,
        LocalDate receivedOn,
        PaymentMethod method,
        String reference)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Payment";
    }
}
