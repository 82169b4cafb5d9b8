package org.crmkit.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.UserId;
import org.crmkit.core.duplicate.MatchKind;
import org.crmkit.core.duplicate.RuleMatch;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Account;
import org.junit.jupiter.api.Test;

class CsvAccountsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final CsvMapping<AccountField> mapping = CsvMapping.forAccounts(UserId.of(new UUID(7, 7)))
            .externalSystem("erp")
            .column("Debitor", AccountField.EXTERNAL_KEY)
            .column("Firma", AccountField.NAME)
            .column("USt-IdNr", AccountField.TAX_ID)
            .column("Telefon", AccountField.PHONE)
            .column("Merkmale", AccountField.TAGS);

    private List<RowResult> importing(String csv, ImportMode mode) {
        List<RowResult> rows = new ArrayList<>();
        CsvImport.of(crm, storage.transactions())
                .importAccounts(
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), mapping, mode, rows::add);
        return rows;
    }

    @Test
    void accountsAreUpsertedByTheirKeyReportedAsDuplicatesByTaxIdAndExportedForARoundTrip() {
        List<RowResult> first = importing(
                "Debitor,Firma,USt-IdNr,Telefon,Merkmale\n"
                        + "D-1,Müller Maschinenbau GmbH,DE123456789,+49 30 1234567,key account;metal\n"
                        + "D-2,Initech AG,,,\n",
                ImportMode.STORE_GOOD_ROWS);
        List<RowResult> second = importing(
                "Debitor,Firma,USt-IdNr,Telefon,Merkmale\n"
                        + "D-1,Müller Maschinenbau GmbH,DE123456789,+49 30 1234567,key account;metal\n"
                        + ",Mueller Machines,de 123 456 789,+49 30 1234567,\n"
                        + "D-2,Initech AG,,not a phone,\n",
                ImportMode.DRY_RUN);

        assertThat(first).extracting(RowResult::outcome).containsOnly(RowOutcome.CREATED);
        Account mueller = crm.parties()
                .findAccountByExternalRef(ExternalRef.of("erp", "D-1"))
                .orElseThrow();
        assertThat(mueller.tags().has("key account")).isTrue();
        assertThat(second)
                .extracting(RowResult::outcome)
                .containsExactly(RowOutcome.UNCHANGED, RowOutcome.POSSIBLE_DUPLICATE, RowOutcome.ERROR);
        assertThat(second.get(1).candidates())
                .singleElement()
                .satisfies(c -> assertThat(c.matches())
                        .extracting(RuleMatch::kind)
                        .containsExactly(MatchKind.PHONE, MatchKind.TAX_ID));
        assertThat(second.get(2).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.column()).isEqualTo("Telefon"));

        StringWriter out = new StringWriter();
        assertThat(CsvExport.of(crm).exportAccounts(out, mapping)).isEqualTo(2);
        assertThat(out.toString())
                .startsWith("Debitor,Firma,USt-IdNr,Telefon,Merkmale\n")
                .contains("D-1,\"Müller Maschinenbau GmbH\",DE123456789,\"+49301234567\",\"key account;metal\"");
        assertThat(importing(out.toString(), ImportMode.DRY_RUN))
                .extracting(RowResult::outcome)
                .containsOnly(RowOutcome.UNCHANGED);
    }
}
