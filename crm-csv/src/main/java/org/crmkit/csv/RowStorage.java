package org.crmkit.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * Stores the rows of one import, one at a time or in batches sharing a transaction, and turns each into its
 * {@link RowResult}.
 */
final class RowStorage<F extends Enum<F>> {

    /** A row stored: its outcome without the row number, which {@link #result} adds. */
    record Stored(
            RowOutcome outcome, RecordRef record, List<String> changedFields, List<DuplicateCandidate> candidates) {}

    /** A row read and not yet stored. */
    record Line(long row, String[] values) {}

    /** What the decoder reads bytes that are not UTF-8 as, so that the row and column can be named. */
    private static final char NOT_UTF_8 = '\uFFFD';

    private final Transactions transactions;
    private final String[] header;
    private final CsvMapping<F> mapping;
    private final Function<RowValues<F>, Stored> store;

    RowStorage(
            Transactions transactions, String[] header, CsvMapping<F> mapping, Function<RowValues<F>, Stored> store) {
        this.transactions = transactions;
        this.header = header;
        this.mapping = mapping;
        this.store = store;
    }

    /** Stores the row in the transaction active on the thread, or in one of its own. */
    RowResult one(Line line) {
        return result(line, false);
    }

    /**
     * Stores the rows in one transaction. When the database refuses one of them (or the commit), the transaction is
     * rolled back and the rows are stored again in a transaction each, so that the refused row costs only itself.
     * A row refused by crmkit's own rules (a bad value, a duplicate under {@code REFUSE}, a conflicting external
     * reference) is refused before it writes anything, and does not end the batch.
     */
    List<RowResult> batch(List<Line> lines) {
        try {
            return transactions.inTransaction(
                    () -> lines.stream().map(line -> result(line, true)).toList());
        } catch (CrmException refused) {
            if (!refusedByDatabase(refused)) {
                throw refused;
            }
            return lines.stream().map(line -> result(line, false)).toList();
        }
    }

    /** A failure that may have left the transaction unusable: raised by the database, not by crmkit's rules. */
    private static boolean refusedByDatabase(CrmException failure) {
        return failure instanceof StorageException
                || failure instanceof StaleVersionException
                || failure instanceof DuplicateRecordException
                || failure instanceof TransactionConflictException;
    }

    /** The row's result; {@code inBatch}: a failure the database raised is thrown, to end the batch. */
    private RowResult result(Line line, boolean inBatch) {
        long row = line.row();
        String[] values = line.values();
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
            if (inBatch && refusedByDatabase(refused)) {
                throw refused;
            }
            rowValues.fail(refused);
            return RowResult.failed(row, rowValues.errors());
        }
    }
}
