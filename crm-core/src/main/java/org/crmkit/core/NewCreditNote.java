package org.crmkit.core;

import java.time.LocalDate;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;

/**
 * A credit note to issue: its number (unique per tenant), the account, the invoice it is issued against (null for a
 * credit on the account as a whole), the amount, the issue date and the reason.
 */
public record NewCreditNote(
        String number, AccountId account, InvoiceId invoice, Money amount, LocalDate issueDate, String reason) {}
