package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.CreditNoteState;
import org.crmkit.core.common.AccountId;
import org.crmkit.core.common.CreditNoteId;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordNotFoundException;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.spi.CreditNoteRepository;
import org.crmkit.testkit.fixtures.BillingMother;
import org.junit.jupiter.api.Test;

/** What every {@link CreditNoteRepository} must do. */
public abstract class CreditNoteRepositoryContract extends StorageContract {

    private CreditNoteRepository creditNotes() {
        return storage.creditNotes();
    }

    private CreditNote save(CreditNote note) {
        return storage.transactions().inTransaction(() -> creditNotes().save(note));
    }

    private CreditNote againstInvoice(AccountId account, InvoiceId invoice, String number) {
        return CreditNote.issue(
                TENANT_A,
                CreditNoteId.next(ids),
                number,
                account,
                invoice,
                Money.of("30.00", "EUR"),
                LocalDate.now(clock),
                "price correction",
                clock);
    }

    @Test
    void roundTripKeepsEveryField() {
        InvoiceId invoice = InvoiceId.next(ids);
        CreditNote note = againstInvoice(AccountId.next(ids), invoice, "CN-1");
        note.applyTo(invoice, Money.of("10.00", "EUR"), clock);

        save(note);

        CreditNote found = creditNotes().findById(TENANT_A, note.id()).orElseThrow();
        assertThat(found.state().withVersion(0)).isEqualTo(note.state());
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.unapplied()).isEqualTo(Money.of("20.00", "EUR"));
    }

    @Test
    void findsByNumberAndByInvoiceAndRefusesADuplicateNumber() {
        AccountId account = AccountId.next(ids);
        InvoiceId invoice = InvoiceId.next(ids);
        CreditNote first = save(againstInvoice(account, invoice, "CN-1"));
        clock.advance(Duration.ofDays(1));
        CreditNote second = save(againstInvoice(account, invoice, "CN-2"));
        save(BillingMother.aCreditNote(TENANT_A, ids, clock, account, "5.00"));

        assertThat(creditNotes().findByNumber(TENANT_A, "CN-2"))
                .get()
                .extracting(CreditNote::id)
                .isEqualTo(second.id());
        assertThat(creditNotes().findByInvoice(TENANT_A, invoice))
                .extracting(CreditNote::id)
                .containsExactly(first.id(), second.id());
        assertThatThrownBy(() -> save(againstInvoice(account, invoice, "CN-1")))
                .isInstanceOf(DuplicateRecordException.class);
    }

    @Test
    void listsAnAccountsCreditNotesByIssueDateInPages() {
        AccountId account = AccountId.next(ids);
        List<CreditNoteId> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.add(save(BillingMother.aCreditNote(TENANT_A, ids, clock, account, "5.00"))
                    .id());
            clock.advance(Duration.ofDays(1));
        }

        Page<CreditNote> first = creditNotes().findByAccount(TENANT_A, account, PageRequest.of(0, 2));
        Page<CreditNote> second = creditNotes().findByAccount(TENANT_A, account, PageRequest.of(1, 2));

        assertThat(first.items()).extracting(CreditNote::id).containsExactly(expected.get(0), expected.get(1));
        assertThat(first.hasNext()).isTrue();
        assertThat(second.items()).extracting(CreditNote::id).containsExactly(expected.get(2));
    }

    @Test
    void aStaleCopyIsRefused() {
        CreditNote stored = save(BillingMother.aCreditNote(TENANT_A, ids, clock, AccountId.next(ids), "50.00"));
        CreditNote copyOne = creditNotes().findById(TENANT_A, stored.id()).orElseThrow();
        CreditNote copyTwo = creditNotes().findById(TENANT_A, stored.id()).orElseThrow();
        copyOne.applyTo(InvoiceId.next(ids), Money.of("30.00", "EUR"), clock);
        copyTwo.applyTo(InvoiceId.next(ids), Money.of("30.00", "EUR"), clock);

        save(copyOne);

        assertThatThrownBy(() -> save(copyTwo)).isInstanceOf(StaleVersionException.class);
        assertThat(creditNotes().findById(TENANT_A, stored.id()).orElseThrow().unapplied())
                .isEqualTo(Money.of("20.00", "EUR"));
    }

    @Test
    void anotherTenantNeitherSeesNorChangesTheCreditNote() {
        AccountId account = AccountId.next(ids);
        CreditNote stored = save(BillingMother.aCreditNote(TENANT_A, ids, clock, account, "50.00"));

        assertThat(creditNotes().findById(TENANT_B, stored.id())).isEmpty();
        assertThat(creditNotes().findByNumber(TENANT_B, stored.number())).isEmpty();
        assertThat(creditNotes()
                        .findByAccount(TENANT_B, account, PageRequest.first(10))
                        .items())
                .isEmpty();
        CreditNoteState s = stored.state();
        CreditNote intruder = CreditNote.restore(new CreditNoteState(
                TENANT_B,
                s.id(),
                s.version(),
                s.number(),
                s.account(),
                s.invoice(),
                Money.of("1.00", "EUR"),
                s.issueDate(),
                s.reason(),
                s.applications(),
                s.createdAt(),
                s.externalRefs()));
        assertThatThrownBy(() -> save(intruder)).isInstanceOf(RecordNotFoundException.class);
        assertThat(creditNotes().findById(TENANT_A, stored.id()).orElseThrow().amount())
                .isEqualTo(Money.of("50.00", "EUR"));
    }

    @Test
    void concurrentApplicationsAreNotLost() throws InterruptedException {
        CreditNote stored = save(BillingMother.aCreditNote(TENANT_A, ids, clock, AccountId.next(ids), "50.00"));
        int writers = 5;
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            tasks.add(() -> {
                while (true) {
                    try {
                        CreditNote note =
                                creditNotes().findById(TENANT_A, stored.id()).orElseThrow();
                        note.applyTo(InvoiceId.next(ids), Money.of("2.00", "EUR"), clock);
                        save(note);
                        return null;
                    } catch (StaleVersionException e) {
                        Thread.onSpinWait();
                    }
                }
            });
        }

        assertThat(concurrently(tasks)).allMatch(Outcome::succeeded);

        assertThat(creditNotes().findById(TENANT_A, stored.id()).orElseThrow().unapplied())
                .isEqualTo(Money.of("40.00", "EUR"));
    }
}
