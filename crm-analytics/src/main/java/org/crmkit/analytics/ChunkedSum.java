package org.crmkit.analytics;

import java.util.stream.IntStream;

/**
 * Sums per-row accumulators over fixed chunks of rows, the chunks in parallel on the common fork-join pool and the
 * partial sums added in chunk order, so the result does not depend on the number of threads or their timing.
 */
final class ChunkedSum {

    /** Below this many rows per chunk, splitting costs more than it saves. */
    private static final int MIN_CHUNK = 16_384;

    private static final int MAX_CHUNKS = 64;

    /** Works on rows {@code from} (inclusive) to {@code to} (exclusive), each row on its own. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to);
    }

    /** Adds the accumulators of rows {@code from} (inclusive) to {@code to} (exclusive) into {@code sums}. */
    @FunctionalInterface
    interface Rows {
        void accumulate(int from, int to, double[] sums);
    }

    private ChunkedSum() {}

    /**
     * Runs the body over rows 0 to {@code rows} in the chunks {@link #of} sums, in parallel: for work that fills
     * each row's place in arrays (reading many customers' objects, whose cache misses then overlap on the cores).
     */
    static void forEachChunk(int rows, Range body) {
        of(rows, 0, (from, to, sums) -> body.run(from, to));
    }

    /** The accumulators ({@code width} of them) summed over rows 0 to {@code rows}. */
    static double[] of(int rows, int width, Rows body) {
        int chunks = Math.max(1, Math.min(MAX_CHUNKS, rows / MIN_CHUNK));
        if (chunks == 1) {
            double[] sums = new double[width];
            body.accumulate(0, rows, sums);
            return sums;
        }
        double[][] partial = new double[chunks][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[] sums = new double[width];
            body.accumulate((int) ((long) rows * c / chunks), (int) ((long) rows * (c + 1) / chunks), sums);
            partial[c] = sums;
        });
        double[] total = new double[width];
        for (double[] sums : partial) {
            for (int k = 0; k < width; k++) {
                total[k] += sums[k];
            }
        }
        return total;
    }
}
