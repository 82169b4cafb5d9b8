package org.crmkit.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.RecordRef;
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
 * and nothing of it stays when the import is a dry run or a row fails; the good rows of a third import stay. Rows
 * imported in batches (looked up and written together) are reported as rows imported one at a time, in every mode.
 * Subclasses supply the storage (H2, PostgreSQL, and memory for comparison).
 */
abstract class CsvImportOnDatabases {

    private static final String FILE = "Key,Last name,E-mail\n"
            + "K-1,King,ada@example.com\n"
            + "K-2,Smith,bob@example.com\n"
            + "K-3,Lee,not-an-email\n";

    static final String HEADER = "Key,First name,Last name,E-mail,Phone,Street,Postcode,City,Country,Tags\n";

    /** Yesterday's file: stored before the file compared. */
    private static final String YESTERDAY = HEADER
            + "K-1,Ada,King,ada@example.com,,Hauptstr. 1,10115,Berlin,DE,\n"
            + "K-2,Bob,Smith,bob@example.com,+49 30 1234567,,,,,\n"
            + "K-3,Hans,Meier,hans@example.com,,Elbchaussee 3,20095,Hamburg,DE,\n";

    /**
     * Today's file: unchanged and updated rows, a key created and updated again in the file, rows that duplicate a
     * stored contact and one of an earlier row, and bad rows.
     */
    private static final String TODAY = HEADER
            + "K-1,Ada,King,ada@example.com,,Hauptstr. 1,10115,Berlin,DE,\n"
            + "K-2,Bob,Smith,bob@example.com,+49 30 1234567,,,,,vip\n"
            + "K-10,Grace,Hopper,grace@example.com,,Hauptstr. 9,10115,Berlin,DE,\n"
            + "K-10,Grace,Hopper,grace@example.com,,Hauptstr. 9,10115,Berlin,DE,navy\n"
            + ",Ada,Kinng,ADA@example.com,,Hauptstr. 1,10115,Berlin,DE,\n"
            + "K-11,Grace,Hoper,grace@example.com,,Hauptstr. 9,10115,Berlin,DE,\n"
            + "K-12,Bad,Email,not-an-email,,,,,,\n"
            + "K-13,Unknown,Country,x@example.com,,Main St 1,12345,Nowhere,XX,\n"
            + "K-14,No,,nolast@example.com,,,,,,\n"
            + "K-15,Hanns,Meier,,,Elbchaussee 5,20095,Hamburg,DE,\n"
            + ",Robert,Smith,,+4930 1234567,,,,,\n"
            + "K-3,Hans,Meier,hans.meier@example.com,,Elbchaussee 3,20095,Hamburg,DE,\n"
            + ",Meier,Hans,,,Elbchaussee 3,20095,Hamburg,DE,\n";

    abstract Storage storage(SettableClock clock);

    @Test
    void rowsImportedInBatchesAreReportedAsRowsImportedOneAtATimeInEveryMode() {
        Storage storage = storage(SettableClock.at(Instant.parse("2026-03-02T09:00:00Z")));
        for (ImportMode mode : ImportMode.values()) {
            List<String> oneAtATime = importToday(storage, mode, 1);
            List<String> batched = importToday(storage, mode, 500);

            assertThat(batched).as(mode.name()).isEqualTo(oneAtATime);
            assertThat(oneAtATime)
                    .as(mode.name())
                    .containsExactly(
                            "2 UNCHANGED #1 [] [] []",
                            "3 UPDATED #2 [tags] [] []",
                            "4 CREATED #3 [] [] []",
                            "5 UPDATED #3 [tags] [] []",
                            "6 POSSIBLE_DUPLICATE #4 [] [#1 100 EMAIL+SIMILAR_NAME] []",
                            "7 POSSIBLE_DUPLICATE #5 [] [#3 100 EMAIL+SIMILAR_NAME] []",
                            "8 ERROR - [] [] [row 8, column 'E-mail': CRM-0002: 'not-an-email' is not of the form"
                                    + " local@domain]",
                            "9 ERROR - [] [] [row 9, column 'Country': CRM-0002: 'XX' is not an ISO 3166-1 alpha-2"
                                    + " country code]",
                            "10 ERROR - [] [] [row 10, column 'Last name': CRM-0002: is required]",
                            "11 POSSIBLE_DUPLICATE #6 [] [#7 50 SIMILAR_NAME] []",
                            "12 POSSIBLE_DUPLICATE #8 [] [#2 50 PHONE] []",
                            "13 UPDATED #7 [emails] [] []",
                            "14 CREATED #9 [] [] []");
        }
    }

    /** The mapping of every column of {@link #HEADER}. */
    static CsvMapping<ContactField> everyColumn() {
        return CsvMapping.forContacts(UserId.of(new UUID(7, 7)))
                .externalSystem("erp")
                .column("Key", ContactField.EXTERNAL_KEY)
                .column("First name", ContactField.FIRST_NAME)
                .column("Last name", ContactField.LAST_NAME)
                .column("E-mail", ContactField.EMAIL)
                .column("Phone", ContactField.PHONE)
                .column("Street", ContactField.STREET)
                .column("Postcode", ContactField.POSTCODE)
                .column("City", ContactField.CITY)
                .column("Country", ContactField.COUNTRY)
                .column("Tags", ContactField.TAGS);
    }

    /**
     * Imports yesterday's file, then today's in batches of {@code batchSize} rows under {@code mode}, for a tenant
     * of its own; describes each row of today, naming records by the order in which the report mentions them.
     */
    private static List<String> importToday(Storage storage, ImportMode mode, int batchSize) {
        TenantId tenant = TenantId.of("csv-" + UUID.randomUUID());
        Crm crm = Crm.builder().storage(storage).tenant(tenant).build();
        CsvMapping<ContactField> mapping = everyColumn();
        CsvImport imports = CsvImport.of(crm, storage.transactions()).batchSize(batchSize);
        imports.importContacts(input(YESTERDAY), mapping, ImportMode.STORE_GOOD_ROWS, row -> {});
        List<RowResult> rows = new ArrayList<>();
        imports.importContacts(input(TODAY), mapping, mode, rows::add);
        Map<RecordRef, String> labels = new HashMap<>();
        Function<RecordRef, String> label =
                record -> record == null ? "-" : labels.computeIfAbsent(record, r -> "#" + (labels.size() + 1));
        return rows.stream()
                .map(row -> row.row() + " " + row.outcome() + " " + label.apply(row.record()) + " "
                        + row.changedFields() + " "
                        + row.candidates().stream()
                                .map(candidate -> label.apply(candidate.record()) + " " + candidate.score() + " "
                                        + candidate.matches().stream()
                                                .map(match -> match.kind().name())
                                                .collect(Collectors.joining("+")))
                                .toList()
                        + " " + row.errors())
                .toList();
    }

    @Test
    void aDryRunAndAFailedAllOrNothingImportLeaveNothingAndStoringGoodRowsKeepsThem() {
        Storage storage = storage(SettableClock.at(Instant.parse("2026-03-02T09:00:00Z")));
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
        return input(FILE);
    }

    private static ByteArrayInputStream input(String file) {
        return new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8));
    }
}
