package org.crmkit.core.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.AggregateState;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;
import org.crmkit.core.common.TenantId;

/**
 * Everything a {@link CreditNote} consists of, as storage keeps it. {@code invoice} is null for a credit note on
 * the account as a whole.
 */
public record CreditNoteState(
        TenantId tenant,
        CreditNoteId id,
        long version,
        String number,
        AccountId account,
        InvoiceId invoice,
        Money amount,
        LocalDate issueDate,
        String reason,
        List<CreditApplication> applications,
        Instant createdAt,
        List<ExternalRef> externalRefs)
        implements AggregateState<CreditNoteState> {

    public CreditNoteState {
        Require.notNull(tenant, "tenant");
        Require.notNull(id, "id");
        Require.notBlank(number, "number");
        Require.notNull(account, "account");
        Require.notNull(amount, "amount");
        Require.notNull(issueDate, "issueDate");
        Require.notBlank(reason, "reason");
        Require.notNull(createdAt, "createdAt");
        applications = Require.noNulls(applications, "applications");
        externalRefs = ExternalRef.distinct(externalRefs);
    }

    @Override
    public CreditNoteState withVersion(long version) {
        return new CreditNoteState(
                tenant,
                id,
                version,
                number,
                account,
                invoice,
                amount,
                issueDate,
                reason,
                applications,
                createdAt,
                externalRefs);
    }
}
