package org.crmkit.testkit.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.Storage;
import org.crmkit.testkit.SettableClock;
import org.crmkit.testkit.fixtures.BillingMother;
import org.crmkit.workflow.dunning.CaseItem;
import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCase;
import org.crmkit.workflow.dunning.DunningCaseId;
import org.crmkit.workflow.dunning.DunningCaseState;
import org.crmkit.workflow.dunning.DunningCaseStore;
import org.crmkit.workflow.dunning.DunningCaseStore.InvoiceOutsideCases;
import org.crmkit.workflow.dunning.DunningGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link DunningCaseStore} answers a run of dunning looking for its work: the open cases it must evaluate
 * (due, or with an invoice changed since they last looked) and the open invoices due by a day that no open case
 * holds, each for its tenant only and paged. An adapter's test extends it and supplies crmkit's storage and the case
 * store on top of it (in memory: {@code InMemoryDunningWorkListTest}).
 */
public abstract class DunningWorkListContract {

    protected static final TenantId TENANT_A = TenantId.of("tenant-a");
    protected static final TenantId TENANT_B = TenantId.of("tenant-b");
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Money NOTHING = Money.zero("EUR");

    protected SettableClock clock;
    protected IdGenerator ids;
    protected Storage storage;
    protected DunningCaseStore cases;
    private int number;

    /** A new crmkit storage with no records of tenants {@code tenant-a} and {@code tenant-b}. */
    protected abstract Storage createStorage(SettableClock clock);

    /** A new, empty dunning case store that joins the transactions of {@code storage}. */
    protected abstract DunningCaseStore createCases(Storage storage);

    @BeforeEach
    void openStores() {
        clock = SettableClock.at(NOW);
        ids = new IdGenerator(clock);
        storage = createStorage(clock);
        cases = createCases(storage);
    }

    @Test
    void aRunEvaluatesTheOpenCasesDueAndThoseWhoseInvoicesChangedAndNoOthers() {
        Invoice dueInvoice = invoice(TENANT_A, TODAY.minusDays(10));
        Invoice quietInvoice = invoice(TENANT_A, TODAY.minusDays(10));
        Invoice paidInvoice = invoice(TENANT_A, TODAY.minusDays(10));
        Invoice olderInvoice = invoice(TENANT_A, TODAY.minusDays(10));
        DunningCase due = save(openCase(TENANT_A, TODAY.minusDays(1), item(dueInvoice, dueInvoice.version())));
        save(openCase(TENANT_A, TODAY.plusDays(5), item(quietInvoice, quietInvoice.version())));
        DunningCase changed = save(openCase(TENANT_A, TODAY.plusDays(5), item(paidInvoice, paidInvoice.version())));
        DunningCase notLookedAt = save(openCase(TENANT_A, null, item(olderInvoice, null)));
        DunningCase dueToday = save(openCase(TENANT_A, TODAY));
        save(openCase(TENANT_A, TODAY.plusDays(1)));
        save(openCase(TENANT_B, TODAY.minusDays(1), item(invoice(TENANT_B, TODAY.minusDays(9)), 1L)));
        Invoice paid = Invoice.restore(paidInvoice.state());
        paid.writeOff("uncollectable", clock);
        storage.transactions().inTransaction(() -> storage.invoices().save(paid));

        List<DunningCase> all = cases.findOpenToEvaluate(TENANT_A, TODAY, null, 10);
        List<DunningCase> firstTwo = cases.findOpenToEvaluate(TENANT_A, TODAY, null, 2);
        List<DunningCase> rest =
                cases.findOpenToEvaluate(TENANT_A, TODAY, firstTwo.get(1).id(), 10);

        assertThat(all)
                .extracting(DunningCase::id)
                .containsExactlyInAnyOrder(due.id(), changed.id(), notLookedAt.id(), dueToday.id());
        assertThat(firstTwo).extracting(DunningCase::id).containsExactlyElementsOf(ids(all).subList(0, 2));
        assertThat(rest).extracting(DunningCase::id).containsExactlyElementsOf(ids(all).subList(2, 4));
        assertThat(cases.findOpenToEvaluate(TENANT_A, TODAY.minusDays(2), null, 10))
                .extracting(DunningCase::id)
                .containsExactlyInAnyOrder(changed.id(), notLookedAt.id());
    }

    @Test
    void aClosedCaseIsNeverToBeEvaluated() {
        save(storedCase(TENANT_A, CaseStatus.CLOSED, TODAY.minusDays(1), List.of()));

        assertThat(cases.findOpenToEvaluate(TENANT_A, TODAY, null, 10)).isEmpty();
    }

    @Test
    void theOpenInvoicesDueBeforeTheDayThatNoOpenCaseHoldsAreFoundByDueDateAndNumber() {
        Invoice inOpenCase = invoice(TENANT_A, TODAY.minusDays(20));
        Invoice first = invoice(TENANT_A, TODAY.minusDays(15));
        Invoice second = invoice(TENANT_A, TODAY.minusDays(3));
        Invoice third = invoice(TENANT_A, TODAY.minusDays(3));
        Invoice dueOnTheDay = invoice(TENANT_A, TODAY);
        Invoice written = invoice(TENANT_A, TODAY.minusDays(8));
        invoice(TENANT_B, TODAY.minusDays(8));
        save(openCase(TENANT_A, TODAY.plusDays(3), item(inOpenCase, inOpenCase.version())));
        Invoice writtenOff = Invoice.restore(written.state());
        writtenOff.writeOff("uncollectable", clock);
        storage.transactions().inTransaction(() -> storage.invoices().save(writtenOff));

        List<InvoiceOutsideCases> all = cases.findInvoicesOutsideOpenCases(TENANT_A, TODAY, null, 10);
        List<InvoiceOutsideCases> firstTwo = cases.findInvoicesOutsideOpenCases(TENANT_A, TODAY, null, 2);
        List<InvoiceOutsideCases> rest = cases.findInvoicesOutsideOpenCases(TENANT_A, TODAY, firstTwo.get(1), 2);

        assertThat(all).containsExactly(outside(first), outside(second), outside(third));
        assertThat(firstTwo).containsExactly(outside(first), outside(second));
        assertThat(rest).containsExactly(outside(third));
        assertThat(cases.findInvoicesOutsideOpenCases(TENANT_A, TODAY.plusDays(1), null, 10))
                .contains(outside(dueOnTheDay));
    }

    @Test
    void anInvoiceOfAClosedCaseIsOutsideOpenCases() {
        Invoice invoice = invoice(TENANT_A, TODAY.minusDays(20));
        save(storedCase(TENANT_A, CaseStatus.CLOSED, null, List.of(item(invoice, invoice.version()))));

        assertThat(cases.findInvoicesOutsideOpenCases(TENANT_A, TODAY, null, 10))
                .containsExactly(outside(invoice));
    }

    private static InvoiceOutsideCases outside(Invoice invoice) {
        return new InvoiceOutsideCases(invoice.id(), invoice.account(), invoice.dueDate(), invoice.number());
    }

    private static List<DunningCaseId> ids(List<DunningCase> found) {
        return found.stream().map(DunningCase::id).toList();
    }

    /** An issued invoice of the tenant, stored, numbered in the order of creation. */
    private Invoice invoice(TenantId tenant, LocalDate dueDate) {
        Invoice invoice = BillingMother.anInvoice(
                tenant, ids, clock, AccountId.next(ids), String.format("INV-%03d", ++number), dueDate, "100.00");
        return storage.transactions().inTransaction(() -> storage.invoices().save(invoice));
    }

    private static CaseItem item(Invoice invoice, Long version) {
        return new CaseItem(
                invoice.id(),
                invoice.number(),
                invoice.dueDate(),
                invoice.total(),
                invoice.balanceDue(),
                1,
                invoice.dueDate().plusDays(7),
                invoice.dueDate().plusDays(7),
                false,
                false,
                version);
    }

    private DunningCase openCase(TenantId tenant, LocalDate nextStepOn, CaseItem... items) {
        return storedCase(tenant, CaseStatus.OPEN, nextStepOn, List.of(items));
    }

    /** A case as storage may hold it: one step taken, with the items and the next step given. */
    private DunningCase storedCase(TenantId tenant, CaseStatus status, LocalDate nextStepOn, List<CaseItem> items) {
        AccountId account = AccountId.next(ids);
        return DunningCase.restore(new DunningCaseState(
                tenant,
                DunningCaseId.next(ids),
                0,
                account,
                "standard",
                new DunningGroup.AccountInCurrency(account, Currency.getInstance("EUR")).key(),
                Currency.getInstance("EUR"),
                status,
                TODAY.minusDays(3),
                status == CaseStatus.CLOSED ? TODAY.minusDays(1) : null,
                items,
                null,
                NOTHING,
                1,
                1,
                false,
                false,
                List.of(),
                NOW,
                nextStepOn));
    }

    private DunningCase save(DunningCase dunningCase) {
        return storage.transactions().inTransaction(() -> cases.save(dunningCase));
    }
}
