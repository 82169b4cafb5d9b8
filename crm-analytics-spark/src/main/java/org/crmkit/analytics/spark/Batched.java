package org.crmkit.analytics.spark;

import java.util.Collections;
import java.util.Iterator;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;

/**
 * A partition's output rows produced a batch of customers at a time, each batch only when the one before is used
 * up: a partition's memory is bounded by a batch, not by the partition.
 */
final class Batched implements Iterator<Row> {

    private final BooleanSupplier inputLeft;
    private final Supplier<Iterator<Row>> nextBatch;
    private Iterator<Row> batch = Collections.emptyIterator();

    /** Rows of {@code nextBatch} (which may give none) as long as {@code inputLeft}. */
    Batched(BooleanSupplier inputLeft, Supplier<Iterator<Row>> nextBatch) {
        this.inputLeft = inputLeft;
        this.nextBatch = nextBatch;
    }

    @Override
    public boolean hasNext() {
        while (!batch.hasNext() && inputLeft.getAsBoolean()) {
            batch = nextBatch.get();
        }
        return batch.hasNext();
    }

    /** The next row; past the last, the exhausted batch's own {@link java.util.NoSuchElementException}. */
    @Override
    public Row next() {
        hasNext();
        return batch.next();
    }
}
