package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.billing.InvoiceState;
import org.crmkit.core.billing.InvoiceStatus;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.InvoiceRepository;
import org.crmkit.testkit.fixtures.BillingMother;
import org.junit.jupiter.api.Test;

/**
 * The queries every {@link InvoiceRepository} must answer, the part of {@link InvoiceRepositoryContract} about an
 * account's invoices, open and overdue invoices, ranges of issue and due dates and reading by ids; an adapter extends
 * {@link InvoiceRepositoryContract}, which runs these too.
 */
abstract class InvoiceQueryContract extends StorageContract {

    InvoiceRepository invoices() {
        return storage.invoices();
    }

    Invoice save(Invoice invoice) {
        return storage.transactions().inTransaction(() -> invoices().save(invoice));
    }

    Invoice invoice(TenantId tenant, AccountId account, String number, LocalDate due) {
        return BillingMother.anInvoice(tenant, ids, clock, account, number, due, "100.00");
    }

    static InvoiceState withoutVersion(Invoice invoice) {
        return invoice.state().withVersion(0);
    }

    /** An invoice of the account issued on {@code issued}, due on {@code due}, in the status (draft, issued, paid, void). */
    Invoice issued(
            TenantId tenant, AccountId account, String number, LocalDate issued, LocalDate due, InvoiceStatus status) {
        Invoice invoice = Invoice.draft(
                tenant,
                InvoiceId.next(ids),
                number,
                account,
                issued,
                due,
                Currency.getInstance("EUR"),
                List.of(InvoiceLine.of("Consulting", "1", Money.of("100.00", "EUR"), "19")),
                clock);
        switch (status) {
            case DRAFT -> {}
            case ISSUED -> invoice.issue(clock);
            case PAID -> {
                invoice.issue(clock);
                invoice.applyPayment(PaymentId.next(ids), invoice.total(), clock);
            }
            case VOID -> invoice.voidInvoice("cancelled", clock);
            default -> throw new IllegalArgumentException("no such invoice in this contract: " + status);
        }
        return save(invoice);
    }

    /** Every invoice the query lists, read in batches of {@code limit} after the last one of the batch before. */
    static List<String> walk(BiFunction<Invoice, Integer, List<Invoice>> query, int limit) {
        List<String> seen = new ArrayList<>();
        Invoice after = null;
        List<Invoice> batch;
        do {
            batch = query.apply(after, limit);
            assertThat(batch.size()).isLessThanOrEqualTo(limit);
            batch.forEach(invoice -> seen.add(invoice.number()));
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == limit);
        return seen;
    }

    @Test
    void listsAnAccountsInvoicesByDueDateThenNumberInPages() {
        AccountId account = AccountId.next(ids);
        save(invoice(TENANT_A, account, "INV-3", LocalDate.of(2026, 4, 10)));
        save(invoice(TENANT_A, account, "INV-2", LocalDate.of(2026, 4, 1)));
        save(invoice(TENANT_A, account, "INV-1", LocalDate.of(2026, 4, 10)));
        save(invoice(TENANT_A, AccountId.next(ids), "INV-9", LocalDate.of(2026, 4, 1)));

        Page<Invoice> first = invoices().findByAccount(TENANT_A, account, PageRequest.of(0, 2));
        Page<Invoice> second = invoices().findByAccount(TENANT_A, account, PageRequest.of(1, 2));

        assertThat(first.items()).extracting(Invoice::number).containsExactly("INV-2", "INV-1");
        assertThat(first.totalElements()).isEqualTo(3);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).extracting(Invoice::number).containsExactly("INV-3");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void openInvoicesOfAnAccountLeaveOutPaidAndVoidOnes() {
        AccountId account = AccountId.next(ids);
        save(invoice(TENANT_A, account, "INV-2", LocalDate.of(2026, 4, 10)));
        Invoice paid = invoice(TENANT_A, account, "INV-3", LocalDate.of(2026, 4, 1));
        paid.applyPayment(PaymentId.next(ids), paid.total(), clock);
        save(paid);
        Invoice voided = invoice(TENANT_A, account, "INV-4", LocalDate.of(2026, 4, 1));
        voided.voidInvoice("duplicate", clock);
        save(voided);
        Invoice partly = invoice(TENANT_A, account, "INV-1", LocalDate.of(2026, 4, 5));
        partly.applyPayment(PaymentId.next(ids), Money.of("1.00", "EUR"), clock);
        save(partly);

        assertThat(invoices().findOpenByAccount(TENANT_A, account))
                .extracting(Invoice::number)
                .containsExactly("INV-1", "INV-2");
    }

    @Test
    void openInvoicesOfManyAccountsAreReadTogetherEachAccountsByDueDateThenNumber() {
        List<AccountId> accounts = new ArrayList<>();
        List<Invoice> batch = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            AccountId account = AccountId.next(ids);
            accounts.add(account);
            batch.add(invoice(TENANT_A, account, "INV-" + i + "-B", LocalDate.of(2026, 4, 10)));
            batch.add(invoice(TENANT_A, account, "INV-" + i + "-A", LocalDate.of(2026, 4, 10)));
            batch.add(invoice(TENANT_A, account, "INV-" + i + "-C", LocalDate.of(2026, 4, 1)));
        }
        Invoice paid = invoice(TENANT_A, accounts.get(7), "INV-PAID", LocalDate.of(2026, 3, 1));
        paid.applyPayment(PaymentId.next(ids), paid.total(), clock);
        batch.add(paid);
        AccountId notAsked = AccountId.next(ids);
        batch.add(invoice(TENANT_A, notAsked, "INV-NOT-ASKED", LocalDate.of(2026, 4, 1)));
        storage.transactions().inTransaction(() -> invoices().saveAll(batch));
        save(invoice(TENANT_B, accounts.get(7), "INV-OTHER-TENANT", LocalDate.of(2026, 4, 1)));

        List<Invoice> open = invoices().findOpenByAccounts(TENANT_A, accounts);

        assertThat(open).hasSize(450).extracting(Invoice::account).doesNotContain(notAsked);
        assertThat(open)
                .filteredOn(invoice -> invoice.account().equals(accounts.get(7)))
                .extracting(Invoice::number)
                .containsExactly("INV-7-C", "INV-7-A", "INV-7-B");
        assertThat(invoices().findOpenByAccounts(TENANT_B, accounts))
                .extracting(Invoice::number)
                .containsExactly("INV-OTHER-TENANT");
        assertThat(invoices().findOpenByAccounts(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void invoicesAreReadTogetherByTheirIdsOfTheTenantOnly() {
        AccountId account = AccountId.next(ids);
        List<Invoice> batch = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            batch.add(invoice(TENANT_A, account, "INV-" + i, LocalDate.of(2026, 4, 1)));
        }
        Invoice paid = invoice(TENANT_A, account, "INV-PAID", LocalDate.of(2026, 3, 1));
        paid.applyPayment(PaymentId.next(ids), paid.total(), clock);
        batch.add(paid);
        storage.transactions().inTransaction(() -> invoices().saveAll(batch));
        Invoice otherTenants = save(invoice(TENANT_B, account, "INV-B", LocalDate.of(2026, 4, 1)));
        List<InvoiceId> wanted = new ArrayList<>(batch.stream().map(Invoice::id).toList());
        wanted.add(otherTenants.id());
        wanted.add(InvoiceId.next(ids));

        List<Invoice> found = invoices().findByIds(TENANT_A, wanted);

        assertThat(found)
                .hasSize(131)
                .extracting(Invoice::id)
                .doesNotContain(otherTenants.id())
                .containsExactlyInAnyOrderElementsOf(
                        batch.stream().map(Invoice::id).toList());
        assertThat(found)
                .filteredOn(invoice -> invoice.id().equals(paid.id()))
                .singleElement()
                .satisfies(invoice -> assertThat(invoice.isOpen()).isFalse());
        assertThat(invoices().findByIds(TENANT_B, wanted))
                .extracting(Invoice::number)
                .containsExactly("INV-B");
        assertThat(invoices().findByIds(TENANT_A, List.of())).isEmpty();
    }

    @Test
    void overdueAsOfADateIsPagedOldestDueFirst() {
        AccountId account = AccountId.next(ids);
        LocalDate asOf = LocalDate.of(2026, 5, 1);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String number = "INV-" + (10 + i);
            save(invoice(TENANT_A, account, number, asOf.minusDays(7 - i)));
            expected.add(number);
        }
        save(invoice(TENANT_A, account, "INV-DUE-TODAY", asOf));
        save(invoice(TENANT_A, account, "INV-LATER", asOf.plusDays(3)));
        Invoice paid = invoice(TENANT_A, account, "INV-PAID", asOf.minusDays(30));
        paid.applyPayment(PaymentId.next(ids), paid.total(), clock);
        save(paid);
        save(invoice(TENANT_B, account, "INV-OTHER-TENANT", asOf.minusDays(30)));

        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        Page<Invoice> page;
        do {
            page = invoices().findOverdue(TENANT_A, asOf, request);
            assertThat(page.totalElements()).isEqualTo(7);
            page.items().forEach(invoice -> seen.add(invoice.number()));
            request = request.next();
        } while (page.hasNext());

        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void overdueAfterACursorWalksTheSameListInBatchesAndSortsTheSameDueDateByNumber() {
        AccountId account = AccountId.next(ids);
        LocalDate asOf = LocalDate.of(2026, 5, 1);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String number = "INV-" + (10 + i);
            save(invoice(TENANT_A, account, number, asOf.minusDays(7 - i / 2)));
            expected.add(number);
        }
        save(invoice(TENANT_A, account, "INV-DUE-TODAY", asOf));
        Invoice paid = invoice(TENANT_A, account, "INV-PAID", asOf.minusDays(30));
        paid.applyPayment(PaymentId.next(ids), paid.total(), clock);
        save(paid);
        save(invoice(TENANT_B, account, "INV-OTHER-TENANT", asOf.minusDays(30)));

        List<String> seen = new ArrayList<>();
        Invoice after = null;
        List<Invoice> batch;
        do {
            batch = invoices().findOverdueAfter(TENANT_A, asOf, after, 3);
            batch.forEach(invoice -> seen.add(invoice.number()));
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == 3);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(invoices().findOverdueAfter(TENANT_B, asOf, null, 10))
                .extracting(Invoice::number)
                .containsExactly("INV-OTHER-TENANT");
    }

    @Test
    void invoicesIssuedInARangeAreListedAcrossAccountsByIssueDateThenNumberInBatches() {
        AccountId acme = AccountId.next(ids);
        AccountId globex = AccountId.next(ids);
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 1, 31);
        issued(TENANT_A, acme, "A-BEFORE", from.minusDays(1), to, InvoiceStatus.PAID);
        issued(TENANT_A, globex, "G-2", from, to, InvoiceStatus.PAID);
        issued(TENANT_A, acme, "A-1", from, from, InvoiceStatus.ISSUED);
        issued(TENANT_A, acme, "A-DRAFT", from.plusDays(3), to, InvoiceStatus.DRAFT);
        issued(TENANT_A, globex, "G-3", from.plusDays(9), to.plusDays(30), InvoiceStatus.PAID);
        issued(TENANT_A, acme, "A-VOID", from.plusDays(9), to, InvoiceStatus.VOID);
        issued(TENANT_A, acme, "A-4", to, to.plusDays(30), InvoiceStatus.PAID);
        issued(TENANT_A, globex, "G-AFTER", to.plusDays(1), to.plusDays(30), InvoiceStatus.PAID);
        issued(TENANT_B, acme, "B-1", from, to, InvoiceStatus.PAID);
        Set<InvoiceStatus> paidOrOpen = Set.of(InvoiceStatus.PAID, InvoiceStatus.ISSUED);

        assertThat(walk(
                        (after, limit) -> invoices().findIssuedBetween(TENANT_A, from, to, paidOrOpen, after, limit),
                        2))
                .containsExactly("A-1", "G-2", "G-3", "A-4");
        assertThat(walk((after, limit) -> invoices().findIssuedBetween(TENANT_A, from, to, Set.of(), after, limit), 3))
                .containsExactly("A-1", "G-2", "A-DRAFT", "A-VOID", "G-3", "A-4");
        assertThat(invoices().findIssuedBetween(TENANT_A, from, to, Set.of(InvoiceStatus.PAID), null, 10))
                .extracting(Invoice::number)
                .containsExactly("G-2", "G-3", "A-4");
        assertThat(invoices().findIssuedBetween(TENANT_B, from, to, Set.of(), null, 10))
                .extracting(Invoice::number)
                .containsExactly("B-1");
    }

    @Test
    void invoicesDueInARangeAreListedAcrossAccountsByDueDateThenNumberInBatches() {
        AccountId acme = AccountId.next(ids);
        AccountId globex = AccountId.next(ids);
        LocalDate issuedOn = LocalDate.of(2026, 1, 1);
        LocalDate from = LocalDate.of(2026, 2, 1);
        LocalDate to = LocalDate.of(2026, 2, 28);
        issued(TENANT_A, acme, "A-EARLY", issuedOn, from.minusDays(1), InvoiceStatus.ISSUED);
        issued(TENANT_A, globex, "G-1", issuedOn, from, InvoiceStatus.ISSUED);
        issued(TENANT_A, acme, "A-1", issuedOn, from, InvoiceStatus.ISSUED);
        issued(TENANT_A, acme, "A-PAID", issuedOn, from.plusDays(5), InvoiceStatus.PAID);
        issued(TENANT_A, globex, "G-2", issuedOn, to, InvoiceStatus.ISSUED);
        issued(TENANT_A, acme, "A-LATE", issuedOn, to.plusDays(1), InvoiceStatus.ISSUED);
        issued(TENANT_B, acme, "B-1", issuedOn, from, InvoiceStatus.ISSUED);

        assertThat(walk(
                        (after, limit) -> invoices()
                                .findDueBetween(TENANT_A, from, to, Set.of(InvoiceStatus.ISSUED), after, limit),
                        1))
                .containsExactly("A-1", "G-1", "G-2");
        assertThat(walk((after, limit) -> invoices().findDueBetween(TENANT_A, from, to, Set.of(), after, limit), 2))
                .containsExactly("A-1", "G-1", "A-PAID", "G-2");
        assertThat(invoices().findDueBetween(TENANT_B, from, to, Set.of(), null, 10))
                .extracting(Invoice::number)
                .containsExactly("B-1");
    }

    @Test
    void overdueSortsTheSameDueDateByNumber() {
        AccountId account = AccountId.next(ids);
        LocalDate due = LocalDate.of(2026, 3, 1);
        save(invoice(TENANT_A, account, "B", due));
        save(invoice(TENANT_A, account, "A", due));

        assertThat(invoices()
                        .findOverdue(TENANT_A, due.plusDays(1), PageRequest.first(10))
                        .items())
                .extracting(Invoice::number)
                .containsExactly("A", "B");
    }
}
