package org.crmkit.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.NewInvoice;
import org.crmkit.core.NewPayment;
import org.crmkit.core.Registered;
import org.crmkit.core.Upserted;
import org.crmkit.core.billing.Invoice;
import org.crmkit.core.billing.Payment;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.ErrorCode;
import org.crmkit.core.common.ExternalRef;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.RecordType;
import org.crmkit.core.common.Require;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.spi.Transactions;
import org.crmkit.csv.RowStorage.Line;

/**
 * Imports contacts or accounts from CSV (UTF-8, comma-separated, a header row, quoted as RFC 4180 says) through a
 * {@link CsvMapping}, reading one row at a time so that memory does not grow with the file; each row's result goes to
 * the caller's consumer as it is known. A row with the mapping's external key is an upsert by that reference
 * (created, updated, unchanged); one without is registered. Every row is checked for duplicates under the tenant's
 * rules (see {@code crm.duplicates()}). Every bad value is reported with its row and column; the file's own problems
 * (a mapped column missing from the header, a stream that fails) stop the import and are reported with their
 * row. Bytes that are not UTF-8 make their row an error naming the column. See {@link ImportMode} for what is stored. Thread-safe; one import per call.
 */
public final class CsvImport {

    /**
     * Rows read and stored together, and per transaction of {@link ImportMode#STORE_GOOD_ROWS}, unless
     * {@link #batchSize} says otherwise.
     */
    public static final int DEFAULT_BATCH_SIZE = 500;

    private final Crm crm;
    private final Transactions transactions;
    private final int batchSize;

    private CsvImport(Crm crm, Transactions transactions, int batchSize) {
        this.crm = crm;
        this.transactions = transactions;
        this.batchSize = batchSize;
    }

    /** An importer through {@code crm}, whose storage's transactions are {@code transactions}. */
    public static CsvImport of(Crm crm, Transactions transactions) {
        return new CsvImport(
                Require.notNull(crm, "crm"), Require.notNull(transactions, "transactions"), DEFAULT_BATCH_SIZE);
    }

    /**
     * This importer with batches of {@code rows} rows (1 to 10,000): the rows of a batch are looked up and written
     * together, and in {@link ImportMode#STORE_GOOD_ROWS} share a transaction (1 stores each row in its own).
     * Larger batches cost fewer statements, commits and event relays; a batch is also how many rows' results wait
     * for their commit before they reach the consumer.
     */
    public CsvImport batchSize(int rows) {
        Require.that(rows >= 1 && rows <= 10_000, "batchSize", "must be 1 to 10000, not " + rows);
        return new CsvImport(crm, transactions, rows);
    }

    /**
     * Imports contacts; see the class comment. The rows of a batch are looked up and written together
     * ({@code crm.duplicates().inContactBatch}), with the same result per row as one at a time.
     */
    public ImportSummary importContacts(
            InputStream csv, CsvMapping<ContactField> mapping, ImportMode mode, Consumer<RowResult> rows) {
        mapping.requireComplete();
        String system = mapping.externalSystem().orElse(null);
        return run(csv, mapping, mode, rows, new RowKind<ContactField, Keyed<NewContact>>() {
            @Override
            public Keyed<NewContact> read(RowValues<ContactField> values) {
                ExternalRef ref = values.parsed(ContactField.EXTERNAL_KEY, key -> ExternalRef.of(system, key));
                NewContact contact = PartyRows.contact(values, mapping);
                return contact == null || !values.errors().isEmpty() ? null : new Keyed<>(ref, contact);
            }

            @Override
            public RowStorage.Stored store(Keyed<NewContact> row, RowValues<ContactField> values) {
                if (row.ref() != null) {
                    Upserted<Contact> upserted = crm.parties().upsertContact(row.ref(), row.record());
                    return upserted(
                            upserted, RecordRef.contact(upserted.record().id()));
                }
                Registered<Contact> registered = crm.duplicates().registerContact(row.record());
                return registered(
                        registered, RecordRef.contact(registered.record().id()));
            }

            @Override
            public <R> R together(List<Keyed<NewContact>> batch, Supplier<R> work) {
                List<NewContact> contacts = batch.stream()
                        .map(row ->
                                row.ref() == null ? row.record() : row.record().withExternalRef(row.ref()))
                        .toList();
                return crm.duplicates().inContactBatch(contacts, work);
            }
        });
    }

    /** A record read from a row, with its external reference (null when the row has none). */
    private record Keyed<T>(ExternalRef ref, T record) {}

    /** Imports accounts; see the class comment. */
    public ImportSummary importAccounts(
            InputStream csv, CsvMapping<AccountField> mapping, ImportMode mode, Consumer<RowResult> rows) {
        mapping.requireComplete();
        String system = mapping.externalSystem().orElse(null);
        return run(
                csv,
                mapping,
                mode,
                rows,
                RowKind.of(
                        values -> {
                            ExternalRef ref =
                                    values.parsed(AccountField.EXTERNAL_KEY, key -> ExternalRef.of(system, key));
                            NewAccount account = PartyRows.account(values, mapping);
                            return account == null || !values.errors().isEmpty() ? null : new Keyed<>(ref, account);
                        },
                        (row, values) -> {
                            if (row.ref() != null) {
                                Upserted<Account> upserted = crm.parties().upsertAccount(row.ref(), row.record());
                                return upserted(
                                        upserted,
                                        RecordRef.account(upserted.record().id()));
                            }
                            Registered<Account> registered = crm.duplicates().registerAccount(row.record());
                            return registered(
                                    registered,
                                    RecordRef.account(registered.record().id()));
                        }));
    }

    /**
     * Records invoices another system sent, one invoice with one line per row, under their external keys
     * ({@code Billing.recordInvoice}): CREATED, UNCHANGED when recorded before with the same content, ERROR naming
     * the differences when the key's invoice has other content, or when the account key is unknown.
     */
    public ImportSummary importInvoices(
            InputStream csv, CsvMapping<InvoiceField> mapping, ImportMode mode, Consumer<RowResult> rows) {
        mapping.requireComplete();
        String system = mapping.externalSystem().orElseThrow();
        return run(csv, mapping, mode, rows, RowKind.of(values -> values, (read, values) -> {
            ExternalRef ref = values.parsed(InvoiceField.EXTERNAL_KEY, key -> ExternalRef.of(system, key));
            NewInvoice invoice = BillingRows.invoice(values, system, crm);
            if (ref == null || invoice == null || !values.errors().isEmpty()) {
                return null;
            }
            Upserted<Invoice> recorded = crm.billing().recordInvoice(ref, invoice);
            return upserted(recorded, RecordRef.invoice(recorded.record().id()));
        }));
    }

    /**
     * Records payments another system sent under their external keys ({@code Billing.recordPayment}), each
     * allocated in full to the invoice of its {@code INVOICE_KEY} when it has one: CREATED, UNCHANGED, or ERROR as
     * {@link #importInvoices} says.
     */
    public ImportSummary importPayments(
            InputStream csv, CsvMapping<PaymentField> mapping, ImportMode mode, Consumer<RowResult> rows) {
        mapping.requireComplete();
        String system = mapping.externalSystem().orElseThrow();
        return run(csv, mapping, mode, rows, RowKind.of(values -> values, (read, values) -> {
            ExternalRef ref = values.parsed(PaymentField.EXTERNAL_KEY, key -> ExternalRef.of(system, key));
            NewPayment payment = BillingRows.payment(values, system, crm);
            if (ref == null || payment == null || !values.errors().isEmpty()) {
                return null;
            }
            Upserted<Payment> recorded = crm.billing().recordPayment(ref, payment);
            return upserted(
                    recorded,
                    new RecordRef(RecordType.PAYMENT, recorded.record().id().value()));
        }));
    }

    private static RowStorage.Stored upserted(Upserted<?> upserted, RecordRef record) {
        RowOutcome outcome = !upserted.possibleDuplicates().isEmpty()
                ? RowOutcome.POSSIBLE_DUPLICATE
                : RowOutcome.valueOf(upserted.outcome().name());
        return new RowStorage.Stored(outcome, record, upserted.changedFields(), upserted.possibleDuplicates());
    }

    private static RowStorage.Stored registered(Registered<?> registered, RecordRef record) {
        return new RowStorage.Stored(
                registered.possibleDuplicates().isEmpty() ? RowOutcome.CREATED : RowOutcome.POSSIBLE_DUPLICATE,
                record,
                List.of(),
                registered.possibleDuplicates());
    }

    /** Thrown to roll back a dry run or a failed all-or-nothing import, carrying its summary out. */
    private static final class RolledBack extends CrmException {
        private final transient ImportSummary summary;

        RolledBack(ImportSummary summary) {
            super(ErrorCode.ILLEGAL_STATE, "the import is rolled back (a dry run, or a row failed)");
            this.summary = summary;
        }
    }

    private <F extends Enum<F>, T> ImportSummary run(
            InputStream csv, CsvMapping<F> mapping, ImportMode mode, Consumer<RowResult> rows, RowKind<F, T> kind) {
        Require.notNull(csv, "csv");
        Require.notNull(mode, "mode");
        Require.notNull(rows, "rows");
        if (mode == ImportMode.STORE_GOOD_ROWS) {
            return read(csv, mapping, rows, kind, true);
        }
        // one transaction for the whole file, rolled back for a dry run or a failed row
        try {
            return transactions.inTransaction(() -> {
                ImportSummary summary = read(csv, mapping, rows, kind, false);
                if (mode == ImportMode.DRY_RUN || !summary.kept()) {
                    throw new RolledBack(summary);
                }
                return summary;
            });
        } catch (RolledBack rolledBack) {
            ImportSummary summary = rolledBack.summary;
            return new ImportSummary(summary.rows(), summary.counts(), false, summary.fileErrors());
        }
    }

    /**
     * Reads and stores every row; {@code kept} of the summary says whether every row went well (or, when
     * {@code goodRowsKept}, whether the file could be read to its end).
     */
    private <F extends Enum<F>, T> ImportSummary read(
            InputStream csv,
            CsvMapping<F> mapping,
            Consumer<RowResult> rows,
            RowKind<F, T> kind,
            boolean goodRowsKept) {
        Tally tally = new Tally(rows);
        long row = 1;
        List<Line> batch = new ArrayList<>();
        RowStorage<F, T> storage = null;
        try (MappingIterator<String[]> lines = lines(csv)) {
            if (!lines.hasNextValue()) {
                return new ImportSummary(
                        0, tally.counts, false, List.of(new RowError(1, null, "the file has no header")));
            }
            String[] header = lines.nextValue();
            List<RowError> missing = missingColumns(header, mapping);
            if (!missing.isEmpty()) {
                return new ImportSummary(0, tally.counts, false, missing);
            }
            storage = new RowStorage<>(transactions, header, mapping, kind);
            while (lines.hasNextValue()) {
                String[] values = lines.nextValue();
                row++;
                batch.add(new Line(row, values));
                if (batch.size() == batchSize) {
                    storeBatch(storage, batch, tally, goodRowsKept);
                }
            }
            storeBatch(storage, batch, tally, goodRowsKept);
            return new ImportSummary(row - 1, tally.counts, goodRowsKept || tally.allWell, List.of());
        } catch (IOException e) {
            storeBatch(storage, batch, tally, goodRowsKept);
            return new ImportSummary(row - 1, tally.counts, goodRowsKept, List.of(unreadable(row + 1, e)));
        } catch (RuntimeException e) {
            // Jackson's iterator wraps what the reader throws
            if (!(e.getCause() instanceof IOException)) {
                throw e;
            }
            storeBatch(storage, batch, tally, goodRowsKept);
            return new ImportSummary(row - 1, tally.counts, goodRowsKept, List.of(unreadable(row + 1, e)));
        }
    }

    /** The counts per outcome so far, and whether every row went well; passes each result on to the consumer. */
    private static final class Tally {
        final Map<RowOutcome, Long> counts = new EnumMap<>(RowOutcome.class);
        final Consumer<RowResult> rows;
        boolean allWell = true;

        Tally(Consumer<RowResult> rows) {
            this.rows = rows;
        }

        void add(RowResult result) {
            counts.merge(result.outcome(), 1L, Long::sum);
            allWell &= result.outcome() != RowOutcome.ERROR && result.record() != null;
            rows.accept(result);
        }
    }

    /**
     * Stores and reports the batch's rows, in a transaction of its own when {@code goodRowsKept} (a result reaches the
     * consumer once its row is committed), else in the import's; empties it.
     */
    private static <F extends Enum<F>, T> void storeBatch(
            RowStorage<F, T> storage, List<Line> batch, Tally tally, boolean goodRowsKept) {
        if (batch.isEmpty()) {
            return;
        }
        (goodRowsKept ? storage.batch(batch) : storage.inTransaction(batch)).forEach(tally::add);
        batch.clear();
    }

    private static <F extends Enum<F>> List<RowError> missingColumns(String[] header, CsvMapping<F> mapping) {
        List<String> present = new ArrayList<>();
        for (String column : header) {
            present.add(column.strip());
        }
        return mapping.columns().keySet().stream()
                .filter(column -> !present.contains(column))
                .map(column -> new RowError(1, column, "the header has no such column; it has " + present))
                .toList();
    }

    private static RowError unreadable(long row, Exception e) {
        return new RowError(
                row,
                null,
                "the file cannot be read at or after this row (nothing after it was read): " + e.getMessage());
    }

    private static MappingIterator<String[]> lines(InputStream csv) throws IOException {
        Reader reader = new InputStreamReader(
                csv,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
        CsvMapper mapper = CsvMapper.builder()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
        return mapper.readerFor(String[].class).readValues(reader);
    }
}
