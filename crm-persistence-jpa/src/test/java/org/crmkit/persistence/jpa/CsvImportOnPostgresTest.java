package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.spi.Storage;
import org.crmkit.csv.ContactField;
import org.crmkit.csv.CsvImport;
import org.crmkit.csv.CsvMapping;
import org.crmkit.csv.ImportMode;
import org.crmkit.csv.ImportSummary;
import org.crmkit.csv.RowOutcome;
import org.crmkit.csv.RowResult;
import org.crmkit.testkit.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CsvImportOnPostgresTest extends CsvImportOnDatabases {

    @RegisterExtension
    static final TestDatabase database = TestDatabase.postgres();

    @Override
    Storage storage(SettableClock clock) {
        return database.storagePort(clock);
    }

    /**
     * The 500 rows of a batch, each upserted by its key and checked for duplicates by email and by name at its postal
     * code, are looked up and written together: a few dozen statements, where a row at a time took about nine per row.
     */
    @Test
    void aBatchOfRowsIsLookedUpAndWrittenInAFewDozenStatements() {
        Storage storage = database.storagePort(SettableClock.at(Instant.parse("2026-03-02T09:00:00Z")));
        TenantId tenant = TenantId.of("csv-" + UUID.randomUUID());
        Crm crm = Crm.builder().storage(storage).tenant(tenant).build();
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 500; i++) {
            file.append("K-" + i + ",Person,Number" + i + ",p" + i + "@example.com,,Street 1," + (10_000 + i)
                    + ",Town,DE,\n");
        }
        List<RowResult> rows = new ArrayList<>();
        database.statistics().clear();

        ImportSummary summary = CsvImport.of(crm, storage.transactions())
                .importContacts(
                        new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)),
                        everyColumn(),
                        ImportMode.STORE_GOOD_ROWS,
                        rows::add);

        assertThat(summary.count(RowOutcome.CREATED)).as("%s", rows.get(0)).isEqualTo(500);
        assertThat(database.statistics().getPrepareStatementCount()).isLessThan(100);
    }

    /**
     * A row the database itself refuses (here a host's trigger; in life a constraint or a conflict with another
     * writer) aborts the PostgreSQL transaction of its batch: the batch is rolled back and stored again row by row,
     * so the refused row is an error naming it and every other row is stored once.
     */
    @Test
    void aRowTheDatabaseRefusesCostsOnlyItselfAndNotItsBatch() {
        database.execute("create function crm_test_refuse() returns trigger language plpgsql as $$ begin"
                + " if new.last_name_key = 'refused' then raise exception 'refused by the host''s rule'; end if;"
                + " return new; end $$");
        database.execute("create trigger crm_test_refuse before insert on crm_contact"
                + " for each row execute function crm_test_refuse()");
        try {
            Storage storage = database.storagePort(SettableClock.at(Instant.parse("2026-03-02T09:00:00Z")));
            TenantId tenant = TenantId.of("csv-" + UUID.randomUUID());
            Crm crm = Crm.builder().storage(storage).tenant(tenant).build();
            CsvMapping<ContactField> mapping = CsvMapping.forContacts(UserId.of(new UUID(7, 7)))
                    .externalSystem("erp")
                    .column("Key", ContactField.EXTERNAL_KEY)
                    .column("Last name", ContactField.LAST_NAME);
            String file = "Key,Last name\nK-1,King\nK-2,Smith\nK-3,Refused\nK-4,Lee\nK-5,Diaz\n";
            List<RowResult> rows = new ArrayList<>();

            ImportSummary summary = CsvImport.of(crm, storage.transactions())
                    .importContacts(
                            new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                            mapping,
                            ImportMode.STORE_GOOD_ROWS,
                            rows::add);

            assertThat(rows)
                    .extracting(RowResult::outcome)
                    .containsExactly(
                            RowOutcome.CREATED,
                            RowOutcome.CREATED,
                            RowOutcome.ERROR,
                            RowOutcome.CREATED,
                            RowOutcome.CREATED);
            assertThat(rows.get(2).errors()).singleElement().satisfies(error -> {
                assertThat(error.row()).isEqualTo(4);
                assertThat(error.reason()).contains("CRM-");
            });
            assertThat(summary.kept()).isTrue();
            assertThat(storage.contacts().findAll(tenant, PageRequest.first(10)).totalElements())
                    .isEqualTo(4);
        } finally {
            database.execute("drop trigger crm_test_refuse on crm_contact");
            database.execute("drop function crm_test_refuse()");
        }
    }
}
