package org.crmkit.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The running states of a summarizer's customers, numbered in the order they first appeared ({@link CustomerIds}),
 * each customer's state in primitive arrays indexed by that number. A customer costs about 100 bytes and no object;
 * a map of ids to state objects cost three times that, and a {@code BigDecimal} per purchase and sum.
 *
 * <p>The three sums of a customer (all calibration amounts, those of the first day, the holdout's) are each an
 * unscaled {@code long} with its own scale, which is what {@code BigDecimal} addition from zero gives: the largest
 * scale added so far, the value exact. A customer whose sum outgrows a {@code long} keeps its sums as
 * {@code BigDecimal}s from then on.
 */
final class CustomerStates {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** Below this many customers per chunk, looking them up in parallel costs more than it saves. */
    private static final int MIN_CHUNK = 32_768;

    private static final int MAX_CHUNKS = 16;

    /** The sums of a customer, each in its own arrays. */
    private static final int TOTAL = 0;

    private static final int FIRST_DAY = 1;
    private static final int HOLDOUT = 2;

    /** The customers a table has room for at first. */
    static final int INITIAL_CAPACITY = 512;

    private final CustomerIds ids;
    /** The customers whose state is set up: the ids numbered so far. */
    private int states;

    private long[] firstDay;
    private long[] lastDay;
    /** The first and the last day of any purchase (calibration or holdout) seen for the customer. */
    private long[] firstSeenDay;

    private long[] lastSeenDay;
    private int[] purchaseDays;
    private int[] holdoutDays;
    private final long[][] sums = new long[3][];
    private final byte[][] scales = new byte[3][];
    /** The sums of the customers that outgrew a long, by customer number. */
    private final Map<Integer, BigDecimal[]> exact = new HashMap<>();

    /** A table with room for {@link #INITIAL_CAPACITY} customers, growing as needed. */
    CustomerStates() {
        this(INITIAL_CAPACITY);
    }

    /** A table with room for this many customers before it grows: what it grows to is copied once more. */
    CustomerStates(int capacity) {
        ids = new CustomerIds(capacity);
        firstDay = new long[capacity];
        lastDay = new long[capacity];
        firstSeenDay = new long[capacity];
        lastSeenDay = new long[capacity];
        purchaseDays = new int[capacity];
        holdoutDays = new int[capacity];
        for (int sum = TOTAL; sum <= HOLDOUT; sum++) {
            sums[sum] = new long[capacity];
            scales[sum] = new byte[capacity];
        }
    }

    int size() {
        return ids.size();
    }

    /** The number of the customer with this ASCII id, a new one when it has not been seen. */
    int customer(byte[] bytes, int from, int to) {
        return numbered(ids.number(bytes, from, to));
    }

    /** The number of the customer with this id, a new one when it has not been seen. */
    int customer(String id) {
        return numbered(ids.number(id));
    }

    /** Whether the customer with this id has been seen. */
    boolean contains(String id) {
        return ids.find(id) >= 0;
    }

    /** The id of customer c. */
    String id(int c) {
        return ids.id(c);
    }

    /**
     * Adds a purchase of customer c on an epoch day of an amount given unscaled with its scale (0 to 18), or, when
     * {@code exactAmount} is not null, as that amount.
     *
     * @throws AnalyticsException when the day is before one already seen for the customer
     */
    void add(int c, long day, long unscaled, int scale, BigDecimal exactAmount, boolean inCalibration) {
        if (day < lastSeenDay[c]) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.MALFORMED_INPUT,
                    "date",
                    "customer " + id(c) + " has a purchase on " + LocalDate.ofEpochDay(day)
                            + " after one on " + LocalDate.ofEpochDay(lastSeenDay[c])
                            + "; feed each customer's purchases in date order");
        }
        if (lastSeenDay[c] == Long.MIN_VALUE) {
            firstSeenDay[c] = day;
        }
        boolean newDay = day != lastSeenDay[c];
        lastSeenDay[c] = day;
        if (!inCalibration) {
            if (newDay) {
                holdoutDays[c]++;
            }
            addTo(HOLDOUT, c, unscaled, scale, exactAmount);
            return;
        }
        if (purchaseDays[c] == 0) {
            firstDay[c] = day;
        }
        if (newDay) {
            purchaseDays[c]++;
            lastDay[c] = day;
        }
        if (day == firstDay[c]) {
            addTo(FIRST_DAY, c, unscaled, scale, exactAmount);
        }
        addTo(TOTAL, c, unscaled, scale, exactAmount);
    }

    /** Adds a purchase of customer c of an amount as it came. */
    void add(int c, long day, BigDecimal amount, boolean inCalibration) {
        BigDecimal whole = amount.scale() < 0 ? amount.setScale(0) : amount;
        if (whole.precision() <= 18 && whole.scale() <= 18) {
            add(c, day, whole.unscaledValue().longValue(), whole.scale(), null, inCalibration);
        } else {
            add(c, day, 0, 0, whole, inCalibration);
        }
    }

    /** Appends customer c of another table of states, as it is there. */
    void copy(CustomerStates other, int c) {
        int copy = numbered(ids.append(other.ids, c));
        firstDay[copy] = other.firstDay[c];
        lastDay[copy] = other.lastDay[c];
        firstSeenDay[copy] = other.firstSeenDay[c];
        lastSeenDay[copy] = other.lastSeenDay[c];
        purchaseDays[copy] = other.purchaseDays[c];
        holdoutDays[copy] = other.holdoutDays[c];
        for (int sum = TOTAL; sum <= HOLDOUT; sum++) {
            sums[sum][copy] = other.sums[sum][c];
            scales[sum][copy] = other.scales[sum][c];
        }
        BigDecimal[] exactSums = other.exact.isEmpty() ? null : other.exact.get(c);
        if (exactSums != null) {
            exact.put(copy, exactSums.clone());
        }
    }

    /**
     * Appends the states of a table fed with the purchases that come after this table's in the input (the next part
     * of a file): each customer of {@code later} ends up as one table fed with both parts in order would hold it, the
     * customers new here numbered after this table's, in their order there. {@code later} is left unchanged.
     *
     * @return false, and nothing changed, when a customer's purchases there start on a day before its last one here
     *         (read in one pass, that purchase would have been refused)
     */
    boolean follow(CustomerStates later) {
        int[] here = new int[later.size()];
        ids.index();
        // The look-ups only read both tables: chunks of them in parallel, the joining after them in order.
        int chunks = Math.max(1, Math.min(MAX_CHUNKS, here.length / MIN_CHUNK));
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int end = (int) ((long) here.length * (chunk + 1) / chunks);
            for (int c = (int) ((long) here.length * chunk / chunks); c < end; c++) {
                here[c] = ids.find(later.ids, c);
            }
        });
        int added = 0;
        for (int c = 0; c < here.length; c++) {
            if (here[c] >= 0 && later.firstSeenDay[c] < lastSeenDay[here[c]]) {
                return false;
            }
            added += here[c] < 0 ? 1 : 0;
        }
        ids.reserve(added, later.ids);
        if (states + added > lastSeenDay.length) {
            grow(states + added);
        }
        for (int c = 0; c < here.length; c++) {
            if (here[c] < 0) {
                copy(later, c);
            } else {
                join(here[c], later, c);
            }
        }
        return true;
    }

    /**
     * Adds the later purchases of customer c of another table to customer t here, as {@link #add} would have added
     * them one by one: a day both hold (the last here, the first there) counts once, and the first day's sum gains
     * the later purchases of that day while it is the customer's only calibration day.
     */
    private void join(int t, CustomerStates later, int c) {
        boolean sameDay = later.firstSeenDay[c] == lastSeenDay[t];
        if (later.purchaseDays[c] > 0) {
            // the later part starts in calibration, so this one holds calibration purchases too (it cannot end
            // in the holdout period: the days are in order)
            purchaseDays[t] += later.purchaseDays[c] - (sameDay ? 1 : 0);
            if (later.firstDay[c] == firstDay[t]) {
                addTo(FIRST_DAY, t, later, c);
            }
            lastDay[t] = later.lastDay[c];
            addTo(TOTAL, t, later, c);
        } else if (sameDay) {
            holdoutDays[t]--;
        }
        holdoutDays[t] += later.holdoutDays[c];
        addTo(HOLDOUT, t, later, c);
        lastSeenDay[t] = later.lastSeenDay[c];
    }

    /** Adds a sum of customer c of another table to the same sum of customer t here. */
    private void addTo(int sum, int t, CustomerStates later, int c) {
        BigDecimal[] exactSums = later.exact.isEmpty() ? null : later.exact.get(c);
        if (exactSums == null) {
            addTo(sum, t, later.sums[sum][c], later.scales[sum][c], null);
        } else {
            addTo(sum, t, 0, 0, exactSums[sum]);
        }
    }

    /** Whether customer c made a purchase in calibration. */
    boolean inCalibrationCohort(int c) {
        return purchaseDays[c] > 0;
    }

    /**
     * The summary of customer c, whose id is given, with a calibration ending on that epoch day; its dates, small
     * sums and a history without repeat purchases shared with other summaries.
     */
    CustomerSummary summary(int c, String id, long calibrationEnd, DayCache days, SummaryValues shared) {
        int frequency = purchaseDays[c] - 1;
        BigDecimal total = sum(TOTAL, c, shared);
        BigDecimal monetary = frequency == 0 ? BigDecimal.ZERO : meanRepeatSpend(c, total, frequency);
        PurchaseHistory history = shared.history(frequency, firstDay[c], lastDay[c]);
        return new CustomerSummary(
                id,
                days.of(firstDay[c]),
                days.of(lastDay[c]),
                purchaseDays[c],
                history,
                total,
                monetary,
                calibrationEnd - lastDay[c],
                holdoutDays[c],
                sum(HOLDOUT, c, shared));
    }

    /**
     * The repeat purchase days' mean spend, {@code (total - first day) / frequency} to {@link Money#CONTEXT}, from the
     * unscaled sums where a long holds their difference ({@link Money#quotient}).
     */
    private BigDecimal meanRepeatSpend(int c, BigDecimal total, int frequency) {
        int scale = Math.max(scales[TOTAL][c], scales[FIRST_DAY][c]);
        if (exact.isEmpty() || !exact.containsKey(c)) {
            try {
                long repeat = Math.subtractExact(
                        Math.multiplyExact(sums[TOTAL][c], POWERS_OF_TEN[scale - scales[TOTAL][c]]),
                        Math.multiplyExact(sums[FIRST_DAY][c], POWERS_OF_TEN[scale - scales[FIRST_DAY][c]]));
                return Money.quotient(repeat, scale, frequency);
            } catch (ArithmeticException tooLarge) {
                // the general division below
            }
        }
        return total.subtract(sum(FIRST_DAY, c)).divide(BigDecimal.valueOf(frequency), Money.CONTEXT);
    }

    /** Dates of epoch days, shared among the summaries: customers have few distinct first and last days. */
    static final class DayCache {
        private final long[] keys = new long[4096];
        private final LocalDate[] dates = new LocalDate[4096];

        LocalDate of(long epochDay) {
            int slot = (int) (epochDay & (keys.length - 1));
            if (dates[slot] == null || keys[slot] != epochDay) {
                dates[slot] = LocalDate.ofEpochDay(epochDay);
                keys[slot] = epochDay;
            }
            return dates[slot];
        }
    }

    private BigDecimal sum(int sum, int c) {
        BigDecimal[] exactSums = exact.isEmpty() ? null : exact.get(c);
        return exactSums != null ? exactSums[sum] : BigDecimal.valueOf(sums[sum][c], scales[sum][c]);
    }

    /** As {@link #sum(int, int)}, a small sum shared with other summaries. */
    private BigDecimal sum(int sum, int c, SummaryValues shared) {
        BigDecimal[] exactSums = exact.isEmpty() ? null : exact.get(c);
        return exactSums != null ? exactSums[sum] : shared.amount(sums[sum][c], scales[sum][c]);
    }

    private void addTo(int sum, int c, long unscaled, int scale, BigDecimal exactAmount) {
        BigDecimal[] exactSums = exact.isEmpty() ? null : exact.get(c);
        if (exactSums == null && exactAmount == null && addExactly(sums[sum], scales[sum], c, unscaled, scale)) {
            return;
        }
        if (exactSums == null) {
            exactSums = new BigDecimal[] {sum(TOTAL, c), sum(FIRST_DAY, c), sum(HOLDOUT, c)};
            exact.put(c, exactSums);
        }
        exactSums[sum] = exactSums[sum].add(exactAmount != null ? exactAmount : BigDecimal.valueOf(unscaled, scale));
    }

    /** Adds the amount to a sum kept unscaled with its scale; false, the sum unchanged, when a long cannot hold it. */
    private static boolean addExactly(long[] sums, byte[] scales, int c, long unscaled, int scale) {
        int sumScale = scales[c];
        long sum = sums[c];
        try {
            if (scale > sumScale) {
                sum = Math.multiplyExact(sum, POWERS_OF_TEN[scale - sumScale]);
                sumScale = scale;
            } else if (scale < sumScale) {
                unscaled = Math.multiplyExact(unscaled, POWERS_OF_TEN[sumScale - scale]);
            }
            sum = Math.addExact(sum, unscaled);
        } catch (ArithmeticException tooLarge) {
            return false;
        }
        sums[c] = sum;
        scales[c] = (byte) sumScale;
        return true;
    }

    /** Customer c, new when it is the last numbered: its state starts empty, the arrays grown as needed. */
    private int numbered(int c) {
        if (c == states) {
            if (c == lastSeenDay.length) {
                grow(2 * c);
            }
            lastSeenDay[c] = Long.MIN_VALUE;
            states++;
        }
        return c;
    }

    private void grow(int capacity) {
        firstDay = Arrays.copyOf(firstDay, capacity);
        lastDay = Arrays.copyOf(lastDay, capacity);
        firstSeenDay = Arrays.copyOf(firstSeenDay, capacity);
        lastSeenDay = Arrays.copyOf(lastSeenDay, capacity);
        purchaseDays = Arrays.copyOf(purchaseDays, capacity);
        holdoutDays = Arrays.copyOf(holdoutDays, capacity);
        for (int sum = TOTAL; sum <= HOLDOUT; sum++) {
            sums[sum] = Arrays.copyOf(sums[sum], capacity);
            scales[sum] = Arrays.copyOf(scales[sum], capacity);
        }
    }
}
