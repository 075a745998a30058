package io.shopscore.review.transfer;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 describes it (CRLF between records, a field in double quotes when it holds
 * a comma, a quote or a line break, quotes inside doubled), guarded against CSV injection as OWASP
 * advises: a field that starts with {@code = + - @}, a tab or a carriage return would be run as a
 * formula by a spreadsheet, so it gets a leading single quote, which spreadsheets show as text. The
 * import takes that quote off again ({@link #unguard}), so an export imports as it was.
 */
final class CsvWriter {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** One record; null fields are written empty. */
    void write(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String guarded = FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = guarded.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + guarded.replace("\"", "\"\"") + '"' : guarded;
    }

    /** The field without the guard {@link #field} put in front of a formula-like value. */
    static String unguard(String value) {
        if (value.length() >= 2 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }
}
