package org.crmkit.workflow.dunning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Require;

/**
 * What the lawyer receives to start proceedings: the invoices with their balances and levels, the notices sent with
 * their dates and channels, the payments received, the disputes, the account's contacts and its recent interaction
 * history, and the case's whole {@link Claim} on the day it was prepared (the same claim the notice of that day
 * states): balances, fees, interest and flat compensation.
 */
public record Dossier(
        DunningCaseId caseId,
        AccountId account,
        String accountName,
        LocalDate preparedOn,
        List<InvoiceEntry> invoices,
        List<CaseEvent> notices,
        List<PaymentEntry> payments,
        List<CaseEvent> disputes,
        List<ContactEntry> contacts,
        List<InteractionEntry> interactions,
        Claim claim) {

    public Dossier {
        Require.notNull(claim, "claim");
        invoices = List.copyOf(invoices);
        notices = List.copyOf(notices);
        payments = List.copyOf(payments);
        disputes = List.copyOf(disputes);
        contacts = List.copyOf(contacts);
        interactions = List.copyOf(interactions);
    }

    public record InvoiceEntry(
            String number, LocalDate issueDate, LocalDate dueDate, Money total, Money balance, int level) {}

    public record PaymentEntry(LocalDate receivedOn, Money amount, String reference) {}

    /** A contact of the account; any of email, phone and address may be null. */
    public record ContactEntry(String name, String email, String phone, String address) {}

    public record InteractionEntry(Instant occurredAt, String kind, String subject) {}
}
