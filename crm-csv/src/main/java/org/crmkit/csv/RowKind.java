package org.crmkit.csv;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the rows of one kind (contacts, accounts, invoices, payments) are stored: a row's values are read into what to
 * store ({@code T}; null when a column failed, kept in the values' errors), then stored. A batch of rows is stored
 * {@link #together}, which a kind may use to read and write the batch's records at once.
 */
interface RowKind<F extends Enum<F>, T> {

    /** What to store of the row, or null when a column failed. */
    T read(RowValues<F> values);

    /** Stores what {@link #read} gave for the row; null when it failed after all (see the values' errors). */
    RowStorage.Stored store(T item, RowValues<F> values);

    /**
     * Runs {@code work}, the storing of the batch whose rows read into {@code items} (in row order), in the
     * transaction active on the thread; by default as it is.
     */
    default <R> R together(List<T> items, Supplier<R> work) {
        return work.get();
    }

    /** A kind that reads the row's values with {@code read} and stores them with {@code store}, a row at a time. */
    static <F extends Enum<F>, T> RowKind<F, T> of(
            Function<RowValues<F>, T> read, BiFunction<T, RowValues<F>, RowStorage.Stored> store) {
        return new RowKind<>() {
            @Override
            public T read(RowValues<F> values) {
                return read.apply(values);
            }

            @Override
            public RowStorage.Stored store(T item, RowValues<F> values) {
                return store.apply(item, values);
            }
        };
    }
}
