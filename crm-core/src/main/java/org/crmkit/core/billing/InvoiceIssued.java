package org.crmkit.core.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;

/** An invoice was issued to an account: it is now owed, due on {@code dueDate}. */
public record InvoiceIssued(
        TenantId tenant,
        UUID aggregateId,
        Instant occurredAt,
        String number,
        AccountId account,
        Money total,
        LocalDate issueDate,
        LocalDate dueDate)
        implements DomainEvent {

    @Override
    public String aggregateType() {
        return "Invoice";
    }
}
