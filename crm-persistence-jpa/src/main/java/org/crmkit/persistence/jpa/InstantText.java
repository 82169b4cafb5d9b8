package org.crmkit.persistence.jpa;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Reads the instants of stored documents. The form {@link Instant#toString} writes in UTC
 * ({@code 2026-12-08T02:51:39.123Z}: a four-digit year, the seconds, a fraction of up to nine digits if any, and
 * {@code Z}) is read digit by digit: Jackson's own reader goes through {@code DateTimeFormatter}, which took about a
 * quarter of the time of reading a document (an account, an invoice) in the dunning benchmark. Every other form (an
 * offset, a leap second, a year beyond 9999, a number) and every text this reading refuses goes to Jackson's reader,
 * so what is read, and what is refused, does not change.
 */
final class InstantText extends StdDeserializer<Instant> {

    private static final int[] SCALE = {1, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    InstantText() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant read = utc(parser.getText());
            if (read != null) {
                return read;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** The instant the text names in the form {@link Instant#toString} writes; null for any other text. */
    static Instant utc(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(length - 1) != 'Z') {
            return null;
        }
        if (text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':'
                || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = length > 20 ? digits(text, 20, length - 1) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || fraction < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            int secondOfDay = LocalTime.of(hour, minute, second).toSecondOfDay();
            return Instant.ofEpochSecond(
                    days * 86_400 + secondOfDay, (long) fraction * SCALE[Math.max(0, length - 21)]);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the decimal digits from {@code from} to {@code to} (exclusive) write; -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
