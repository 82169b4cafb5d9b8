package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntSupplier;
import org.crmkit.core.Crm;
import org.crmkit.core.NewPayment;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.PaymentMethod;
import org.crmkit.core.common.Money;
import org.crmkit.core.party.Account;
import org.crmkit.workflow.dunning.CaseEvent;
import org.crmkit.workflow.dunning.CaseEventKind;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A morning's dunning on PostgreSQL reads only what can be due: the open cases whose next step falls due that day,
 * those whose invoices changed since they last looked, and the overdue invoices that no open case holds; an open case
 * that is none of these is not read, nor are its invoices. Three customers reach their first reminders on days 0, 2
 * and 4, so that their second reminders fall due on days 14, 16 and 18.
 */
class DunningReadsWhatCanBeDueOnPostgresTest {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    /** The case and invoice rows a run loaded, and what it planned. */
    private record Reads(int planned, long cases, long invoices) {}

    @Test
    void theMorningASecondReminderFallsDueReadsThatCaseAloneAndASecondRunReadsNone() throws Exception {
        try (DunningNodes nodes = new DunningNodes(database, 1)) {
            threeCustomersReminded(nodes);

            Reads due = reads(() -> nodes.first().dunning().planDue(nodes.morningOf(14)));
            Reads again = reads(() -> nodes.first().dunning().planDue(nodes.morningOf(14)));

            // the due case is read to find its group and again in its chunk's transaction, with its one invoice
            assertThat(due).isEqualTo(new Reads(1, 2, 1));
            assertThat(again).isEqualTo(new Reads(0, 0, 0));
        }
    }

    @Test
    void aCaseWhoseInvoiceWasPartlyPaidUnheardIsReadAndReanchoredOnTheNextRunThoughNotDue() throws Exception {
        try (DunningNodes nodes = new DunningNodes(database, 1)) {
            List<Account> customers = threeCustomersReminded(nodes);
            Invoice invoice = nodes.first()
                    .crm()
                    .billing()
                    .openInvoicesOf(customers.get(1).id())
                    .get(0);
            nodes.morningOf(10);
            paidWithoutDunningHearingOfIt(nodes, invoice, "100.00");

            Reads reads = reads(() -> nodes.first().dunning().planDue(nodes.morningOf(11)));

            assertThat(reads).isEqualTo(new Reads(0, 2, 1));
            assertThat(nodes.first()
                            .dunning()
                            .openCaseOf(customers.get(1).id())
                            .orElseThrow()
                            .history())
                    .extracting(CaseEvent::kind)
                    .contains(CaseEventKind.PARTIAL_PAYMENT);
        }
    }

    @Test
    void anInvoiceThatFallsOverdueJoinsTheAccountsOpenCaseThoughTheCaseIsNotDue() throws Exception {
        try (DunningNodes nodes = new DunningNodes(database, 1)) {
            List<Account> customers = threeCustomersReminded(nodes);
            nodes.morningOf(5);
            nodes.invoice(customers.get(2).id(), "300.00", 2);

            Reads reads = reads(() -> nodes.first().dunning().planDue(nodes.morningOf(10)));

            // the new invoice (outside any case) and the case's invoice; the case read once, in its chunk
            assertThat(reads).isEqualTo(new Reads(1, 1, 2));
            assertThat(nodes.first()
                            .dunning()
                            .openCaseOf(customers.get(2).id())
                            .orElseThrow()
                            .items())
                    .hasSize(2);
        }
    }

    /** Three customers whose first reminders go out on days 0, 2 and 4 (an invoice 7 days overdue each). */
    private static List<Account> threeCustomersReminded(DunningNodes nodes) {
        List<Account> customers =
                List.of(nodes.customer("Customer 0"), nodes.customer("Customer 1"), nodes.customer("Customer 2"));
        for (int i = 0; i < customers.size(); i++) {
            nodes.invoice(customers.get(i).id(), "1000.00", 7 - 2 * i);
        }
        for (int day = 0; day <= 4; day += 2) {
            assertThat(nodes.first().dunning().planDue(nodes.morningOf(day))).isEqualTo(1);
        }
        return customers;
    }

    /** A payment recorded by a crmkit without dunning (e.g. the ERP's import), so no event re-evaluates the case. */
    private static void paidWithoutDunningHearingOfIt(DunningNodes nodes, Invoice invoice, String amount) {
        Crm importer = Crm.builder()
                .storage(JpaStorage.builder(database.entityManagerFactory())
                        .clock(nodes.clock)
                        .build())
                .clock(nodes.clock)
                .build();
        Money paid = Money.of(amount, "EUR");
        importer.billing()
                .recordPayment(new NewPayment(
                        invoice.account(),
                        paid,
                        LocalDate.ofInstant(nodes.clock.instant(), ZoneOffset.UTC),
                        PaymentMethod.BANK_TRANSFER,
                        "PAY-" + invoice.number(),
                        List.of(NewPayment.Allocation.of(invoice.id(), paid))));
    }

    private static Reads reads(IntSupplier run) {
        Statistics statistics = database.statistics();
        statistics.clear();
        int planned = run.getAsInt();
        return new Reads(
                planned,
                statistics.getEntityStatistics(DunningCaseRow.class.getName()).getLoadCount(),
                statistics.getEntityStatistics(InvoiceRow.class.getName()).getLoadCount());
    }
}
