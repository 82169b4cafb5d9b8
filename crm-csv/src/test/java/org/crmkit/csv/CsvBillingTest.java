package org.crmkit.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.UserId;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.NewAccount;
import org.junit.jupiter.api.Test;

class CsvBillingTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final CsvImport imports = CsvImport.of(crm, storage.transactions());
    private final CsvMapping<InvoiceField> invoices = CsvMapping.forInvoices()
            .externalSystem("erp")
            .column("Beleg", InvoiceField.EXTERNAL_KEY)
            .column("Nummer", InvoiceField.NUMBER)
            .column("Debitor", InvoiceField.ACCOUNT_KEY)
            .column("Datum", InvoiceField.ISSUE_DATE)
            .column("Fällig", InvoiceField.DUE_DATE)
            .column("Währung", InvoiceField.CURRENCY)
            .column("Text", InvoiceField.DESCRIPTION)
            .column("Menge", InvoiceField.QUANTITY)
            .column("Preis", InvoiceField.UNIT_PRICE)
            .column("USt", InvoiceField.TAX_RATE);
    private final CsvMapping<PaymentField> payments = CsvMapping.forPayments()
            .externalSystem("erp")
            .column("Zahlung", PaymentField.EXTERNAL_KEY)
            .column("Debitor", PaymentField.ACCOUNT_KEY)
            .column("Betrag", PaymentField.AMOUNT)
            .column("Währung", PaymentField.CURRENCY)
            .column("Eingang", PaymentField.RECEIVED_ON)
            .column("Art", PaymentField.METHOD)
            .column("Beleg", PaymentField.INVOICE_KEY);

    private List<RowResult> importing(String csv, boolean invoiceFile, ImportMode mode) {
        List<RowResult> rows = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
        if (invoiceFile) {
            imports.importInvoices(in, invoices, mode, rows::add);
        } else {
            imports.importPayments(in, payments, mode, rows::add);
        }
        return rows;
    }

    @Test
    void invoicesAndPaymentsAreRecordedOnceByTheirKeysAndBadCellsAreNamed() {
        crm.parties().upsertAccount(ExternalRef.of("erp", "D-1"), NewAccount.of("ACME", UserId.of(new UUID(7, 7))));
        String invoiceFile = "Beleg,Nummer,Debitor,Datum,Fällig,Währung,Text,Menge,Preis,USt\n"
                + "R-1,2026-0001,D-1,2026-03-01,2026-03-31,EUR,Press maintenance,2,450.00,19\n"
                + "R-2,2026-0002,D-9,2026-03-01,2026-03-31,EUR,Spare parts,1,100.00,19\n"
                + "R-3,2026-0003,D-1,2026-02-30,2026-03-31,EUR,Spare parts,one,100.00,19\n";
        String paymentFile = "Zahlung,Debitor,Betrag,Währung,Eingang,Art,Beleg\n"
                + "Z-1,D-1,1071.00,EUR,2026-03-10,BANK_TRANSFER,R-1\n"
                + "Z-2,D-1,10.00,EUR,2026-03-10,BITCOIN,\n";

        List<RowResult> first = importing(invoiceFile, true, ImportMode.STORE_GOOD_ROWS);
        List<RowResult> again = importing(invoiceFile, true, ImportMode.STORE_GOOD_ROWS);
        List<RowResult> paid = importing(paymentFile, false, ImportMode.STORE_GOOD_ROWS);
        List<RowResult> paidAgain = importing(paymentFile, false, ImportMode.STORE_GOOD_ROWS);

        assertThat(first)
                .extracting(RowResult::outcome)
                .containsExactly(RowOutcome.CREATED, RowOutcome.ERROR, RowOutcome.ERROR);
        assertThat(first.get(1).errors())
                .extracting(RowError::column, RowError::reason)
                .containsExactly(tuple("Debitor", "no account has the reference erp/D-9"));
        assertThat(first.get(2).errors())
                .extracting(RowError::row, RowError::column)
                .containsExactly(tuple(4L, "Datum"), tuple(4L, "Menge"));
        assertThat(again.get(0).outcome()).isEqualTo(RowOutcome.UNCHANGED);
        assertThat(paid).extracting(RowResult::outcome).containsExactly(RowOutcome.CREATED, RowOutcome.ERROR);
        assertThat(paid.get(1).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.column()).isEqualTo("Art"));
        assertThat(paidAgain.get(0).outcome()).isEqualTo(RowOutcome.UNCHANGED);
        assertThat(crm.billing()
                        .invoiceByExternalRef(ExternalRef.of("erp", "R-1"))
                        .orElseThrow()
                        .balanceDue())
                .isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void anInvoiceSentAgainWithOtherContentIsAnErrorNamingTheDifference() {
        crm.parties().upsertAccount(ExternalRef.of("erp", "D-1"), NewAccount.of("ACME", UserId.of(new UUID(7, 7))));
        String header = "Beleg,Nummer,Debitor,Datum,Fällig,Währung,Text,Menge,Preis,USt\n";
        importing(
                header + "R-1,2026-0001,D-1,2026-03-01,2026-03-31,EUR,Press,2,450.00,19\n",
                true,
                ImportMode.ALL_OR_NOTHING);

        List<RowResult> changed = importing(
                header + "R-1,2026-0001,D-1,2026-03-01,2026-04-30,EUR,Press,2,450.00,19\n", true, ImportMode.DRY_RUN);

        assertThat(changed).singleElement().satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(RowOutcome.ERROR);
            assertThat(row.errors().get(0).reason()).contains("erp/R-1").contains("dueDate");
        });
    }
}
