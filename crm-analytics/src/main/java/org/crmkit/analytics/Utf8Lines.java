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
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
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
                return length == 0 ? null : finish(length, ascii);
            }
            byte b = buffer[position++];
            if (b == '\n') {
                return finish(length, ascii);
            }
            if (b == '\r') {
                if (position == limit && !fill()) {
                    return finish(length, ascii);
                }
                if (buffer[position] == '\n') {
                    position++;
                }
                return finish(length, ascii);
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = b;
            ascii &= b >= 0;
        }
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

    private String finish(int length, boolean ascii) {
        if (ascii) {
            return new String(line, 0, length, StandardCharsets.US_ASCII);
        }
        try {
            return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw new AnalyticsException(AnalyticsException.Reason.MALFORMED_INPUT, "input",
                    "line " + lineNumber + ", byte " + firstInvalidByte(length) + ": not valid UTF-8");
        }
    }

    /** Decodes the line up to the first byte that is not UTF-8, to tell where it is. */
    private int firstInvalidByte(int length) {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        decoder.reset();
        decoder.decode(bytes, CharBuffer.allocate(length), true);
        return bytes.position() + 1;
    }
}
