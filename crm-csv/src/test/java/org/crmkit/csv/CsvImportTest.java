package org.crmkit.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.InvalidValueException;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.duplicate.DuplicateRules;
import org.crmkit.core.inmemory.InMemoryStorage;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.junit.jupiter.api.Test;

class CsvImportTest {

    private static final String HEADER = "Kundennummer,Vorname,Nachname,E-Mail,Straße,PLZ,Ort,Land\n";

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStorage storage = InMemoryStorage.create(clock);
    private final Crm crm = Crm.builder().storage(storage).clock(clock).build();
    private final UserId owner = UserId.of(new UUID(7, 7));
    private final CsvMapping<ContactField> mapping = CsvMapping.forContacts(owner)
            .externalSystem("erp")
            .column("Kundennummer", ContactField.EXTERNAL_KEY)
            .column("Vorname", ContactField.FIRST_NAME)
            .column("Nachname", ContactField.LAST_NAME)
            .column("E-Mail", ContactField.EMAIL)
            .column("Straße", ContactField.STREET)
            .column("PLZ", ContactField.POSTCODE)
            .column("Ort", ContactField.CITY)
            .column("Land", ContactField.COUNTRY);
    private final CsvImport imports = CsvImport.of(crm, storage.transactions());

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private long storedContacts() {
        return storage.contacts()
                .findAll(TenantId.DEFAULT, PageRequest.first(1))
                .totalElements();
    }

    private List<RowResult> run(String text, ImportMode mode) {
        List<RowResult> rows = new ArrayList<>();
        imports.importContacts(csv(text), mapping, mode, rows::add);
        return rows;
    }

    @Test
    void aDryRunReportsWhatEachRowWouldDoAndStoresNothing() {
        crm.parties()
                .upsertContact(
                        ExternalRef.of("erp", "K-1"),
                        NewContact.of(PersonName.of("Ada", "King"), owner)
                                .withEmail(EmailAddress.of("ada@example.com"), ContactPointType.WORK));
        crm.parties().upsertContact(ExternalRef.of("erp", "K-2"), NewContact.of(PersonName.of("Bob", "Smith"), owner));
        long before = storedContacts();

        List<RowResult> rows = run(
                HEADER
                        + "K-1,Ada,King,ada@example.com,,,,\n"
                        + "K-2,Robert,Smith,,,,,\n"
                        + "K-3,Carla,Diaz,carla@example.com,,,,\n"
                        + ",Ada,Lovelace,ADA@example.com,,,,\n"
                        + "K-5,Dan,Brown,dan@@example,,,,\n",
                ImportMode.DRY_RUN);

        assertThat(rows)
                .extracting(RowResult::row, RowResult::outcome)
                .containsExactly(
                        tuple(2L, RowOutcome.UNCHANGED),
                        tuple(3L, RowOutcome.UPDATED),
                        tuple(4L, RowOutcome.CREATED),
                        tuple(5L, RowOutcome.POSSIBLE_DUPLICATE),
                        tuple(6L, RowOutcome.ERROR));
        assertThat(rows.get(1).changedFields()).containsExactly("name");
        assertThat(rows.get(3).candidates())
                .singleElement()
                .satisfies(c -> assertThat(c.score()).isEqualTo(60));
        assertThat(rows.get(4).errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(6);
            assertThat(error.column()).isEqualTo("E-Mail");
            assertThat(error.reason()).contains("CRM-0002").contains("dan@@example");
        });
        assertThat(storedContacts()).isEqualTo(before);
        assertThat(crm.parties()
                        .findContactByExternalRef(ExternalRef.of("erp", "K-2"))
                        .orElseThrow()
                        .name())
                .isEqualTo(PersonName.of("Bob", "Smith"));
    }

    @Test
    void storingGoodRowsKeepsThemAndReportsTheBadOnesByRowAndColumn() {
        List<RowResult> rows = new ArrayList<>();

        ImportSummary summary = imports.importContacts(
                csv(HEADER
                        + "K-1,Ada,King,ada@example.com,Hauptstr. 1,10115,Berlin,DE\n"
                        + "K-2,Bob,Smith,,Hauptstr. 2,10115,Berlin,XX\n"
                        + "K-3,Carla,,carla@example.com,,,,\n"
                        + "K-4,Dan,Brown,,,,,,surplus\n"
                        + "K-5,Eve,Stone,eve@example.com,,,,\n"),
                mapping,
                ImportMode.STORE_GOOD_ROWS,
                rows::add);

        assertThat(summary.rows()).isEqualTo(5);
        assertThat(summary.count(RowOutcome.CREATED)).isEqualTo(2);
        assertThat(summary.count(RowOutcome.ERROR)).isEqualTo(3);
        assertThat(summary.kept()).isTrue();
        assertThat(rows.stream().flatMap(row -> row.errors().stream()))
                .extracting(RowError::row, RowError::column)
                .containsExactly(tuple(3L, "Land"), tuple(4L, "Nachname"), tuple(5L, null));
        assertThat(rows.get(1).errors().get(0).reason()).contains("XX");
        assertThat(rows.get(3).errors().get(0).reason()).isEqualTo("has 9 values, the header 8 columns");
        assertThat(storedContacts()).isEqualTo(2);
    }

    @Test
    void allOrNothingStoresNothingWhenRow70001HasAnInvalidEmail() {
        InputStream file = new SequenceInputStream(Collections.enumeration(List.of(
                csv(HEADER),
                csv(String.join(
                        "",
                        IntStream.range(0, 69_999)
                                .mapToObj(i -> "K-" + i + ",Person,Number" + i + ",p" + i + "@example.com,,,,\n")
                                .toList())),
                csv("K-70000,Bad,Mail,not-an-email,,,,\n"),
                csv("K-70001,Last,Row,last@example.com,,,,\n"))));
        List<RowResult> failed = new ArrayList<>();

        ImportSummary summary = imports.importContacts(file, mapping, ImportMode.ALL_OR_NOTHING, row -> {
            if (row.outcome() == RowOutcome.ERROR) {
                failed.add(row);
            }
        });

        assertThat(summary.rows()).isEqualTo(70_001);
        assertThat(summary.kept()).isFalse();
        assertThat(failed)
                .singleElement()
                .satisfies(row -> assertThat(row.errors()).singleElement().satisfies(error -> {
                    assertThat(error.row()).isEqualTo(70_001);
                    assertThat(error.column()).isEqualTo("E-Mail");
                }));
        assertThat(storedContacts()).isZero();
        assertThat(crm.parties().findContactByExternalRef(ExternalRef.of("erp", "K-1")))
                .isEmpty();
    }

    @Test
    void aMissingColumnIsNamedAndNoRowIsRead() {
        List<RowResult> rows = new ArrayList<>();

        ImportSummary summary = imports.importContacts(
                csv("Kundennummer,Nachname,E-Mail\nK-1,King,ada@example.com\n"),
                mapping,
                ImportMode.STORE_GOOD_ROWS,
                rows::add);

        assertThat(summary.fileErrors())
                .extracting(RowError::row, RowError::column)
                .containsExactly(
                        tuple(1L, "Vorname"),
                        tuple(1L, "Straße"),
                        tuple(1L, "PLZ"),
                        tuple(1L, "Ort"),
                        tuple(1L, "Land"));
        assertThat(rows).isEmpty();
        assertThat(storedContacts()).isZero();
    }

    @Test
    void bytesThatAreNotUtf8AreAnErrorOfTheirRowAndColumnAndAllOrNothingKeepsNothing() {
        byte[] good = (HEADER + "K-1,Ada,King,,,,,\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "K-2,J\u00fcrgen,M\u00fcller,,,,,\n".getBytes(StandardCharsets.ISO_8859_1);
        InputStream file = new SequenceInputStream(new ByteArrayInputStream(good), new ByteArrayInputStream(bad));

        List<RowResult> rows = new ArrayList<>();

        ImportSummary summary = imports.importContacts(file, mapping, ImportMode.ALL_OR_NOTHING, rows::add);

        assertThat(summary.kept()).isFalse();
        assertThat(summary.fileErrors()).isEmpty();
        assertThat(rows).extracting(RowResult::outcome).containsExactly(RowOutcome.CREATED, RowOutcome.ERROR);
        assertThat(rows.get(1).errors())
                .extracting(RowError::row, RowError::column)
                .containsExactly(tuple(3L, "Vorname"), tuple(3L, "Nachname"));
        assertThat(rows.get(1).errors().get(0).reason()).contains("not valid UTF-8");
        assertThat(storedContacts()).isZero();
    }

    @Test
    void underARefusingPolicyADuplicateRowIsRefusedWithItsCandidatesAndAllOrNothingKeepsNothing() {
        Crm refusing = Crm.builder()
                .storage(storage)
                .clock(clock)
                .duplicateRules(DuplicateRules.standard().refusingFrom(60))
                .build();
        Contact ada = refusing.parties()
                .registerContact(NewContact.of(PersonName.of("Ada", "King"), owner)
                        .withEmail(EmailAddress.of("ada@example.com"), ContactPointType.WORK));
        List<RowResult> rows = new ArrayList<>();

        ImportSummary summary = CsvImport.of(refusing, storage.transactions())
                .importContacts(
                        csv(HEADER + "K-7,Carla,Diaz,,,,,\nK-8,Ada,K.,ada@example.com,,,,\n"),
                        mapping,
                        ImportMode.ALL_OR_NOTHING,
                        rows::add);

        assertThat(rows.get(1).outcome()).isEqualTo(RowOutcome.POSSIBLE_DUPLICATE);
        assertThat(rows.get(1).record()).isNull();
        assertThat(rows.get(1).candidates())
                .singleElement()
                .satisfies(c -> assertThat(c.record().id()).isEqualTo(ada.id().value()));
        assertThat(summary.kept()).isFalse();
        assertThat(storedContacts()).isEqualTo(1);
    }

    @Test
    void anIncompleteMappingIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> imports.importContacts(
                        csv(HEADER),
                        CsvMapping.forContacts(owner).column("E-Mail", ContactField.EMAIL),
                        ImportMode.DRY_RUN,
                        row -> {}))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("LAST_NAME");
        assertThatThrownBy(() -> CsvMapping.forContacts(owner)
                        .column("Kundennummer", ContactField.EXTERNAL_KEY)
                        .column("Nachname", ContactField.LAST_NAME)
                        .requireComplete())
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("external system");
    }

    @Test
    void contactsExportedAndImportedAgainWithTheSameMappingAreUnchanged() {
        imports.importContacts(
                csv(
                        HEADER
                                + "K-1,Ada,King,ada@example.com,Hauptstr. 1,10115,Berlin,DE\n\"K-2\",\"Bob, Jr.\",\"Smith\",,,,,\n"),
                mapping,
                ImportMode.ALL_OR_NOTHING,
                row -> {});
        StringWriter out = new StringWriter();

        long written = CsvExport.of(crm).exportContacts(out, mapping);
        List<RowResult> again = run(out.toString(), ImportMode.DRY_RUN);

        assertThat(written).isEqualTo(2);
        assertThat(out.toString()).startsWith("Kundennummer,Vorname,Nachname,E-Mail,Straße,PLZ,Ort,Land\n");
        assertThat(out.toString()).contains("\"Bob, Jr.\"");
        assertThat(again).extracting(RowResult::outcome).containsOnly(RowOutcome.UNCHANGED);
    }
}
