package org.crmkit.benchmarks.jpa;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.crmkit.core.Crm;
import org.crmkit.core.common.ContactId;
import org.crmkit.core.common.EmailAddress;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.PostalAddress;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.UserId;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.ContactPointType;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.party.PersonName;
import org.crmkit.csv.ContactField;
import org.crmkit.csv.CsvImport;
import org.crmkit.csv.CsvMapping;
import org.crmkit.csv.ImportMode;
import org.crmkit.csv.ImportSummary;
import org.crmkit.csv.RowOutcome;
import org.crmkit.persistence.jpa.JpaStorage;

/**
 * Scenario benchmark of a CSV import of contacts through the JPA adapter on the embedded PostgreSQL 17, with the
 * standard duplicate rules on (policy WARN), against the bulk insert of the same contacts without any checking
 * ({@code contacts().saveAll} in transactions of 1,000). Each CSV row has an external key, a name, an email and an
 * address, so that a row is an upsert (one lookup by reference) checked for duplicates (by email, and by last name
 * at its postal code) and stored ({@link ImportMode#STORE_GOOD_ROWS}) in transactions of each batch size given
 * ({@code --batches 1,500}: a row per transaction, then batches of 500, whose contacts are looked up and written
 * together). Each phase runs on a fresh database. Reports rows per second of each. {@code --phases import,bulk} runs
 * the phases in that order ({@code bulk,import} by default; one of them alone: only that one), so that a long run
 * under a changing load can alternate them.
 *
 * <p>Build and run from the repository root:
 * <pre>
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar org.crmkit.benchmarks.jpa.JpaCsvImportScenario [--rows 20000] [--batches 1,500] [--phases bulk,import]
 * </pre>
 */
public final class JpaCsvImportScenario {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);

    private JpaCsvImportScenario() {}

    public static void main(String[] args) throws IOException {
        int rows = 20_000;
        List<Integer> batches = List.of(1, CsvImport.DEFAULT_BATCH_SIZE);
        List<String> phases = List.of("bulk", "import");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--batches" ->
                    batches = Arrays.stream(args[i + 1].split(","))
                            .map(Integer::valueOf)
                            .toList();
                case "--phases" -> phases = List.of(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        UserId owner = UserId.next(new IdGenerator(CLOCK));
        Path csv = Files.createTempFile("crmkit-contacts", ".csv");
        try {
            write(csv, rows);
            double bulk = Double.NaN;
            for (String phase : phases) {
                switch (phase) {
                    case "bulk" -> {
                        bulk = bulkInsert(rows, owner);
                        System.out.printf(
                                Locale.ROOT,
                                "%,d contacts: bulk insert without checking %.0f rows/s (%s)%n",
                                rows,
                                bulk,
                                load());
                    }
                    case "import" -> {
                        for (int batch : batches) {
                            double imported = csvImport(csv, rows, owner, batch);
                            System.out.printf(
                                    Locale.ROOT,
                                    "%,d contacts: CSV import with duplicate checking, batches of %d rows: %.0f rows/s"
                                            + " (%.2f of the bulk rate measured before it) (%s)%n",
                                    rows,
                                    batch,
                                    imported,
                                    imported / bulk,
                                    load());
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown phase " + phase + "; bulk or import");
                }
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static String load() {
        return String.format(
                Locale.ROOT,
                "load average %.1f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static void write(Path csv, int rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Key,First name,Last name,E-mail,Street,Postcode,City,Country\n");
            for (int i = 0; i < rows; i++) {
                out.write("K-" + i + ",Person,Number" + i + ",p" + i + "@example.com,Street " + (i % 200) + ","
                        + (10_000 + i % 90_000) + ",Town,DE\n");
            }
        }
    }

    /** Inserts the contacts in transactions of 1,000, made a transaction's worth at a time (bounded memory). */
    private static double bulkInsert(int rows, UserId owner) throws IOException {
        try (BenchmarkDatabase database = new BenchmarkDatabase()) {
            JpaStorage storage = database.storage(CLOCK);
            IdGenerator ids = new IdGenerator(CLOCK);
            long start = System.nanoTime();
            for (int from = 0; from < rows; from += 1_000) {
                List<Contact> contacts = new ArrayList<>(1_000);
                for (int i = from; i < Math.min(from + 1_000, rows); i++) {
                    contacts.add(Contact.register(
                            TenantId.DEFAULT,
                            ContactId.next(ids),
                            NewContact.of(PersonName.of("Person", "Number" + i), owner)
                                    .withEmail(EmailAddress.of("p" + i + "@example.com"), ContactPointType.WORK)
                                    .withAddress(
                                            PostalAddress.of(
                                                    "Street " + (i % 200), "" + (10_000 + i % 90_000), "Town", "DE"),
                                            ContactPointType.WORK),
                            CLOCK));
                }
                JpaContactBenchmarks.saveInTransactionsOf1000(storage, contacts);
                progress("bulk insert", from + contacts.size(), rows, start);
            }
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** A line every 100,000 rows, so that a long run shows its rate as it goes. */
    private static void progress(String phase, long done, int rows, long start) {
        if (done % 100_000 == 0 && done < rows) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "  %s: %,d rows in %.0f s, %.0f rows/s (%s)%n",
                    phase,
                    done,
                    seconds,
                    done / seconds,
                    load());
        }
    }

    private static double csvImport(Path csv, int rows, UserId owner, int batch) throws IOException {
        try (BenchmarkDatabase database = new BenchmarkDatabase();
                InputStream in = Files.newInputStream(csv)) {
            JpaStorage storage = database.storage(CLOCK);
            Crm crm = Crm.builder().storage(storage).clock(CLOCK).build();
            CsvMapping<ContactField> mapping = CsvMapping.forContacts(owner)
                    .externalSystem("erp")
                    .column("Key", ContactField.EXTERNAL_KEY)
                    .column("First name", ContactField.FIRST_NAME)
                    .column("Last name", ContactField.LAST_NAME)
                    .column("E-mail", ContactField.EMAIL)
                    .column("Street", ContactField.STREET)
                    .column("Postcode", ContactField.POSTCODE)
                    .column("City", ContactField.CITY)
                    .column("Country", ContactField.COUNTRY);
            long start = System.nanoTime();
            ImportSummary summary = CsvImport.of(crm, storage.transactions())
                    .batchSize(batch)
                    .importContacts(
                            in,
                            mapping,
                            ImportMode.STORE_GOOD_ROWS,
                            row -> progress("CSV import", row.row() - 1, rows, start));
            double rate = rows / ((System.nanoTime() - start) / 1e9);
            if (summary.count(RowOutcome.CREATED) != rows) {
                throw new IllegalStateException("expected " + rows + " created rows, got " + summary.counts());
            }
            return rate;
        }
    }
}
