package org.crmkit.analytics.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text being written, held as its UTF-8 bytes in a growable array and written out as they are: the rows of
 * 300,000 customers go to the output without a string or a character encoder per value (which made some 140 MB of
 * garbage, and so two collections, per run). A lone surrogate, which has no UTF-8 form, is written as {@code ?}, as
 * the JDK's encoder writes it.
 */
final class Utf8Text {

    /** 10 to the power of a count of decimals, 0 to 6. */
    static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private byte[] bytes;
    private int length;

    Utf8Text(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** A character known to be ASCII: a delimiter, a quote, a digit. */
    Utf8Text ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    Utf8Text append(byte[] text) {
        room(text.length);
        System.arraycopy(text, 0, bytes, length, text.length);
        length += text.length;
        return this;
    }

    Utf8Text text(String s) {
        return text(s, 0, s.length());
    }

    /** The characters from {@code from} to {@code to} (exclusive) of {@code s}, in UTF-8. */
    Utf8Text text(String s, int from, int to) {
        // at most three bytes a character (a pair of surrogates makes four)
        room(3 * (to - from));
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[length++] = (byte) c;
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | c >> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                bytes[length++] = (byte) (0xE0 | c >> 12);
                bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, s.charAt(++i));
                bytes[length++] = (byte) (0xF0 | codePoint >> 18);
                bytes[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                bytes[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | codePoint & 0x3F);
            } else {
                bytes[length++] = '?';
            }
        }
        return this;
    }

    /** A whole number in decimal digits. */
    Utf8Text integer(long value) {
        if (value == Long.MIN_VALUE) {
            return text(Long.toString(value));
        }
        if (value < 0) {
            ascii('-');
            value = -value;
        }
        return digits(value, 1);
    }

    /** The decimal digits of a number that is not negative, with leading zeros up to {@code width} digits. */
    Utf8Text digits(long value, int width) {
        int count = 1;
        for (long bound = 10; count < 19 && value >= bound; bound *= 10) {
            count++;
        }
        count = Math.max(count, width);
        room(count);
        length += count;
        int i = length - 1;
        // a division a digit (the quick compiler divides by 10 as it does by any number), none for the last nine
        for (; value > Integer.MAX_VALUE; i--) {
            long rest = value / 10;
            bytes[i] = (byte) ('0' + (value - rest * 10));
            value = rest;
        }
        for (int small = (int) value; i >= length - count; i--) {
            int rest = tenth(small);
            bytes[i] = (byte) ('0' + (small - rest * 10));
            small = rest;
        }
        return this;
    }

    /** A tenth of an int that is not negative, rounded down, by a multiplication and a shift. */
    private static int tenth(int value) {
        return (int) ((value * 0xCCCCCCCDL) >>> 35);
    }

    /**
     * A number with a fixed count of decimals, from its value times 10 to that count (0 to 6): {@code scaled} 1234
     * with 2 decimals is 12.34, -5 with 3 is -0.005. The decimals are written as digits of an int, by
     * multiplications and shifts.
     */
    Utf8Text fixed(long scaled, int decimals) {
        if (scaled < 0) {
            ascii('-');
            scaled = -scaled;
        }
        long whole = scaled / POWERS_OF_TEN[decimals];
        digits(whole, 1);
        if (decimals > 0) {
            room(decimals + 1);
            bytes[length] = '.';
            int fraction = (int) (scaled - whole * POWERS_OF_TEN[decimals]);
            for (int i = length + decimals; i > length; i--) {
                int rest = tenth(fraction);
                bytes[i] = (byte) ('0' + (fraction - rest * 10));
                fraction = rest;
            }
            length += decimals + 1;
        }
        return this;
    }

    /** Forgets the text, keeping the array for the next. */
    void clear() {
        length = 0;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    /** The text itself, decoded. */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void room(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
