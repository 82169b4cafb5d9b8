package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Schema 10 on a database upgraded from an earlier crmkit: invoices stored before it get their issue date as a query
 * column from their documents, so that the lists across accounts by issue date find them.
 */
abstract class InvoiceIssueDateUpgrade {

    private static final TenantId TENANT = TenantId.of("tenant-a");

    private final SettableClock clock = SettableClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    private final IdGenerator ids = new IdGenerator(clock);
    private JpaStorage storage;

    abstract TestDatabase database();

    @BeforeEach
    void openStorage() {
        storage = database().storage(clock);
    }

    @Test
    void invoicesStoredBeforeSchema10AreListedByTheIssueDateOfTheirDocuments() {
        AccountId account = AccountId.next(ids);
        save(account, "INV-MARCH", LocalDate.of(2026, 3, 1));
        save(account, "INV-JANUARY", LocalDate.of(2026, 1, 15));
        save(account, "INV-LAST-YEAR", LocalDate.of(2025, 12, 31));
        database().execute("drop index crm_invoice_by_issue");
        database().execute("drop index if exists crm_invoice_by_due");
        database().execute("drop index crm_payment_by_received");
        // schema 17's views read the column; before schema 10 there were none
        database().execute("drop view crm_report_invoice");
        database().execute("alter table crm_invoice drop column issue_date");

        database().migrateAgain(10);

        assertThat(storage.invoices()
                        .findIssuedBetween(
                                TENANT, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Set.of(), null, 10))
                .extracting(Invoice::number)
                .containsExactly("INV-JANUARY", "INV-MARCH");
    }

    private void save(AccountId account, String number, LocalDate issued) {
        Invoice invoice = Invoice.draft(
                TENANT,
                InvoiceId.next(ids),
                number,
                account,
                issued,
                issued.plusDays(30),
                Currency.getInstance("EUR"),
                List.of(InvoiceLine.of("Service", "1", Money.of("10.00", "EUR"), "19")),
                clock);
        storage.transactions().inTransaction(() -> storage.invoices().save(invoice));
    }
}
