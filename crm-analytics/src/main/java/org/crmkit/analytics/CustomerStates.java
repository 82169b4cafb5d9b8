package org.crmkit.analytics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The running states of a summarizer's customers, numbered in the order they first appeared: an open-addressing
 * table over the customer ids' bytes, and each customer's state in primitive arrays indexed by that number. A
 * customer costs about 90 bytes and no object; a map of ids to state objects cost three times that, and a
 * {@code BigDecimal} per purchase and sum.
 *
 * <p>An id is kept as its bytes: ASCII as it is (what the CSV reader hands over without making a {@code String}),
 * any other text as a marker byte that ASCII never holds followed by its UTF-16 chars, so that every id has one key
 * and every key gives back its id to the last char.
 *
 * <p>The three sums of a customer (all calibration amounts, those of the first day, the holdout's) are each an
 * unscaled {@code long} with its own scale, which is what {@code BigDecimal} addition from zero gives: the largest
 * scale added so far, the value exact. A customer whose sum outgrows a {@code long} keeps its sums as
 * {@code BigDecimal}s from then on.
 */
final class CustomerStates {

    /** Starts an id that is not ASCII; no ASCII byte has this value. */
    private static final byte UTF_16 = (byte) 0xFF;

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** The sums of a customer, each in its own arrays. */
    private static final int TOTAL = 0;

    private static final int FIRST_DAY = 1;
    private static final int HOLDOUT = 2;

    private int count;
    /** Customer number + 1 per slot, 0 for a free slot; at most half full. */
    private int[] slots = new int[1024];
    /** 32 less the bits of a slot number. */
    private int slotShift = 32 - 10;
    /** The ids' bytes one after the other; customer c's end at {@code idEnds[c]}, its start at the end before. */
    private byte[] ids = new byte[8192];

    private int[] idEnds = new int[512];
    private int[] hashes = new int[512];
    private long[] firstDay = new long[512];
    private long[] lastDay = new long[512];
    private long[] lastSeenDay = new long[512];
    private int[] purchaseDays = new int[512];
    private int[] holdoutDays = new int[512];
    private final long[][] sums = {new long[512], new long[512], new long[512]};
    private final byte[][] scales = {new byte[512], new byte[512], new byte[512]};
    /** The sums of the customers that outgrew a long, by customer number. */
    private final Map<Integer, BigDecimal[]> exact = new HashMap<>();
    /** The customer found last: a file sorted by customer finds each one without hashing. */
    private int last = -1;

    private byte[] key = new byte[64];

    int size() {
        return count;
    }

    /** The number of the customer with this ASCII id, a new one when it has not been seen. */
    int customer(byte[] bytes, int from, int to) {
        if (last >= 0 && Arrays.equals(ids, idStart(last), idEnds[last], bytes, from, to)) {
            return last;
        }
        int hash = hash(bytes, from, to);
        int mask = slots.length - 1;
        for (int slot = firstSlot(hash); ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                last = append(bytes, from, to, hash, slot);
                return last;
            }
            int c = entry - 1;
            if (hashes[c] == hash && Arrays.equals(ids, idStart(c), idEnds[c], bytes, from, to)) {
                last = c;
                return c;
            }
        }
    }

    /** The number of the customer with this id, a new one when it has not been seen. */
    int customer(String id) {
        int length = keyOf(id);
        return customer(key, 0, length);
    }

    /** Whether the customer with this id has been seen. */
    boolean contains(String id) {
        int length = keyOf(id);
        int hash = hash(key, 0, length);
        int mask = slots.length - 1;
        for (int slot = firstSlot(hash); slots[slot] != 0; slot = (slot + 1) & mask) {
            int c = slots[slot] - 1;
            if (hashes[c] == hash && Arrays.equals(ids, idStart(c), idEnds[c], key, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** The id of customer c. */
    String id(int c) {
        int start = idStart(c);
        int end = idEnds[c];
        if (ids[start] != UTF_16) {
            return new String(ids, start, end - start, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[(end - start - 1) / 2];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (((ids[start + 1 + 2 * i] & 0xFF) << 8) | (ids[start + 2 + 2 * i] & 0xFF));
        }
        return new String(chars);
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
        int start = other.idStart(c);
        int copy = append(other.ids, start, other.idEnds[c], other.hashes[c], freeSlot(other.hashes[c]));
        firstDay[copy] = other.firstDay[c];
        lastDay[copy] = other.lastDay[c];
        lastSeenDay[copy] = other.lastSeenDay[c];
        purchaseDays[copy] = other.purchaseDays[c];
        holdoutDays[copy] = other.holdoutDays[c];
        for (int sum = TOTAL; sum <= HOLDOUT; sum++) {
            sums[sum][copy] = other.sums[sum][c];
            scales[sum][copy] = other.scales[sum][c];
        }
        BigDecimal[] exactSums = other.exact.get(c);
        if (exactSums != null) {
            exact.put(copy, exactSums.clone());
        }
    }

    /** Whether customer c made a purchase in calibration. */
    boolean inCalibrationCohort(int c) {
        return purchaseDays[c] > 0;
    }

    /** The summary of customer c, whose id is given, with a calibration ending on that epoch day. */
    CustomerSummary summary(int c, String id, long calibrationEnd, PeriodUnit unit, DayCache days) {
        int frequency = purchaseDays[c] - 1;
        BigDecimal total = sum(TOTAL, c);
        BigDecimal monetary = frequency == 0 ? BigDecimal.ZERO : meanRepeatSpend(c, total, frequency);
        PurchaseHistory history = new PurchaseHistory(
                frequency, unit.fromDays(lastDay[c] - firstDay[c]), unit.fromDays(calibrationEnd - firstDay[c]));
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
                sum(HOLDOUT, c));
    }

    /**
     * The repeat purchase days' mean spend, {@code (total - first day) / frequency} to {@link Money#CONTEXT}. A
     * quotient that is exact, in a long, and of at most 16 digits is what {@code BigDecimal.divide} gives too (the
     * exact quotient at the dividend's scale) without its search for trailing zeros, the dearest part of a summary.
     */
    private BigDecimal meanRepeatSpend(int c, BigDecimal total, int frequency) {
        int scale = Math.max(scales[TOTAL][c], scales[FIRST_DAY][c]);
        if (exact.isEmpty() || !exact.containsKey(c)) {
            try {
                long repeat = Math.subtractExact(
                        Math.multiplyExact(sums[TOTAL][c], POWERS_OF_TEN[scale - scales[TOTAL][c]]),
                        Math.multiplyExact(sums[FIRST_DAY][c], POWERS_OF_TEN[scale - scales[FIRST_DAY][c]]));
                if (repeat % frequency == 0 && Math.abs(repeat / frequency) < POWERS_OF_TEN[16]) {
                    return BigDecimal.valueOf(repeat / frequency, scale);
                }
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

    private int idStart(int c) {
        return c == 0 ? 0 : idEnds[c - 1];
    }

    /** The id as a key: its ASCII bytes, or the marker and its UTF-16 chars, in {@link #key}; its length. */
    private int keyOf(String id) {
        int n = id.length();
        boolean ascii = true;
        for (int i = 0; i < n && ascii; i++) {
            ascii = id.charAt(i) < 0x80;
        }
        int length = ascii ? n : 1 + 2 * n;
        if (length > key.length) {
            key = new byte[Math.max(length, key.length * 2)];
        }
        if (ascii) {
            for (int i = 0; i < n; i++) {
                key[i] = (byte) id.charAt(i);
            }
            return length;
        }
        key[0] = UTF_16;
        for (int i = 0; i < n; i++) {
            char ch = id.charAt(i);
            key[1 + 2 * i] = (byte) (ch >>> 8);
            key[2 + 2 * i] = (byte) ch;
        }
        return length;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /**
     * Where the search for a hash starts: the top bits of the hash times a constant, which depend on all of its bits
     * (the low bits of the product on its low bits only).
     */
    private int firstSlot(int hash) {
        return (hash * 0x9E3779B9) >>> slotShift;
    }

    /** The free slot where an id known to be new goes. */
    private int freeSlot(int hash) {
        int mask = slots.length - 1;
        int slot = firstSlot(hash);
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Numbers a new customer, its id put in the free slot; grows the table and the arrays as needed. */
    private int append(byte[] bytes, int from, int to, int hash, int slot) {
        int c = count;
        if (c == idEnds.length) {
            grow(c + (c >> 1));
        }
        int start = idStart(c);
        int end = start + (to - from);
        if (end > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(end, ids.length + (ids.length >> 1)));
        }
        System.arraycopy(bytes, from, ids, start, to - from);
        idEnds[c] = end;
        hashes[c] = hash;
        lastSeenDay[c] = Long.MIN_VALUE;
        slots[slot] = c + 1;
        count++;
        if (2 * count > slots.length) {
            rehash(slots.length * 2);
        }
        return c;
    }

    private void grow(int capacity) {
        idEnds = Arrays.copyOf(idEnds, capacity);
        hashes = Arrays.copyOf(hashes, capacity);
        firstDay = Arrays.copyOf(firstDay, capacity);
        lastDay = Arrays.copyOf(lastDay, capacity);
        lastSeenDay = Arrays.copyOf(lastSeenDay, capacity);
        purchaseDays = Arrays.copyOf(purchaseDays, capacity);
        holdoutDays = Arrays.copyOf(holdoutDays, capacity);
        for (int sum = TOTAL; sum <= HOLDOUT; sum++) {
            sums[sum] = Arrays.copyOf(sums[sum], capacity);
            scales[sum] = Arrays.copyOf(scales[sum], capacity);
        }
    }

    private void rehash(int size) {
        slots = new int[size];
        slotShift--;
        for (int c = 0; c < count; c++) {
            slots[freeSlot(hashes[c])] = c + 1;
        }
    }
}
