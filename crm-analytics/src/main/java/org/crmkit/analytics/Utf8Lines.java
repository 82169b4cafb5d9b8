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
 */
final class Utf8Lines {

    private final InputStream in;
    private long lineNumber;
    private final byte[] buffer = new byte[65_536];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
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
        lineNumber++;
        int length = 0;
        boolean ascii = true;
        while (true) {
            if (position == limit && !fill()) {
                return length == 0 ? null : finish(line, 0, length, ascii);
            }
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                ascii &= buffer[end] >= 0;
                end++;
            }
            if (end == limit) {
                // the line goes on in the next buffer: keep its start
                length = append(start, end, length);
                position = limit;
                continue;
            }
            // A line inside the buffer is decoded from it without a copy.
            String text = length == 0
                    ? finish(buffer, start, end - start, ascii)
                    : finish(line, 0, append(start, end, length), ascii);
            position = end + 1;
            if (buffer[end] == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                position++;
            }
            return text;
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

    private String finish(byte[] bytes, int offset, int length, boolean ascii) {
        if (ascii) {
            return new String(bytes, offset, length, StandardCharsets.US_ASCII);
        }
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw new AnalyticsException(
                    AnalyticsException.Reason.MALFORMED_INPUT,
                    "input",
                    "line " + lineNumber + ", byte " + firstInvalidByte(bytes, offset, length) + ": not valid UTF-8");
        }
    }

    /** Decodes the line up to the first byte that is not UTF-8, to tell where it is. */
    private int firstInvalidByte(byte[] bytes, int offset, int length) {
        ByteBuffer line = ByteBuffer.wrap(bytes, offset, length);
        decoder.reset();
        decoder.decode(line, CharBuffer.allocate(length), true);
        return line.position() - offset + 1;
    }
}
