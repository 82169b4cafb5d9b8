package org.crmkit.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ForkJoinTask;
import org.crmkit.core.common.Require;

/** Customers with identical (x, t_x, T) folded into one row with a weight, so the likelihood costs per pattern. */
final class WeightedHistories {

    /** From this many customers on, the distinct recencies and ages are found by two threads. */
    private static final int PARALLEL_FROM = 65_536;

    /** The widest digit of the keys' sort: its counts (2,048 ints) stay in the nearest cache. */
    private static final int RADIX_BITS = 11;

    private static final int MAX_RADIX_PASSES = 4;

    final int[] frequency;
    final double[] recency;
    final double[] age;
    final double[] weight;
    final int maxFrequency;
    final double totalWeight;
    /** The distinct ages, and for each row the index of its age there: a likelihood takes their logs once. */
    final double[] distinctAges;

    final int[] ageIndex;
    /** The distinct recencies, and for each row the index of its recency there. */
    final double[] distinctRecencies;

    final int[] recencyIndex;

    private WeightedHistories(
            int[] frequency,
            double[] weight,
            double[] distinctRecencies,
            int[] recencyIndex,
            double[] distinctAges,
            int[] ageIndex) {
        int n = frequency.length;
        this.frequency = frequency;
        this.weight = weight;
        this.distinctRecencies = distinctRecencies;
        this.recencyIndex = recencyIndex;
        this.distinctAges = distinctAges;
        this.ageIndex = ageIndex;
        this.recency = new double[n];
        this.age = new double[n];
        int max = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            recency[i] = distinctRecencies[recencyIndex[i]];
            age[i] = distinctAges[ageIndex[i]];
            max = Math.max(max, frequency[i]);
            total += weight[i];
        }
        this.maxFrequency = max;
        this.totalWeight = total;
    }

    /**
     * Folds the histories into distinct (x, t_x, T) rows, ordered by x, then t_x, then T. Each history becomes a
     * primitive key (x, index of t_x among the distinct recencies, index of T among the distinct ages) packed in a
     * long, and one primitive sort brings equal keys together, without a map entry per customer.
     */
    static WeightedHistories of(Collection<PurchaseHistory> histories) {
        if (histories.isEmpty()) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA, "histories", "no customer to fit the model to");
        }
        int n = histories.size();
        int[] frequencies = new int[n];
        double[] recencies = new double[n];
        double[] ages = new double[n];
        List<PurchaseHistory> list = histories instanceof List<PurchaseHistory> l && l instanceof RandomAccess
                ? l
                : new ArrayList<>(histories);
        ChunkedSum.forEachChunk(n, (from, to) -> {
            for (int k = from; k < to; k++) {
                PurchaseHistory h = list.get(k);
                frequencies[k] = h.frequency();
                recencies[k] = h.recency();
                ages[k] = h.age();
            }
        });
        int maxX = max(frequencies);
        requireRepeatPurchase(maxX);
        // The recencies' and the ages' distinct values apart from each other: two tasks for many customers.
        ForkJoinTask<DistinctValues> recencyTask = ForkJoinTask.adapt(() -> DistinctValues.of(recencies));
        if (n >= PARALLEL_FROM) {
            recencyTask.fork();
        }
        DistinctValues ageRanks = DistinctValues.of(ages);
        DistinctValues recencyRanks = n >= PARALLEL_FROM ? recencyTask.join() : recencyTask.invoke();
        int ageBits = bits(ageRanks.values.length);
        int recencyBits = bits(recencyRanks.values.length);
        if (bits(maxX + 1) + recencyBits + ageBits > 63) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INVALID_ARGUMENT,
                    "histories",
                    "too many distinct frequencies, recencies and ages to fold (" + (maxX + 1) + " x "
                            + recencyRanks.values.length + " x " + ageRanks.values.length + ")");
        }
        long[] keys = keys(frequencies, recencyRanks.index, recencyBits, ageRanks.index, ageBits);
        sort(keys, bits(maxX + 1) + recencyBits + ageBits);
        return folded(keys, recencyRanks.values, recencyBits, ageRanks.values, ageBits);
    }

    // The fold's loops are methods of their own, each compiled on its own: the fold runs once per fit, so its loops
    // are compiled while they run (on-stack replacement), and one method holding all of them was compiled again for
    // each loop, the most expensive compile of a fit.

    /** The largest of the values, 0 for none. */
    static int max(int[] values) {
        int max = 0;
        for (int value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    /** Each customer's (x, index of t_x, index of T) packed in a long, x in the highest bits. */
    private static long[] keys(int[] frequencies, int[] recencyIndex, int recencyBits, int[] ageIndex, int ageBits) {
        long[] keys = new long[frequencies.length];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = ((long) frequencies[k] << (recencyBits + ageBits))
                    | ((long) recencyIndex[k] << ageBits)
                    | ageIndex[k];
        }
        return keys;
    }

    /** The rows of the sorted keys, one per distinct key, weighted by how many keys it stands for. */
    private static WeightedHistories folded(
            long[] keys, double[] distinctRecencies, int recencyBits, double[] distinctAges, int ageBits) {
        int rows = distinctCount(keys);
        int[] x = new int[rows];
        int[] recencyIndex = new int[rows];
        int[] ageIndex = new int[rows];
        double[] w = new double[rows];
        int row = -1;
        for (int k = 0; k < keys.length; k++) {
            if (k == 0 || keys[k] != keys[k - 1]) {
                row++;
                x[row] = (int) (keys[k] >>> (recencyBits + ageBits));
                recencyIndex[row] = (int) ((keys[k] >>> ageBits) & ((1L << recencyBits) - 1));
                ageIndex[row] = (int) (keys[k] & ((1L << ageBits) - 1));
            }
            w[row]++;
        }
        return new WeightedHistories(x, w, distinctRecencies, recencyIndex, distinctAges, ageIndex);
    }

    /** The distinct keys among sorted keys. */
    private static int distinctCount(long[] sortedKeys) {
        int count = 0;
        for (int k = 0; k < sortedKeys.length; k++) {
            if (k == 0 || sortedKeys[k] != sortedKeys[k - 1]) {
                count++;
            }
        }
        return count;
    }

    /**
     * The rows of customers already counted per (x, t_x, T), in the order and with the weights {@link
     * #of(Collection)} gives the same customers one by one, so that a fit of the counts is the fit of the customers.
     * Patterns counted 0 are left out.
     */
    static WeightedHistories of(Map<PurchaseHistory, Long> customersPerHistory) {
        List<Map.Entry<PurchaseHistory, Long>> counted = new ArrayList<>(customersPerHistory.size());
        for (Map.Entry<PurchaseHistory, Long> e : customersPerHistory.entrySet()) {
            PurchaseHistory h = Require.notNull(e.getKey(), "history");
            long count = Require.notNull(e.getValue(), "weight");
            if (count < 0) {
                throw AnalyticsException.invalidArgument("weight", "must not be negative, was " + count + " for " + h);
            }
            if (count > 0) {
                counted.add(e);
            }
        }
        if (counted.isEmpty()) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA, "histories", "no customer to fit the model to");
        }
        counted.sort(Map.Entry.comparingByKey(Comparator.comparingInt(PurchaseHistory::frequency)
                .thenComparingDouble(PurchaseHistory::recency)
                .thenComparingDouble(PurchaseHistory::age)));
        int rows = counted.size();
        int[] x = new int[rows];
        double[] recencies = new double[rows];
        double[] ages = new double[rows];
        double[] w = new double[rows];
        int maxX = 0;
        for (int row = 0; row < rows; row++) {
            PurchaseHistory h = counted.get(row).getKey();
            x[row] = h.frequency();
            recencies[row] = h.recency();
            ages[row] = h.age();
            w[row] = counted.get(row).getValue();
            maxX = Math.max(maxX, h.frequency());
        }
        requireRepeatPurchase(maxX);
        DistinctValues recencyRanks = DistinctValues.of(recencies);
        DistinctValues ageRanks = DistinctValues.of(ages);
        return new WeightedHistories(x, w, recencyRanks.values, recencyRanks.index, ageRanks.values, ageRanks.index);
    }

    private static void requireRepeatPurchase(int maxFrequency) {
        if (maxFrequency == 0) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.INSUFFICIENT_DATA,
                    "frequency",
                    "no customer made a repeat purchase, so the purchase rate cannot be estimated");
        }
    }

    /**
     * Sorts keys of at most {@code bits} bits (not negative): by their digits of at most 11 bits, the lowest first,
     * each a counting pass (the keys of 300,000 customers have 27 bits: three passes, where a comparison sort took
     * most of the fold); keys of more than 44 bits by comparison.
     */
    static void sort(long[] keys, int bits) {
        int passes = (bits + RADIX_BITS - 1) / RADIX_BITS;
        if (passes > MAX_RADIX_PASSES) {
            Arrays.parallelSort(keys);
            return;
        }
        int digitBits = (bits + passes - 1) / passes;
        int mask = (1 << digitBits) - 1;
        long[] from = keys;
        long[] to = new long[keys.length];
        int[] counts = new int[mask + 1];
        for (int pass = 0; pass < passes; pass++) {
            int shift = pass * digitBits;
            countDigits(from, shift, mask, counts);
            startPositions(counts);
            scatter(from, to, shift, mask, counts);
            long[] sorted = to;
            to = from;
            from = sorted;
        }
        if (from != keys) {
            System.arraycopy(from, 0, keys, 0, keys.length);
        }
    }

    /** How many keys have each digit at {@code shift}. */
    private static void countDigits(long[] keys, int shift, int mask, int[] counts) {
        Arrays.fill(counts, 0);
        for (long key : keys) {
            counts[(int) (key >>> shift) & mask]++;
        }
    }

    /** Turns the counts of the digits into the positions where each digit's keys start. */
    private static void startPositions(int[] counts) {
        int position = 0;
        for (int digit = 0; digit < counts.length; digit++) {
            int count = counts[digit];
            counts[digit] = position;
            position += count;
        }
    }

    /** Moves the keys in order of their digit at {@code shift}, keeping their order within a digit. */
    private static void scatter(long[] from, long[] to, int shift, int mask, int[] positions) {
        for (long key : from) {
            to[positions[(int) (key >>> shift) & mask]++] = key;
        }
    }

    /** Bits needed for the numbers 0 to {@code count - 1}. */
    private static int bits(int count) {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(count - 1));
    }

    static WeightedHistories single(PurchaseHistory h) {
        return new WeightedHistories(
                new int[] {h.frequency()},
                new double[] {1},
                new double[] {h.recency()},
                new int[] {0},
                new double[] {h.age()},
                new int[] {0});
    }

    int size() {
        return frequency.length;
    }

    double meanAge() {
        double sum = 0;
        for (int i = 0; i < age.length; i++) {
            sum += age[i] * weight[i];
        }
        return sum / totalWeight;
    }
}
