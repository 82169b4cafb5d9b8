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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
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
import org.crmkit.core.duplicate.DuplicateCandidate;
import org.crmkit.core.duplicate.PossibleDuplicateException;
import org.crmkit.core.party.Account;
import org.crmkit.core.party.Contact;
import org.crmkit.core.party.NewAccount;
import org.crmkit.core.party.NewContact;
import org.crmkit.core.spi.Transactions;

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

    /** What the decoder reads bytes that are not UTF-8 as, so that the row and column can be named. */
    private static final char NOT_UTF_8 = '\uFFFD';

    private final Crm crm;
    private final Transactions transactions;

    private CsvImport(Crm crm, Transactions transactions) {
        this.crm = crm;
        this.transactions = transactions;
    }

    /** An importer through {@code crm}, whose storage's transactions are {@code transactions}. */
    public static CsvImport of(Crm crm, Transactions transactions) {
        return new CsvImport(Require.notNull(crm, "crm"), Require.notNull(transactions, "transactions"));
    }

    /** Imports contacts; see the class comment. */
    public ImportSummary importContacts(
            InputStream csv, CsvMapping<ContactField> mapping, ImportMode mode, Consumer<RowResult> rows) {
        mapping.requireComplete();
        String system = mapping.externalSystem().orElse(null);
        return run(csv, mapping, mode, rows, values -> {
            ExternalRef ref = values.parsed(ContactField.EXTERNAL_KEY, key -> ExternalRef.of(system, key));
            NewContact contact = PartyRows.contact(values, mapping);
            if (contact == null || !values.errors().isEmpty()) {
                return null;
            }
            if (ref != null) {
                Upserted<Contact> upserted = crm.parties().upsertContact(ref, contact);
                return upserted(upserted, RecordRef.contact(upserted.record().id()));
            }
            Registered<Contact> registered = crm.duplicates().registerContact(contact);
            return registered(registered, RecordRef.contact(registered.record().id()));
        });
    }

    /** Imports accounts; see the class comment. */
    public ImportSummary importAccounts(
            InputStream csv, CsvMapping<AccountField> mapping, ImportMode mode, Consumer<RowResult> rows) {
        mapping.requireComplete();
        String system = mapping.externalSystem().orElse(null);
        return run(csv, mapping, mode, rows, values -> {
            ExternalRef ref = values.parsed(AccountField.EXTERNAL_KEY, key -> ExternalRef.of(system, key));
            NewAccount account = PartyRows.account(values, mapping);
            if (account == null || !values.errors().isEmpty()) {
                return null;
            }
            if (ref != null) {
                Upserted<Account> upserted = crm.parties().upsertAccount(ref, account);
                return upserted(upserted, RecordRef.account(upserted.record().id()));
            }
            Registered<Account> registered = crm.duplicates().registerAccount(account);
            return registered(registered, RecordRef.account(registered.record().id()));
        });
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
        return run(csv, mapping, mode, rows, values -> {
            ExternalRef ref = values.parsed(InvoiceField.EXTERNAL_KEY, key -> ExternalRef.of(system, key));
            NewInvoice invoice = BillingRows.invoice(values, system, crm);
            if (ref == null || invoice == null || !values.errors().isEmpty()) {
                return null;
            }
            Upserted<Invoice> recorded = crm.billing().recordInvoice(ref, invoice);
            return upserted(recorded, RecordRef.invoice(recorded.record().id()));
        });
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
        return run(csv, mapping, mode, rows, values -> {
            ExternalRef ref = values.parsed(PaymentField.EXTERNAL_KEY, key -> ExternalRef.of(system, key));
            NewPayment payment = BillingRows.payment(values, system, crm);
            if (ref == null || payment == null || !values.errors().isEmpty()) {
                return null;
            }
            Upserted<Payment> recorded = crm.billing().recordPayment(ref, payment);
            return upserted(
                    recorded,
                    new RecordRef(RecordType.PAYMENT, recorded.record().id().value()));
        });
    }

    /** A row stored: its outcome without the row number, which {@link #run} adds. */
    private record Stored(
            RowOutcome outcome, RecordRef record, List<String> changedFields, List<DuplicateCandidate> candidates) {}

    private static Stored upserted(Upserted<?> upserted, RecordRef record) {
        RowOutcome outcome = !upserted.possibleDuplicates().isEmpty()
                ? RowOutcome.POSSIBLE_DUPLICATE
                : RowOutcome.valueOf(upserted.outcome().name());
        return new Stored(outcome, record, upserted.changedFields(), upserted.possibleDuplicates());
    }

    private static Stored registered(Registered<?> registered, RecordRef record) {
        return new Stored(
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

    private <F extends Enum<F>> ImportSummary run(
            InputStream csv,
            CsvMapping<F> mapping,
            ImportMode mode,
            Consumer<RowResult> rows,
            Function<RowValues<F>, Stored> store) {
        Require.notNull(csv, "csv");
        Require.notNull(mode, "mode");
        Require.notNull(rows, "rows");
        if (mode == ImportMode.STORE_GOOD_ROWS) {
            return read(csv, mapping, rows, store, true);
        }
        try {
            return transactions.inTransaction(() -> {
                ImportSummary summary = read(csv, mapping, rows, store, false);
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
    private <F extends Enum<F>> ImportSummary read(
            InputStream csv,
            CsvMapping<F> mapping,
            Consumer<RowResult> rows,
            Function<RowValues<F>, Stored> store,
            boolean goodRowsKept) {
        Map<RowOutcome, Long> counts = new EnumMap<>(RowOutcome.class);
        long row = 1;
        boolean allWell = true;
        try (MappingIterator<String[]> lines = lines(csv)) {
            if (!lines.hasNextValue()) {
                return new ImportSummary(0, counts, false, List.of(new RowError(1, null, "the file has no header")));
            }
            String[] header = lines.nextValue();
            List<RowError> missing = missingColumns(header, mapping);
            if (!missing.isEmpty()) {
                return new ImportSummary(0, counts, false, missing);
            }
            while (lines.hasNextValue()) {
                String[] values = lines.nextValue();
                row++;
                RowResult result = result(row, header, values, mapping, store);
                counts.merge(result.outcome(), 1L, Long::sum);
                allWell &= result.outcome() != RowOutcome.ERROR && result.record() != null;
                rows.accept(result);
            }
            return new ImportSummary(row - 1, counts, goodRowsKept || allWell, List.of());
        } catch (IOException e) {
            return new ImportSummary(row - 1, counts, goodRowsKept, List.of(unreadable(row + 1, e)));
        } catch (RuntimeException e) {
            // Jackson's iterator wraps what the reader throws
            if (!(e.getCause() instanceof IOException)) {
                throw e;
            }
            return new ImportSummary(row - 1, counts, goodRowsKept, List.of(unreadable(row + 1, e)));
        }
    }

    private static <F extends Enum<F>> RowResult result(
            long row, String[] header, String[] values, CsvMapping<F> mapping, Function<RowValues<F>, Stored> store) {
        if (values.length > header.length) {
            for (int i = header.length; i < values.length; i++) {
                if (!values[i].isBlank()) {
                    return RowResult.failed(
                            row,
                            List.of(new RowError(
                                    row,
                                    null,
                                    "has " + values.length + " values, the header " + header.length + " columns")));
                }
            }
        }
        Map<String, String> byHeader = new HashMap<>();
        List<RowError> undecodable = new ArrayList<>();
        for (int i = 0; i < header.length && i < values.length; i++) {
            byHeader.put(header[i].strip(), values[i]);
            if (values[i].indexOf(NOT_UTF_8) >= 0) {
                undecodable.add(
                        new RowError(row, header[i].strip(), "holds bytes that are not valid UTF-8 (read as U+FFFD)"));
            }
        }
        if (!undecodable.isEmpty()) {
            return RowResult.failed(row, undecodable);
        }
        RowValues<F> rowValues = new RowValues<>(row, byHeader, mapping);
        try {
            Stored stored = store.apply(rowValues);
            if (stored == null) {
                return RowResult.failed(row, rowValues.errors());
            }
            return new RowResult(
                    row, stored.outcome(), stored.record(), stored.changedFields(), stored.candidates(), List.of());
        } catch (PossibleDuplicateException refused) {
            return new RowResult(row, RowOutcome.POSSIBLE_DUPLICATE, null, List.of(), refused.candidates(), List.of());
        } catch (CrmException refused) {
            rowValues.fail(refused);
            return RowResult.failed(row, rowValues.errors());
        }
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
