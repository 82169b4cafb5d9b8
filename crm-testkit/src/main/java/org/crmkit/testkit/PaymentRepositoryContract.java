package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.billing.PaymentState;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.PaymentId;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.spi.PaymentRepository;
import org.crmkit.testkit.fixtures.BillingMother;
import org.junit.jupiter.api.Test;

/** What every {@link PaymentRepository} must do. */
public abstract class PaymentRepositoryContract extends StorageContract {

    private PaymentRepository payments() {
        return storage.payments();
    }

    private Payment save(Payment payment) {
        return storage.transactions().inTransaction(() -> payments().save(payment));
    }

    @Test
    void roundTripKeepsEveryField() {
        Payment payment = BillingMother.aPayment(TENANT_A, ids, clock, AccountId.next(ids), "250.00");
        payment.allocate(InvoiceId.next(ids), Money.of("100.00", "EUR"), clock);
        payment.allocate(InvoiceId.next(ids), Money.of("50.00", "EUR"), clock);

        Payment saved = save(payment);

        assertThat(saved.version()).isEqualTo(1);
        Payment found = payments().findById(TENANT_A, payment.id()).orElseThrow();
        assertThat(found.state().withVersion(0)).isEqualTo(payment.state());
        assertThat(found.unallocated()).isEqualTo(Money.of("100.00", "EUR"));
    }

    private Payment received(TenantId tenant, AccountId account, LocalDate day) {
        return save(Payment.receive(
                tenant, PaymentId.next(ids), account, Money.of("10.00", "EUR"), day, PaymentMethod.CARD, null, clock));
    }

    @Test
    void paymentsReceivedInARangeAreListedAcrossAccountsByDayThenIdInBatches() {
        AccountId acme = AccountId.next(ids);
        AccountId globex = AccountId.next(ids);
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 1, 31);
        received(TENANT_A, acme, from.minusDays(1));
        List<Payment> firstDay = List.of(
                received(TENANT_A, globex, from), received(TENANT_A, acme, from), received(TENANT_A, globex, from));
        Payment middle = received(TENANT_A, acme, from.plusDays(14));
        Payment lastDay = received(TENANT_A, globex, to);
        received(TENANT_A, acme, to.plusDays(1));
        Payment otherTenant = received(TENANT_B, acme, from);
        List<PaymentId> expected = new ArrayList<>(firstDay.stream()
                .map(Payment::id)
                .sorted(Comparator.comparing(PaymentId::value))
                .toList());
        expected.add(middle.id());
        expected.add(lastDay.id());

        List<PaymentId> seen = new ArrayList<>();
        Payment after = null;
        List<Payment> batch;
        do {
            batch = payments().findReceivedBetween(TENANT_A, from, to, after, 2);
            batch.forEach(payment -> seen.add(payment.id()));
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == 2);

        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(payments().findReceivedBetween(TENANT_B, from, to, null, 10))
                .extracting(Payment::id)
                .containsExactly(otherTenant.id());
    }

    @Test
    void listsAnAccountsPaymentsByDateReceivedInPages() {
        AccountId account = AccountId.next(ids);
        List<Payment> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(save(BillingMother.aPayment(TENANT_A, ids, clock, account, "1" + i + ".00")));
            clock.advance(Duration.ofDays(1));
        }
        save(BillingMother.aPayment(TENANT_A, ids, clock, AccountId.next(ids), "9.00"));

        Page<Payment> first = payments().findByAccount(TENANT_A, account, PageRequest.of(0, 3));
        Page<Payment> second = payments().findByAccount(TENANT_A, account, PageRequest.of(1, 3));

        assertThat(first.totalElements()).isEqualTo(5);
        assertThat(first.items())
                .extracting(Payment::id)
                .containsExactly(
                        expected.get(0).id(),
                        expected.get(1).id(),
                        expected.get(2).id());
        assertThat(second.items())
                .extracting(Payment::id)
                .containsExactly(expected.get(3).id(), expected.get(4).id());
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void aStaleCopyIsRefused() {
        Payment stored = save(BillingMother.aPayment(TENANT_A, ids, clock, AccountId.next(ids), "100.00"));
        Payment copyOne = payments().findById(TENANT_A, stored.id()).orElseThrow();
        Payment copyTwo = payments().findById(TENANT_A, stored.id()).orElseThrow();
        copyOne.allocate(InvoiceId.next(ids), Money.of("60.00", "EUR"), clock);
        copyTwo.allocate(InvoiceId.next(ids), Money.of("60.00", "EUR"), clock);

        save(copyOne);

        assertThatThrownBy(() -> save(copyTwo)).isInstanceOf(StaleVersionException.class);
        assertThat(payments().findById(TENANT_A, stored.id()).orElseThrow().unallocated())
                .isEqualTo(Money.of("40.00", "EUR"));
    }

    @Test
    void anotherTenantNeitherSeesNorChangesThePayment() {
        AccountId account = AccountId.next(ids);
        Payment stored = save(BillingMother.aPayment(TENANT_A, ids, clock, account, "100.00"));

        assertThat(payments().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(payments()
                        .findByAccount(TENANT_B, account, PageRequest.first(10))
                        .items())
                .isEmpty();
        PaymentState s = stored.state();
        Payment intruder = Payment.restore(new PaymentState(
                TENANT_B,
                s.id(),
                s.version(),
                s.account(),
                Money.of("1.00", "EUR"),
                s.receivedOn(),
                s.method(),
                s.reference(),
                s.allocations(),
                s.recordedAt(),
                s.externalRefs()));
        assertThatThrownBy(() -> save(intruder)).isInstanceOf(RecordNotFoundException.class);
        assertThat(payments().findById(TENANT_A, stored.id()).orElseThrow().amount())
                .isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void concurrentAllocationsAreNotLost() throws InterruptedException {
        Payment stored = save(BillingMother.aPayment(TENANT_A, ids, clock, AccountId.next(ids), "100.00"));
        int writers = 6;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            tasks.add(() -> {
                while (true) {
                    try {
                        Payment payment =
                                payments().findById(TENANT_A, stored.id()).orElseThrow();
                        payment.allocate(InvoiceId.next(ids), Money.of("5.00", "EUR"), clock);
                        save(payment);
                        return null;
                    } catch (StaleVersionException e) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        Payment now = payments().findById(TENANT_A, stored.id()).orElseThrow();
        assertThat(now.allocations()).hasSize(writers);
        assertThat(now.unallocated()).isEqualTo(Money.of("70.00", "EUR"));
    }
}
