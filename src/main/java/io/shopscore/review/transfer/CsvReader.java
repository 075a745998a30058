package io.shopscore.review.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: fields separated by commas, records by CRLF or LF (a lone CR
 * too), fields in double quotes where they hold a comma, a quote (doubled) or a line break. Each
 * record knows the physical line it starts on (the first line is 1), which is how a person finds
 * it in their editor even when an earlier field spans several lines. Strict about quotes, since a
 * stray quote usually means the rest of the file would be read wrongly: it stops with
 * {@link Malformed} rather than guess. Public because invitations are uploaded as CSV too, and one
 * file format deserves one reader.
 */
public final class CsvReader {

    /** One record: the line it starts on and its fields. */
    public record Record(int line, List<String> fields) {

        /** A line with nothing on it, which carries no row. */
        public boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    /** The text is not CSV from this point on: the line, the field's position in its record (0-based), and why. */
    public static final class Malformed extends Exception {

        private final int line;
        private final int field;

        Malformed(int line, int field, String message) {
            super(message, null, false, false);
            this.line = line;
            this.field = field;
        }

        public int line() {
            return line;
        }

        public int field() {
            return field;
        }
    }

    private final String text;
    private int position;
    private int line = 1;

    public CsvReader(String text) {
        this.text = text;
    }

    /**
     * A file's bytes as text: UTF-8 with or without a byte order mark (which spreadsheets write);
     * anything that is not UTF-8 is refused rather than guessed.
     */
    public static String utf8(byte[] bytes) throws CharacterCodingException {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
    }

    /** The next record, or null at the end of the text. */
    public Record next() throws Malformed {
        if (position >= text.length()) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (position < text.length() && text.charAt(position) == '"' && field.isEmpty()) {
                readQuoted(field, startLine, fields.size());
            }
            if (position >= text.length()) {
                fields.add(field.toString());
                return new Record(startLine, fields);
            }
            char c = text.charAt(position);
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                position++;
            } else if (c == '\r' || c == '\n') {
                skipLineBreak();
                fields.add(field.toString());
                return new Record(startLine, fields);
            } else if (c == '"') {
                throw new Malformed(line, fields.size(), "has a quote inside a field that does not start with one; "
                        + "put the whole field in quotes and double the quotes inside it");
            } else {
                field.append(c);
                position++;
            }
        }
    }

    /** A quoted field, from its opening quote to just after its closing one. */
    private void readQuoted(StringBuilder field, int recordLine, int fieldIndex) throws Malformed {
        int openedOn = line;
        position++;
        while (true) {
            if (position >= text.length()) {
                throw new Malformed(openedOn, fieldIndex, "has a quoted field that is never closed (it opens on line " + openedOn
                        + " of a record starting on line " + recordLine + ")");
            }
            char c = text.charAt(position);
            if (c == '"') {
                if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
                    field.append('"');
                    position += 2;
                    continue;
                }
                position++;
                if (position < text.length() && ",\r\n".indexOf(text.charAt(position)) < 0) {
                    throw new Malformed(line, fieldIndex, "has text after the closing quote of a field; "
                            + "double a quote that belongs to the text");
                }
                return;
            }
            if (c == '\r' || c == '\n') {
                skipLineBreak();
                field.append('\n');
                continue;
            }
            field.append(c);
            position++;
        }
    }

    /** Passes one line break (CRLF, LF or CR) and counts it. */
    private void skipLineBreak() {
        if (text.charAt(position) == '\r' && position + 1 < text.length() && text.charAt(position + 1) == '\n') {
            position++;
        }
        position++;
        line++;
    }
}
