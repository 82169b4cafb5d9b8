package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.NewPayment;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.InvoiceId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.CaseEventKind;
import org.crmkit.workflow.dunning.CaseStatus;
import org.crmkit.workflow.dunning.DunningCase;
import org.junit.jupiter.api.Test;

/**
 * Schema 27 on a database upgraded from an earlier crmkit: a case stored with its history in its document, without
 * item rows or next step, reads back whole; the first run after the upgrade evaluates every open one (also one that
 * nothing else would bring to it), after which its history is kept as rows and a step appends to them.
 */
abstract class DunningCaseHistoryUpgrade {

    abstract TestDatabase database();

    @Test
    void anOpenCaseStoredBeforeReadsWholeAndKeepsItsHistoryAsRowsOnceTheNextRunEvaluatedIt() throws Exception {
        try (DunningNodes nodes = new DunningNodes(database(), 1)) {
            Account customer = nodes.overdueCustomers(1).get(0);
            nodes.first().dunning().planDue(nodes.morningOf(0));
            nodes.first().runtime().dispatchDue(nodes.morningOf(0));
            DunningCase before =
                    nodes.first().dunning().openCaseOf(customer.id()).orElseThrow();
            DunningCasesBeforeSchema27.storeAsBefore(
                    database(), nodes.first().storage(), TenantId.DEFAULT, before.id());

            assertThat(nodes.first()
                            .dunning()
                            .dunningCase(before.id())
                            .orElseThrow()
                            .history())
                    .isEqualTo(before.history());
            database().migrateAgain(27);
            int planned = nodes.first().dunning().planDue(nodes.morningOf(14));

            DunningCase after = nodes.first().dunning().dunningCase(before.id()).orElseThrow();
            assertThat(planned).isEqualTo(1);
            assertThat(after.history().subList(0, before.history().size())).isEqualTo(before.history());
            assertThat(after.history().get(after.history().size() - 1).kind()).isEqualTo(CaseEventKind.LEVEL_REACHED);
            assertHistoryKeptAsRowsOnly(after);
            assertThat(rowsOf("crm_dunning_case_item", before)).isEqualTo(1);
            assertThat(after.nextStepOn()).isEqualTo(LocalDate.of(2026, 2, 2));
        }
    }

    @Test
    void aDeliveryToAnOpenCaseStoredBeforeComesAfterItsDocumentsHistoryWhichMovesIntoRows() throws Exception {
        try (DunningNodes nodes = new DunningNodes(database(), 1)) {
            Account customer = nodes.overdueCustomers(1).get(0);
            nodes.first().dunning().planDue(nodes.morningOf(0));
            DunningCase before =
                    nodes.first().dunning().openCaseOf(customer.id()).orElseThrow();
            DunningCasesBeforeSchema27.storeAsBefore(
                    database(), nodes.first().storage(), TenantId.DEFAULT, before.id());

            assertThat(nodes.first().runtime().dispatchDue(nodes.morningOf(0)).delivered())
                    .isEqualTo(1);

            DunningCase after = nodes.first().dunning().dunningCase(before.id()).orElseThrow();
            assertThat(after.history().subList(0, before.history().size())).isEqualTo(before.history());
            assertThat(after.history()).hasSize(before.history().size() + 1);
            assertThat(after.history().get(before.history().size()).kind()).isEqualTo(CaseEventKind.NOTICE_DELIVERED);
            assertHistoryKeptAsRowsOnly(after);
        }
    }

    @Test
    void anOpenCaseStoredBeforeWhoseInvoiceWasPaidUnheardIsClosedByTheFirstRunAfterTheUpgrade() throws Exception {
        try (DunningNodes nodes = new DunningNodes(database(), 1)) {
            Account customer = nodes.overdueCustomers(1).get(0);
            nodes.first().dunning().planDue(nodes.morningOf(0));
            DunningCase before =
                    nodes.first().dunning().openCaseOf(customer.id()).orElseThrow();
            DunningCasesBeforeSchema27.storeAsBefore(
                    database(), nodes.first().storage(), TenantId.DEFAULT, before.id());
            paidWithoutDunningHearingOfIt(nodes, before.items().get(0).invoice());

            database().migrateAgain(27);
            nodes.first().dunning().planDue(nodes.morningOf(2));

            DunningCase after = nodes.first().dunning().dunningCase(before.id()).orElseThrow();
            assertThat(after.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(after.history()).extracting(CaseEvent::kind).contains(CaseEventKind.INVOICE_PAID);
        }
    }

    @Test
    void aClosedCaseStoredBeforeKeepsReadingItsHistoryFromItsDocument() throws Exception {
        try (DunningNodes nodes = new DunningNodes(database(), 1)) {
            Account customer = nodes.overdueCustomers(1).get(0);
            nodes.first().dunning().planDue(nodes.morningOf(0));
            Invoice invoice =
                    nodes.first().crm().billing().openInvoicesOf(customer.id()).get(0);
            nodes.pays(invoice);
            DunningCase closed = nodes.first().dunning().casesOf(customer.id()).get(0);
            DunningCasesBeforeSchema27.storeAsBefore(
                    database(), nodes.first().storage(), TenantId.DEFAULT, closed.id());

            database().migrateAgain(27);

            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(nodes.first()
                            .dunning()
                            .dunningCase(closed.id())
                            .orElseThrow()
                            .history())
                    .isEqualTo(closed.history());
            assertThat(rowsOf("crm_dunning_case_event", closed)).isZero();
        }
    }

    /** A payment recorded by a crmkit without dunning (e.g. the ERP's import), so no event re-evaluates the case. */
    private void paidWithoutDunningHearingOfIt(DunningNodes nodes, InvoiceId id) {
        Crm importer = Crm.builder()
                .storage(JpaStorage.builder(database().entityManagerFactory())
                        .clock(nodes.clock)
                        .build())
                .clock(nodes.clock)
                .build();
        Money balance = importer.billing().invoice(id).orElseThrow().balanceDue();
        Invoice invoice = importer.billing().invoice(id).orElseThrow();
        importer.billing()
                .recordPayment(new NewPayment(
                        invoice.account(),
                        balance,
                        LocalDate.ofInstant(nodes.clock.instant(), ZoneOffset.UTC),
                        PaymentMethod.BANK_TRANSFER,
                        "PAY-" + invoice.number(),
                        List.of(NewPayment.Allocation.of(id, balance))));
    }

    /** The case's document holds no history any more: each of its entries is a row. */
    private void assertHistoryKeptAsRowsOnly(DunningCase dunningCase) {
        assertThat(database()
                        .storedJson(
                                "document",
                                "crm_dunning_case",
                                "id",
                                dunningCase.id().value())
                        .get("history"))
                .isEmpty();
        assertThat(rowsOf("crm_dunning_case_event", dunningCase))
                .isEqualTo(dunningCase.history().size());
    }

    private long rowsOf(String table, DunningCase dunningCase) {
        return database()
                .count("select count(*) from " + table + " where case_id = '"
                        + dunningCase.id().value() + "'");
    }
}
