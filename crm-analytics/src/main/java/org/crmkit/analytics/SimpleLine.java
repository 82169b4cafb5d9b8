package org.crmkit.analytics;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.util.Arrays;

/**
 * The fields of an ASCII line read straight from its bytes, for {@link PurchaseColumns}: where each field the reader
 * uses starts and ends, plain {@code yyyy-MM-dd} or {@code yyyyMMdd} dates and plain amounts read from their digits.
 * Anything else is left to the reading of the line's text, which reads it the same way or refuses it. Not
 * thread-safe: one per read.
 */
final class SimpleLine {

    private static final int DAY_CACHE_SIZE = 8192;

    /** What {@link #epochDay} gives for a field that is no date it reads; no {@link LocalDate} has this epoch day. */
    static final long NOT_SIMPLE = Long.MIN_VALUE;

    /** The shapes of date the bytes are read for directly. */
    enum DateShape {
        ISO,
        COMPACT,
        OTHER;

        static DateShape of(String datePattern) {
            return switch (datePattern) {
                case "yyyy-MM-dd" -> ISO;
                case "yyyyMMdd" -> COMPACT;
                default -> OTHER;
            };
        }
    }

    private final DateShape dateShape;
    /** The last field holding a column that is read, 0-based. */
    private final int lastUsed;

    private final int[] starts;
    private final int[] ends;
    /** Dates read from bytes, by year, month and day packed into an int, direct-mapped. */
    private final int[] dayKeys = new int[DAY_CACHE_SIZE];

    private final LocalDate[] days = new LocalDate[DAY_CACHE_SIZE];
    /** The epoch days of the dates in {@link #days}, slot by slot. */
    private final long[] epochDays = new long[DAY_CACHE_SIZE];
    /** The customer id of the last line made into a String, and its bytes: a file sorted by customer makes one each. */
    private byte[] lastIdBytes = new byte[64];

    private int lastIdLength = -1;
    private String lastId;
    /** The amount last read by {@link #amount}: unscaled, and its scale. */
    private long unscaled;

    private int scale;

    SimpleLine(DateShape dateShape, int lastUsed) {
        this.dateShape = dateShape;
        this.lastUsed = lastUsed;
        this.starts = new int[lastUsed + 1];
        this.ends = new int[lastUsed + 1];
    }

    /**
     * Notes where the fields of the line start and end, up to the last one read; false when the line holds a quote or
     * too few fields, so that its text must be read.
     */
    boolean cut(byte[] bytes, int from, int to, char delimiter) {
        int found = delimiter == DelimitedLine.WHITESPACE
                ? cutAtWhitespace(bytes, from, to)
                : cutAt(delimiter, bytes, from, to);
        return found > lastUsed;
    }

    private int cutAt(char delimiter, byte[] bytes, int from, int to) {
        int field = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '"') {
                return 0;
            }
            if (b == delimiter && field <= lastUsed) {
                starts[field] = start;
                ends[field] = i;
                field++;
                start = i + 1;
            }
        }
        if (field <= lastUsed) {
            starts[field] = start;
            ends[field] = to;
            field++;
        }
        return field;
    }

    /** As {@link #cutAt} for fields separated by runs of whitespace (as {@link Character#isWhitespace} has it). */
    private int cutAtWhitespace(byte[] bytes, int from, int to) {
        int field = 0;
        int i = from;
        while (i < to && field <= lastUsed) {
            while (i < to && whitespace(bytes[i])) {
                i++;
            }
            int start = i;
            while (i < to && !whitespace(bytes[i])) {
                i++;
            }
            if (i > start) {
                starts[field] = start;
                ends[field] = i;
                field++;
            }
        }
        return field;
    }

    private static boolean whitespace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1C && b <= 0x1F);
    }

    /** Whether the field is not empty and has no whitespace (nor other control byte) at either end. */
    boolean trimmed(byte[] bytes, int index) {
        return starts[index] < ends[index] && bytes[starts[index]] > ' ' && bytes[ends[index] - 1] > ' ';
    }

    /** Whether the field is empty. */
    boolean empty(int index) {
        return starts[index] == ends[index];
    }

    int start(int index) {
        return starts[index];
    }

    int end(int index) {
        return ends[index];
    }

    String text(byte[] bytes, int index) {
        return new String(bytes, starts[index], ends[index] - starts[index], StandardCharsets.US_ASCII);
    }

    /** The field as a customer id. */
    String customerId(byte[] bytes, int index) {
        int from = starts[index];
        int to = ends[index];
        int length = to - from;
        if (length == lastIdLength && Arrays.equals(bytes, from, to, lastIdBytes, 0, length)) {
            return lastId;
        }
        if (length > lastIdBytes.length) {
            lastIdBytes = new byte[Math.max(length, lastIdBytes.length * 2)];
        }
        System.arraycopy(bytes, from, lastIdBytes, 0, length);
        lastIdLength = length;
        lastId = new String(bytes, from, length, StandardCharsets.US_ASCII);
        return lastId;
    }

    /**
     * The date of yyyy-MM-dd or yyyyMMdd digits, as the strict formatter reads them (year of era from 1, month 1
     * to 12, a day the month has); null for any other text, which the formatter then reads or refuses.
     */
    LocalDate date(byte[] bytes, int index) {
        int slot = daySlot(bytes, index);
        return slot < 0 ? null : days[slot];
    }

    /** The date of the field as {@link #date} reads it, as an epoch day; {@link #NOT_SIMPLE} where it gives null. */
    long epochDay(byte[] bytes, int index) {
        int slot = daySlot(bytes, index);
        return slot < 0 ? NOT_SIMPLE : epochDays[slot];
    }

    /**
     * The slot of the day cache holding the date of the field, read from its digits when it was not there yet; -1
     * when the field is no date {@link #date} reads.
     */
    private int daySlot(byte[] bytes, int index) {
        int from = starts[index];
        int to = ends[index];
        int year;
        int month;
        int day;
        if (dateShape == DateShape.ISO && to - from == 10 && bytes[from + 4] == '-' && bytes[from + 7] == '-') {
            year = digits(bytes, from, 4);
            month = digits(bytes, from + 5, 2);
            day = digits(bytes, from + 8, 2);
        } else if (dateShape == DateShape.COMPACT && to - from == 8) {
            year = digits(bytes, from, 4);
            month = digits(bytes, from + 4, 2);
            day = digits(bytes, from + 6, 2);
        } else {
            return -1;
        }
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) {
            return -1;
        }
        int key = (year << 9) | (month << 5) | day;
        int slot = key & (DAY_CACHE_SIZE - 1);
        if (dayKeys[slot] == key) {
            return slot;
        }
        if (day > Month.of(month).length(Year.isLeap(year))) {
            return -1;
        }
        LocalDate parsed = LocalDate.of(year, month, day);
        dayKeys[slot] = key;
        days[slot] = parsed;
        epochDays[slot] = parsed.toEpochDay();
        return slot;
    }

    /** The number of count decimal digits; negative when one is not a digit. */
    private static int digits(byte[] bytes, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * Reads the field as an amount of at most 18 digits with at most one decimal point and at most 12 decimals, as
     * {@code new BigDecimal(text)} reads it (same digits, same scale), into {@link #unscaled()} and {@link #scale()};
     * false for any other text.
     */
    boolean amount(byte[] bytes, int index) {
        int from = starts[index];
        int to = ends[index];
        if (to - from > 18) {
            return false;
        }
        long value = 0;
        int decimals = -1;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            int c = bytes[i];
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits = true;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else {
                return false;
            }
        }
        if (!digits || decimals > org.crmkit.core.common.Money.MAX_DECIMALS) {
            return false;
        }
        unscaled = value;
        scale = Math.max(decimals, 0);
        return true;
    }

    long unscaled() {
        return unscaled;
    }

    int scale() {
        return scale;
    }
}
