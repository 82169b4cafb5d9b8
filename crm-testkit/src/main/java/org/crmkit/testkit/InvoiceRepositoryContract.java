package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceState;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.spi.InvoiceRepository;
import org.crmkit.testkit.fixtures.BillingMother;
import org.junit.jupiter.api.Test;

/**
 * What every {@link InvoiceRepository} must do: storing, numbers, imports, versions, tenants and concurrent payments
 * here, the queries in the contract it extends. Extend it and supply the storage.
 */
public abstract class InvoiceRepositoryContract extends InvoiceQueryContract {

    @Test
    void roundTripKeepsEveryField() {
        Invoice invoice = BillingMother.anInvoice(TENANT_A, ids, clock);
        invoice.applyPayment(PaymentId.next(ids), Money.of("19.00", "EUR"), clock);
        invoice.applyCreditNote(CreditNoteId.next(ids), Money.of("50.00", "EUR"), clock);
        invoice.writeOff("rest uncollectable", clock);

        Invoice saved = save(invoice);

        assertThat(saved.version()).isEqualTo(1);
        Invoice found = invoices().findById(TENANT_A, invoice.id()).orElseThrow();
        assertThat(withoutVersion(found)).isEqualTo(withoutVersion(invoice));
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.balanceDue()).isEqualTo(Money.zero("EUR"));
    }

    @Test
    void findsByNumberAndRefusesADuplicateNumber() {
        AccountId account = AccountId.next(ids);
        Invoice first = save(invoice(TENANT_A, account, "INV-100", LocalDate.of(2026, 4, 1)));

        assertThat(invoices().findByNumber(TENANT_A, "INV-100"))
                .get()
                .extracting(Invoice::id)
                .isEqualTo(first.id());
        assertThat(invoices().findByNumber(TENANT_A, "INV-101")).isEmpty();
        assertThatThrownBy(() -> save(invoice(TENANT_A, account, "INV-100", LocalDate.of(2026, 4, 1))))
                .isInstanceOf(DuplicateRecordException.class);
        assertThat(invoices()
                        .findByAccount(TENANT_A, account, PageRequest.first(10))
                        .totalElements())
                .isEqualTo(1);
        save(invoice(TENANT_B, account, "INV-100", LocalDate.of(2026, 4, 1)));
    }

    @Test
    void anImportStoresEveryInvoiceInOrder() {
        AccountId account = AccountId.next(ids);

        List<Invoice> saved = storage.transactions()
                .inTransaction(() -> invoices()
                        .saveAll(List.of(
                                invoice(TENANT_A, account, "INV-7", LocalDate.of(2026, 4, 2)),
                                invoice(TENANT_A, account, "INV-8", LocalDate.of(2026, 4, 1)))));

        assertThat(saved)
                .extracting(Invoice::number, Invoice::version)
                .containsExactly(tuple("INV-7", 1L), tuple("INV-8", 1L));
        assertThat(invoices()
                        .findByAccount(TENANT_A, account, PageRequest.first(10))
                        .items())
                .extracting(Invoice::number)
                .containsExactly("INV-8", "INV-7");
    }

    @Test
    void anImportWithANumberTakenBeforeOrTwiceStoresNoneOfItsInvoices() {
        AccountId account = AccountId.next(ids);
        save(invoice(TENANT_A, account, "INV-100", LocalDate.of(2026, 4, 1)));

        assertThatThrownBy(() -> storage.transactions()
                        .inTransaction(() -> invoices()
                                .saveAll(List.of(
                                        invoice(TENANT_A, account, "INV-101", LocalDate.of(2026, 4, 1)),
                                        invoice(TENANT_A, account, "INV-100", LocalDate.of(2026, 4, 1))))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessageContaining("INV-100");
        assertThatThrownBy(() -> storage.transactions()
                        .inTransaction(() -> invoices()
                                .saveAll(List.of(
                                        invoice(TENANT_A, account, "INV-102", LocalDate.of(2026, 4, 1)),
                                        invoice(TENANT_A, account, "INV-102", LocalDate.of(2026, 4, 1))))))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessageContaining("INV-102");

        assertThat(invoices()
                        .findByAccount(TENANT_A, account, PageRequest.first(10))
                        .items())
                .extracting(Invoice::number)
                .containsExactly("INV-100");
    }

    @Test
    void aStaleCopyIsRefused() {
        Invoice stored = save(BillingMother.anInvoice(TENANT_A, ids, clock));
        Invoice copyOne = invoices().findById(TENANT_A, stored.id()).orElseThrow();
        Invoice copyTwo = invoices().findById(TENANT_A, stored.id()).orElseThrow();
        copyOne.applyPayment(PaymentId.next(ids), Money.of("10.00", "EUR"), clock);
        copyTwo.applyPayment(PaymentId.next(ids), Money.of("20.00", "EUR"), clock);

        save(copyOne);

        assertThatThrownBy(() -> save(copyTwo)).isInstanceOf(StaleVersionException.class);
        Invoice now = invoices().findById(TENANT_A, stored.id()).orElseThrow();
        assertThat(now.paid()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(now.version()).isEqualTo(2);
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheInvoice() {
        AccountId account = AccountId.next(ids);
        Invoice stored = save(invoice(TENANT_A, account, "INV-1", LocalDate.of(2026, 3, 1)));

        assertThat(invoices().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(invoices().findByNumber(TENANT_B, "INV-1")).isEmpty();
        assertThat(invoices()
                        .findByAccount(TENANT_B, account, PageRequest.first(10))
                        .items())
                .isEmpty();
        assertThat(invoices().findOpenByAccount(TENANT_B, account)).isEmpty();
        assertThat(invoices()
                        .findOverdue(TENANT_B, LocalDate.of(2027, 1, 1), PageRequest.first(10))
                        .items())
                .isEmpty();

        Invoice intruder = Invoice.restore(new InvoiceState(
                TENANT_B,
                stored.id(),
                stored.version(),
                "HACKED",
                stored.account(),
                stored.issueDate(),
                stored.dueDate(),
                stored.currency(),
                stored.lines(),
                stored.status(),
                List.of(),
                null,
                null,
                stored.createdAt(),
                stored.issuedAt(),
                stored.externalRefs()));
        assertThatThrownBy(() -> save(intruder)).isInstanceOf(RecordNotFoundException.class);
        assertThat(invoices().findById(TENANT_A, stored.id()).orElseThrow().number())
                .isEqualTo("INV-1");
    }

    @Test
    void concurrentPaymentsAreNotLost() throws InterruptedException {
        Invoice stored = save(BillingMother.anInvoice(TENANT_A, ids, clock));
        int writers = 6;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            tasks.add(() -> {
                while (true) {
                    try {
                        Invoice invoice =
                                invoices().findById(TENANT_A, stored.id()).orElseThrow();
                        invoice.applyPayment(PaymentId.next(ids), Money.of("1.00", "EUR"), clock);
                        save(invoice);
                        return null;
                    } catch (StaleVersionException e) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        Invoice now = invoices().findById(TENANT_A, stored.id()).orElseThrow();
        assertThat(now.paid()).isEqualTo(Money.of(String.valueOf(writers), "EUR"));
        assertThat(now.settlements()).hasSize(writers);
        assertThat(now.version()).isEqualTo(1 + writers);
    }
}
