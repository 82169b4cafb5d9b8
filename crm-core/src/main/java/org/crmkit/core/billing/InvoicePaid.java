package org.crmkit.core.billing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** An invoice's balance reached zero through payments and credit notes. */
public record InvoicePaid(
        TenantId tenant, UUID aggregateId, Instant occurredAt, String number, AccountId account, Money total)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Invoice";
    }
}
