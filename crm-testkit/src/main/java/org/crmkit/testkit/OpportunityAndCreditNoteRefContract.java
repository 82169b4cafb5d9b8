package org.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.NewCreditNote;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewStage;
import org.crmkit.core.Upserted;
import org.crmkit.core.billing.CreditNote;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.InvoiceLine;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.ExternalRefConflictException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.NewOpportunity;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityAmountChanged;
import org.crmkit.core.sales.OpportunityOpened;
import org.crmkit.core.sales.Pipeline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * External references of opportunities and credit notes through {@link Crm} over the adapter: a deal is upserted by
 * its reference (created, updated naming the fields, unchanged writing nothing; fixed parts refused), no two deals of
 * a tenant share a reference, concurrent upserts open one deal, and a credit note recorded again is stored and
 * applied once.
 */
public abstract class OpportunityAndCreditNoteRefContract extends StorageContract {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final ExternalRef ERP_DEAL = ExternalRef.of("erp", "SO-2026-118");

    private final List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());
    private UserId owner;
    private Account acme;
    private Pipeline pipeline;

    private Crm crm(TenantId tenant) {
        return crmRecording(tenant, events);
    }

    private Crm crm() {
        return crm(TENANT_A);
    }

    @BeforeEach
    void accountAndPipeline() {
        owner = UserId.next(ids);
        acme = crm().parties().registerAccount(NewAccount.of("ACME Manufacturing", owner));
        pipeline = crm().pipelines()
                .definePipeline(
                        "New business",
                        List.of(
                                NewStage.open("Qualify", 10, ForecastCategory.PIPELINE),
                                NewStage.won("Won"),
                                NewStage.lost("Lost")));
        events.clear();
    }

    private NewOpportunity presses(String amount) {
        return NewOpportunity.of("Presses", acme.id(), pipeline.id(), EUR, owner)
                .withAmount(Money.of(amount, "EUR"))
                .withExpectedCloseDate(LocalDate.of(2026, 6, 30));
    }

    @Test
    void aDealIsUpsertedByItsReferenceCreatedThenUnchangedThenUpdatedNamingTheFields() {
        Upserted<Opportunity> created = crm().sales().upsertOpportunity(ERP_DEAL, presses("12000.00"));
        List<DomainEvent> onCreation = List.copyOf(events);
        events.clear();
        Upserted<Opportunity> unchanged = crm().sales().upsertOpportunity(ERP_DEAL, presses("12000.00"));
        List<DomainEvent> onUnchanged = List.copyOf(events);
        Upserted<Opportunity> updated = crm().sales()
                .upsertOpportunity(ERP_DEAL, presses("15000.00").withExpectedCloseDate(LocalDate.of(2026, 7, 31)));

        assertThat(created.outcome()).isEqualTo(Upserted.Outcome.CREATED);
        assertThat(created.record().externalRefs()).containsExactly(ERP_DEAL);
        assertThat(onCreation).singleElement().isInstanceOf(OpportunityOpened.class);
        assertThat(unchanged.outcome()).isEqualTo(Upserted.Outcome.UNCHANGED);
        assertThat(unchanged.record().version()).isEqualTo(created.record().version());
        assertThat(onUnchanged).isEmpty();
        assertThat(updated.outcome()).isEqualTo(Upserted.Outcome.UPDATED);
        assertThat(updated.changedFields()).containsExactly("amount", "expectedCloseDate");
        assertThat(events).singleElement().isInstanceOf(OpportunityAmountChanged.class);
        Opportunity stored =
                crm().sales().findOpportunityByExternalRef(ERP_DEAL).orElseThrow();
        assertThat(stored.id()).isEqualTo(created.record().id());
        assertThat(stored.amount()).isEqualTo(Money.of("15000.00", "EUR"));
        assertThat(stored.expectedCloseDate()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(stored.version()).isEqualTo(created.record().version() + 1);
    }

    @Test
    void aFixedPartOfAnOpenDealSentOtherwiseIsRefusedNamingTheReferenceAndTheDifference() {
        Opportunity created =
                crm().sales().upsertOpportunity(ERP_DEAL, presses("12000.00")).record();

        assertThatThrownBy(() -> crm().sales()
                        .upsertOpportunity(
                                ERP_DEAL,
                                NewOpportunity.of("Press line", acme.id(), pipeline.id(), EUR, owner)
                                        .withAmount(Money.of("12000.00", "EUR"))))
                .isInstanceOfSatisfying(
                        ExternalRefConflictException.class,
                        e -> assertThat(e.differences()).containsExactly("name: stored Presses, given Press line"))
                .hasMessageContaining("erp/SO-2026-118")
                .hasMessageContaining(created.id().toString());
        assertThat(crm().sales().opportunity(created.id()).orElseThrow().version())
                .isEqualTo(created.version());
    }

    @Test
    void noTwoDealsOfATenantShareAReferenceButAnotherTenantsDealMay() {
        Opportunity first =
                crm().sales().upsertOpportunity(ERP_DEAL, presses("12000.00")).record();
        Opportunity second = crm().sales().openOpportunity(presses("500.00"));
        ExternalRef crmOnline = ExternalRef.of("webshop", "basket-9");

        assertThatThrownBy(() -> crm().sales().addExternalRef(second.id(), ERP_DEAL))
                .isInstanceOf(DuplicateRecordException.class)
                .hasMessageContaining("erp/SO-2026-118");
        Opportunity both = crm().sales().addExternalRef(first.id(), crmOnline);

        assertThat(both.externalRefs()).containsExactly(ERP_DEAL, crmOnline);
        assertThat(crm().sales().findOpportunityByExternalRef(crmOnline))
                .map(Opportunity::id)
                .contains(first.id());
        assertThat(storage.opportunities().findByExternalRef(TENANT_B, ERP_DEAL))
                .isEmpty();
        assertThat(crm().sales().opportunity(second.id()).orElseThrow().externalRefs())
                .isEmpty();
    }

    @Test
    void concurrentUpsertsOfOneNewDealReferenceOpenOneDeal() throws InterruptedException {
        List<Outcome<Upserted<Opportunity>>> outcomes = concurrently(IntStream.range(0, 6)
                .<Callable<Upserted<Opportunity>>>mapToObj(
                        i -> () -> crm().sales().upsertOpportunity(ERP_DEAL, presses("12000.00")))
                .toList());

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        assertThat(outcomes)
                .extracting(outcome -> outcome.value().outcome())
                .containsOnlyOnce(Upserted.Outcome.CREATED)
                .containsOnly(Upserted.Outcome.CREATED, Upserted.Outcome.UNCHANGED);
        assertThat(storage.opportunities().findByAccount(TENANT_A, acme.id())).hasSize(1);
    }

    @Test
    void aCreditNoteRecordedAgainUnderItsReferenceIsStoredAndAppliedOnceAndOtherContentIsRefused() {
        Invoice invoice = crm().billing()
                .recordInvoice(
                        ExternalRef.of("erp", "R-1"),
                        NewInvoice.of("2026-0042", acme.id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), EUR)
                                .withLine(InvoiceLine.of("Press maintenance", "1", Money.of("450.00", "EUR"), "0")))
                .record();
        ExternalRef ref = ExternalRef.of("erp", "CN-7");
        NewCreditNote credit = new NewCreditNote(
                "CN-2026-7", acme.id(), invoice.id(), Money.of("50.00", "EUR"), LocalDate.of(2026, 3, 5), "Damage");
        events.clear();

        Upserted<CreditNote> first = crm().billing().recordCreditNote(ref, credit);
        int eventsOfFirst = events.size();
        Upserted<CreditNote> again = crm().billing().recordCreditNote(ref, credit);

        assertThat(first.outcome()).isEqualTo(Upserted.Outcome.CREATED);
        assertThat(first.record().externalRefs()).containsExactly(ref);
        assertThat(again.outcome()).isEqualTo(Upserted.Outcome.UNCHANGED);
        assertThat(again.record().id()).isEqualTo(first.record().id());
        assertThat(events).hasSize(eventsOfFirst);
        assertThat(crm().billing().invoice(invoice.id()).orElseThrow().balanceDue())
                .isEqualTo(Money.of("400.00", "EUR"));
        assertThat(storage.creditNotes().findByExternalRef(TENANT_A, ref))
                .map(CreditNote::id)
                .contains(first.record().id());
        assertThatThrownBy(() -> crm().billing()
                        .recordCreditNote(
                                ref,
                                new NewCreditNote(
                                        "CN-2026-7",
                                        acme.id(),
                                        invoice.id(),
                                        Money.of("60.00", "EUR"),
                                        LocalDate.of(2026, 3, 5),
                                        "Damage")))
                .isInstanceOfSatisfying(
                        ExternalRefConflictException.class,
                        e -> assertThat(e.differences())
                                .containsExactly("amount: stored " + Money.of("50.00", "EUR") + ", given "
                                        + Money.of("60.00", "EUR")))
                .hasMessageContaining("erp/CN-7")
                .hasMessageContaining(first.record().id().toString());
    }
}
