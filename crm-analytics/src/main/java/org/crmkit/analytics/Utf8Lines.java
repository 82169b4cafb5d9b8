package org.crmkit.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 byte stream, decoded one line at a time so that invalid UTF-8 is reported at its own line
 * (a decoding reader fails a whole buffer ahead of the line being read). Lines end at {@code \n}, {@code \r\n} or
 * {@code \r}, as {@link java.io.BufferedReader#readLine()} reads them.
 *
 * <p>{@link #advance()} moves to the next line without decoding it: its bytes ({@link #bytes()} from
 * {@link #offset()}, {@link #length()} of them) stay valid until the next call, so that a reader can take ASCII
 * fields from them without a {@code String} of the line; {@link #text()} decodes it.
 */
final class Utf8Lines {

    private final InputStream in;
    private long lineNumber;
    private final byte[] buffer = new byte[65_536];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    /** The last line ended with {@code \r} at the end of the buffer: a {@code \n} starting the next is its end. */
    private boolean skipLineFeed;

    private byte[] current;
    private int currentOffset;
    private int currentLength;
    private boolean currentAscii;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /**
     * The next line without its terminator; null at the end of the stream.
     *
     * @throws AnalyticsException of reason {@code MALFORMED_INPUT} naming the line and the byte when the line is not
     *                            UTF-8
     */
    String next() throws IOException {
        return advance() ? text() : null;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean advance() throws IOException {
        if (skipLineFeed) {
            skipLineFeed = false;
            if ((position < limit || fill()) && buffer[position] == '\n') {
                position++;
            }
        }
        lineNumber++;
        int length = 0;
        boolean ascii = true;
        while (true) {
            if (position == limit && !fill()) {
                if (length == 0) {
                    return false;
                }
                return current(line, 0, length, ascii);
            }
            int start = position;
            int end = start;
            byte[] bytes = buffer;
            int stop = limit;
            byte b;
            while (end < stop && (b = bytes[end]) != '\n' && b != '\r') {
                ascii &= b >= 0;
                end++;
            }
            if (end == limit) {
                // the line goes on in the next buffer: keep its start
                length = append(start, end, length);
                position = limit;
                continue;
            }
            // A line inside the buffer is read from it without a copy.
            boolean inBuffer = length == 0;
            if (!inBuffer) {
                length = append(start, end, length);
            }
            position = end + 1;
            if (buffer[end] == '\r') {
                if (position < limit) {
                    if (buffer[position] == '\n') {
                        position++;
                    }
                } else {
                    skipLineFeed = true;
                }
            }
            return inBuffer ? current(buffer, start, end - start, ascii) : current(line, 0, length, ascii);
        }
    }

    private boolean current(byte[] bytes, int offset, int length, boolean ascii) {
        current = bytes;
        currentOffset = offset;
        currentLength = length;
        currentAscii = ascii;
        return true;
    }

    /** The bytes holding the current line, valid until the next {@link #advance()}. */
    byte[] bytes() {
        return current;
    }

    int offset() {
        return currentOffset;
    }

    int length() {
        return currentLength;
    }

    /** Whether every byte of the current line is ASCII. */
    boolean ascii() {
        return currentAscii;
    }

    /**
     * The current line as text.
     *
     * @throws AnalyticsException of reason {@code MALFORMED_INPUT} naming the line and the byte when the line is not
     *                            UTF-8
     */
    String text() {
        if (currentAscii) {
            return new String(current, currentOffset, currentLength, StandardCharsets.US_ASCII);
        }
        try {
            return decoder.decode(ByteBuffer.wrap(current, currentOffset, currentLength))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.MALFORMED_INPUT,
                    "input",
                    "line " + lineNumber + ", byte " + firstInvalidByte(current, currentOffset, currentLength)
                            + ": not valid UTF-8");
        }
    }

    /** Appends bytes of the buffer to the line kept across buffers; the line's new length. */
    private int append(int from, int to, int length) {
        int newLength = length + (to - from);
        if (newLength > line.length) {
            line = Arrays.copyOf(line, Math.max(newLength, line.length * 2));
        }
        System.arraycopy(buffer, from, line, length, to - from);
        return newLength;
    }

    private boolean fill() throws IOException {
        int read = in.read(buffer);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    /** Decodes the line up to the first byte that is not UTF-8, to tell where it is. */
    private int firstInvalidByte(byte[] bytes, int offset, int length) {
        ByteBuffer line = ByteBuffer.wrap(bytes, offset, length);
        decoder.reset();
        decoder.decode(line, CharBuffer.allocate(length), true);
        return line.position() - offset + 1;
    }
}
