package org.crmkit.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.common.CrmException;
import org.crmkit.core.common.DuplicateRecordException;
import org.crmkit.core.common.RecordRef;
import org.crmkit.core.common.StaleVersionException;
import org.crmkit.core.common.StorageException;
import org.crmkit.core.common.TransactionConflictException;
import org.crmkit.core.duplicate.DuplicateCandidate;
import org.crmkit.core.duplicate.PossibleDuplicateException;
import org.crmkit.core.spi.Transactions;

/**
 * Stores the rows of one import, one at a time or in batches, and turns each into its {@link RowResult}. {@code T} is
 * what a row's values are read into before it is stored (see {@link RowKind}).
 */
final class RowStorage<F extends Enum<F>, T> {

    /** A row stored: its outcome without the row number, which {@link #result} adds. */
    record Stored(
            RowOutcome outcome, RecordRef record, List<String> changedFields, List<DuplicateCandidate> candidates) {}

    /** A row read and not yet stored. */
    record Line(long row, String[] values) {}

    /** A row's values read: what to store, or the row's result when it failed. */
    private record Read<F extends Enum<F>, T>(long row, RowValues<F> values, T item, RowResult failed) {}

    /** What the decoder reads bytes that are not UTF-8 as, so that the row and column can be named. */
    private static final char NOT_UTF_8 = '\uFFFD';

    private final Transactions transactions;
    private final String[] header;
    private final CsvMapping<F> mapping;
    private final RowKind<F, T> kind;

    RowStorage(Transactions transactions, String[] header, CsvMapping<F> mapping, RowKind<F, T> kind) {
        this.transactions = transactions;
        this.header = header;
        this.mapping = mapping;
        this.kind = kind;
    }

    /** Stores the row in the transaction active on the thread, or in one of its own. */
    RowResult one(Line line) {
        Read<F, T> read = read(line, false);
        return read.failed() != null ? read.failed() : stored(read, false);
    }

    /**
     * Stores the rows in one transaction, together (see {@link RowKind#together}). When the database refuses one of
     * them (or the commit), the transaction is rolled back and the rows are stored again in a transaction each, so
     * that the refused row costs only itself. A row refused by crmkit's own rules (a bad value, a duplicate under
     * {@code REFUSE}, a conflicting external reference) is refused before it writes anything, and does not end the
     * batch.
     */
    List<RowResult> batch(List<Line> lines) {
        try {
            return transactions.inTransaction(() -> together(lines, true));
        } catch (CrmException refused) {
            if (!refusedByDatabase(refused)) {
                throw refused;
            }
            return lines.stream().map(this::one).toList();
        }
    }

    /**
     * Stores the rows together in the transaction active on the thread (a dry run's, an all-or-nothing import's).
     * When the database refuses what the rows wrote together, none of them can be stored: each row that went well
     * until then becomes an error naming the refusal.
     */
    List<RowResult> inTransaction(List<Line> lines) {
        List<Read<F, T>> reads = lines.stream().map(line -> read(line, false)).toList();
        try {
            return storedTogether(reads, true);
        } catch (CrmException refused) {
            if (!refusedByDatabase(refused)) {
                throw refused;
            }
            return reads.stream()
                    .map(read -> read.failed() != null ? read.failed() : refusedRow(read, refused))
                    .toList();
        }
    }

    private List<RowResult> together(List<Line> lines, boolean inBatch) {
        return storedTogether(lines.stream().map(line -> read(line, inBatch)).toList(), inBatch);
    }

    private List<RowResult> storedTogether(List<Read<F, T>> reads, boolean inBatch) {
        List<T> items = reads.stream()
                .filter(read -> read.failed() == null)
                .map(Read::item)
                .toList();
        return kind.together(
                items,
                () -> reads.stream()
                        .map(read -> read.failed() != null ? read.failed() : stored(read, inBatch))
                        .toList());
    }

    private RowResult refusedRow(Read<F, T> read, CrmException refused) {
        read.values().fail(refused);
        return RowResult.failed(read.row(), read.values().errors());
    }

    /** A failure that may have left the transaction unusable: raised by the database, not by crmkit's rules. */
    private static boolean refusedByDatabase(CrmException failure) {
        return failure instanceof StorageException
                || failure instanceof StaleVersionException
                || failure instanceof DuplicateRecordException
                || failure instanceof TransactionConflictException;
    }

    /** The row's values read; {@code inBatch}: a failure the database raised is thrown, to end the batch. */
    private Read<F, T> read(Line line, boolean inBatch) {
        long row = line.row();
        String[] values = line.values();
        if (values.length > header.length) {
            for (int i = header.length; i < values.length; i++) {
                if (!values[i].isBlank()) {
                    return new Read<>(
                            row,
                            null,
                            null,
                            RowResult.failed(
                                    row,
                                    List.of(new RowError(
                                            row,
                                            null,
                                            "has " + values.length + " values, the header " + header.length
                                                    + " columns"))));
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
            return new Read<>(row, null, null, RowResult.failed(row, undecodable));
        }
        RowValues<F> rowValues = new RowValues<>(row, byHeader, mapping);
        try {
            T item = kind.read(rowValues);
            return item == null
                    ? new Read<>(row, rowValues, null, RowResult.failed(row, rowValues.errors()))
                    : new Read<>(row, rowValues, item, null);
        } catch (CrmException refused) {
            if (inBatch && refusedByDatabase(refused)) {
                throw refused;
            }
            rowValues.fail(refused);
            return new Read<>(row, rowValues, null, RowResult.failed(row, rowValues.errors()));
        }
    }

    /** The result of storing a row read well; {@code inBatch}: a failure the database raised is thrown. */
    private RowResult stored(Read<F, T> read, boolean inBatch) {
        long row = read.row();
        try {
            Stored stored = kind.store(read.item(), read.values());
            if (stored == null) {
                return RowResult.failed(row, read.values().errors());
            }
            return new RowResult(
                    row, stored.outcome(), stored.record(), stored.changedFields(), stored.candidates(), List.of());
        } catch (PossibleDuplicateException refused) {
            return new RowResult(row, RowOutcome.POSSIBLE_DUPLICATE, null, List.of(), refused.candidates(), List.of());
        } catch (CrmException refused) {
            if (inBatch && refusedByDatabase(refused)) {
                throw refused;
            }
            return refusedRow(read, refused);
        }
    }
}
