package org.crmkit.core.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * Everything an {@link Invoice} consists of, as storage keeps it. {@code writtenOff} is null unless the invoice was
 * written off; {@code statusReason} holds the reason of a void or write-off, otherwise null; {@code issuedAt} is
 * null for a draft.
 */
public record InvoiceState(
        TenantId tenant,
        InvoiceId id,
        long version,
        String number,
        AccountId account,
        LocalDate issueDate,
        LocalDate dueDate,
        Currency currency,
        List<InvoiceLine> lines,
        InvoiceStatus status,
        List<InvoiceSettlement> settlements,
        Money writtenOff,
        String statusReason,
        Instant createdAt,
        Instant issuedAt,
        List<ExternalRef> externalRefs)
        implements AggregateState<InvoiceState> {

    public InvoiceState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(number, "number");
        Require.notNull(account, "account");
        Require.notNull(issueDate, "issueDate");
        Require.notNull(dueDate, "dueDate");
        Require.notNull(currency, "currency");
        Require.notNull(status, "status");
        Require.notNull(createdAt, "createdAt");
        lines = Require.noNulls(lines, "lines");
        settlements = Require.noNulls(settlements, "settlements");
        externalRefs = ExternalRef.distinct(externalRefs);
    }

    @Override
    public InvoiceState withVersion(long version) {
        return new InvoiceState(
                tenant,
                id,
                version,
                number,
                account,
                issueDate,
                dueDate,
                currency,
                lines,
                status,
                settlements,
                writtenOff,
                statusReason,
                createdAt,
                issuedAt,
                externalRefs);
    }
}
