package org.crmkit.analytics.crm;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.NewAccount;

/**
 * A small shop's billing in an in-memory CRM, checked by hand: three accounts with known ids (so their order is
 * known), invoices whose lines name products and unit costs, all paid in full.
 *
 * <pre>
 * account  invoice    issued      lines (quantity x price, unit cost)              net
 * A        INV-1      2026-01-10  COFFEE 10 x 12.00 (7.00), MUG 2 x 15.00 (5.00)    150.00
 * A        INV-2      2026-02-10  COFFEE  5 x 12.00 (7.00)                          60.00
 * B        INV-3      2026-01-20  MUG 4 x 15.00 (5.00), express delivery 1 x 10.00  70.00
 * C        INV-4      2026-03-01  SAMPLE 1 x 5.00 (8.00)                            5.00
 * </pre>
 *
 * Margins (revenue - cost of goods): A COFFEE 180 - 105 = 75, A MUG 30 - 10 = 20, B MUG 60 - 20 = 40, B without
 * product 10, C SAMPLE 5 - 8 = -3. With 10.00 to serve an order: A 210 - 115 - 20 = 75, B 70 - 20 - 10 = 40,
 * C 5 - 8 - 10 = -13.
 */
final class CrmInvoices {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);

    final Clock clock = Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC);
    final InMemoryStorage storage = InMemoryStorage.create(clock);
    final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    final AccountId a = stored("00000000-0000-0000-0000-00000000000a", "Anna's Cafe");
    final AccountId b = stored("00000000-0000-0000-0000-00000000000b", "Bistro Borys");
    final AccountId c = stored("00000000-0000-0000-0000-00000000000c", "Cezary Catering");

    CrmInvoices() {
        paid(invoice(
                a,
                "INV-1",
                LocalDate.of(2026, 1, 10),
                line("Coffee", "10", "12.00", "7.00", "COFFEE"),
                line("Mug", "2", "15.00", "5.00", "MUG")));
        paid(invoice(a, "INV-2", LocalDate.of(2026, 2, 10), line("Coffee", "5", "12.00", "7.00", "COFFEE")));
        paid(invoice(
                b,
                "INV-3",
                LocalDate.of(2026, 1, 20),
                line("Mug", "4", "15.00", "5.00", "MUG"),
                InvoiceLine.of("Express delivery", "1", Money.of("10.00", "EUR"), "19")));
        paid(invoice(c, "INV-4", LocalDate.of(2026, 3, 1), line("Sample", "1", "5.00", "8.00", "SAMPLE")));
    }

    private AccountId stored(String id, String name) {
        return stored(storage, clock, id, name);
    }

    /** An account with a known id, so that the order of customers with purchases on one day is known. */
    static AccountId stored(InMemoryStorage storage, Clock clock, String id, String name) {
        return storage.accounts()
                .save(Account.register(
                        TenantId.DEFAULT,
                        AccountId.of(UUID.fromString(id)),
                        NewAccount.of(name, UserId.of(UUID.fromString(id))),
                        clock))
                .id();
    }

    static InvoiceLine line(String description, String quantity, String price, String unitCost, String product) {
        return InvoiceLine.of(description, quantity, Money.of(price, "EUR"), "19")
                .withProduct(product)
                .withUnitCost(Money.of(unitCost, "EUR"));
    }

    Invoice invoice(AccountId account, String number, LocalDate issued, InvoiceLine... lines) {
        return crm.billing()
                .issueInvoice(new NewInvoice(
                        number, account, issued, issued.plusDays(14), Currency.getInstance("EUR"), List.of(lines)));
    }

    Invoice paid(Invoice invoice) {
        return pay(invoice, invoice.total());
    }

    Invoice pay(Invoice invoice, Money amount) {
        crm.billing()
                .recordPayment(new NewPayment(
                        invoice.account(),
                        amount,
                        invoice.issueDate().plusDays(3),
                        PaymentMethod.BANK_TRANSFER,
                        invoice.number(),
                        List.of(NewPayment.Allocation.of(invoice.id(), amount))));
        return invoice;
    }
}
