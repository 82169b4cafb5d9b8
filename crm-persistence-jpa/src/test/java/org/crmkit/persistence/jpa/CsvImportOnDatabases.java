package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ExternalRef;
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

/**
 * A CSV dry run and an all-or-nothing import in one transaction of a real database: what the rows did is reported,
 * and nothing of it stays when the import is a dry run or a row fails; the good rows of a third import stay.
 */
abstract class CsvImportOnDatabases {

    private static final String FILE = "Key,Last name,E-mail\n"
            + "K-1,King,ada@example.com\n"
            + "K-2,Smith,bob@example.com\n"
            + "K-3,Lee,not-an-email\n";

    abstract TestDatabase database();

    @Test
    void aDryRunAndAFailedAllOrNothingImportLeaveNothingAndStoringGoodRowsKeepsThem() {
        Storage storage = database().storagePort(SettableClock.at(Instant.parse("2026-03-02T09:00:00Z")));
        TenantId tenant = TenantId.of("csv-" + UUID.randomUUID());
        Crm crm = Crm.builder().storage(storage).tenant(tenant).build();
        CsvMapping<ContactField> mapping = CsvMapping.forContacts(UserId.of(new UUID(7, 7)))
                .externalSystem("erp")
                .column("Key", ContactField.EXTERNAL_KEY)
                .column("Last name", ContactField.LAST_NAME)
                .column("E-mail", ContactField.EMAIL);
        CsvImport imports = CsvImport.of(crm, storage.transactions());

        List<RowResult> dryRun = new ArrayList<>();
        ImportSummary dry = imports.importContacts(input(), mapping, ImportMode.DRY_RUN, dryRun::add);
        ImportSummary allOrNothing = imports.importContacts(input(), mapping, ImportMode.ALL_OR_NOTHING, row -> {});
        long afterBoth =
                storage.contacts().findAll(tenant, PageRequest.first(10)).totalElements();
        ImportSummary good = imports.importContacts(input(), mapping, ImportMode.STORE_GOOD_ROWS, row -> {});

        assertThat(dryRun)
                .extracting(RowResult::outcome)
                .containsExactly(RowOutcome.CREATED, RowOutcome.CREATED, RowOutcome.ERROR);
        assertThat(dry.kept()).isFalse();
        assertThat(allOrNothing.kept()).isFalse();
        assertThat(afterBoth).isZero();
        assertThat(good.count(RowOutcome.CREATED)).isEqualTo(2);
        assertThat(storage.contacts().findAll(tenant, PageRequest.first(10)).totalElements())
                .isEqualTo(2);
        assertThat(crm.parties().findContactByExternalRef(ExternalRef.of("erp", "K-2")))
                .isPresent();
    }

    private static ByteArrayInputStream input() {
        return new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8));
    }
}
