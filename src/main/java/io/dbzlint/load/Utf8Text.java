package io.dbzlint.load;

import io.dbzlint.model.InputId;
import io.dbzlint.model.Location;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** An input's bytes as text: UTF-8 without a byte order mark, or the place of its first invalid byte. */
final class Utf8Text {

    private Utf8Text() {
    }

    /** UTF-8 text without a byte order mark. */
    static String decode(byte[] bytes) throws Invalid {
        if (looksUtf16(bytes)) {
            // read as UTF-8 it holds no key at all, and a connector config would be skipped as none
            if (!YamlConnectors.namesConnector(new String(bytes, bytes[0] == 0 ? StandardCharsets.UTF_16BE
                    : StandardCharsets.UTF_16LE))) {
                return ""; // some other file saved as UTF-16 (a Windows README): not dbzlint's
            }
            throw new Invalid(1, 1, "UTF-16 text (without a byte order mark), which Kafka Connect and Debezium do not"
                    + " read; save the file as UTF-8");
        }
        String text = isAscii(bytes) ? new String(bytes, StandardCharsets.ISO_8859_1) : decodeUtf8(bytes);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /**
     * Whether text is UTF-16 without a byte order mark: in its first kilobyte, most bytes of one
     * parity are zero (the high byte of ASCII characters) and hardly any of the other.
     */
    static boolean looksUtf16(byte[] bytes) {
        int length = Math.min(bytes.length, 1024) & ~1;
        if (length < 8) {
            return false;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < length; i += 2) {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = length / 2;
        return Math.max(evenZeros, oddZeros) * 10 >= pairs * 7 && Math.min(evenZeros, oddZeros) * 20 <= pairs;
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String decodeUtf8(byte[] bytes) throws Invalid {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            int line = 1;
            int column = 1;
            char previous = 0;
            while (out.hasRemaining()) {
                char c = out.get();
                if (c == '\n' && previous == '\r') {
                    previous = c;
                    continue; // one line break, counted at the \r
                }
                if (c == '\n' || c == '\r') {
                    line++; // lines end at \n, \r\n or a lone \r, as the JSON parser counts them
                    column = 1;
                } else {
                    column++;
                }
                previous = c;
            }
            throw new Invalid(line, column, String.format(
                    "not valid UTF-8: byte 0x%02X cannot appear here; save the file as UTF-8",
                    bytes[in.position()] & 0xFF));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /** Bytes that are not UTF-8, with the line and column where the first one sits. */
    static final class Invalid extends CharacterCodingException {
        private final int line;
        private final int column;
        private final String message;

        Invalid(int line, int column, String message) {
            this.line = line;
            this.column = column;
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }

        /** The parse error at the invalid byte. */
        LoadProblem problem(InputId input) {
            return LoadProblem.parseError(Location.at(input, line, column), message);
        }
    }
}
