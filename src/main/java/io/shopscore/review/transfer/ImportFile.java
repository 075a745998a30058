package io.shopscore.review.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.shopscore.problem.Problem;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.ImportedReview;
import io.shopscore.review.ReviewSubmission;

/**
 * An import file, read and checked completely before anything is stored: the header names the
 * columns (any order), then each row is one review. Whatever is wrong with the file as a whole (too
 * large, not UTF-8, a header that is not understood) is a problem for the whole request; whatever is
 * wrong with a row is named with the row's line and the column, and the file is checked to its end
 * so that every bad row is named at once.
 */
final class ImportFile {

    /** No review is older than the web's first shops; an earlier date is a typing error. */
    static final LocalDate EARLIEST = LocalDate.of(1995, 1, 1);

    /** A good row: where it starts, and the review it holds. */
    record Row(int line, ImportedReview review) {
    }

    /** The file's good rows and its bad ones; it is imported only when there are no bad ones. */
    record Checked(List<Row> rows, List<RejectedRow> rejected) {
    }

    private ImportFile() {
    }

    /**
     * The body as text: at most {@code maxBytes} (413 beyond), UTF-8 with or without a byte order
     * mark (400 for anything else).
     */
    static String read(InputStream body, long maxBytes) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw ProblemException.tooLarge("An import file may hold at most " + maxBytes + " bytes; split it into several files.");
        }
        try {
            return CsvReader.utf8(bytes);
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", "must be UTF-8 text; save it from your spreadsheet as \"CSV UTF-8\"");
        }
    }

    /**
     * Checks every row of the text against the header. {@code now} bounds the dates (none in the
     * future), and so does {@code collectingSince}, when the shop began collecting reviews here: an
     * imported review is history from before, so that a shop cannot push the reviews its customers
     * wrote here down the newest-first lists with imported ones dated after them. More than
     * {@code maxRows} reviews is a 413.
     */
    static Checked check(String text, Instant now, Instant collectingSince, int maxRows) {
        CsvReader csv = new CsvReader(text);
        List<Column> columns;
        try {
            columns = header(csv.next());
        } catch (CsvReader.Malformed e) {
            throw ProblemException.invalid("header", "line " + e.line() + " " + e.getMessage());
        }
        List<Row> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        int count = 0;
        while (true) {
            CsvReader.Record record;
            try {
                record = csv.next();
            } catch (CsvReader.Malformed e) {
                String field = e.field() < columns.size() ? columns.get(e.field()).header() : "row";
                rejected.add(new RejectedRow(e.line(), field, e.getMessage() + "; the file is not read past this line"));
                break;
            }
            if (record == null) {
                break;
            }
            if (record.isBlank()) {
                continue;
            }
            if (++count > maxRows) {
                throw ProblemException.tooLarge("An import file may hold at most " + maxRows + " reviews; split it into several files.");
            }
            new RowCheck(record, columns, now, collectingSince).check(rows, rejected);
        }
        return new Checked(rows, rejected);
    }

    /** The columns of the header line, in their order; a 400 naming every unknown, repeated or missing column. */
    private static List<Column> header(CsvReader.Record record) {
        if (record == null || record.isBlank()) {
            throw ProblemException.invalid("file", "is empty; its first line must be the header: "
                    + Stream.of(Column.values()).filter(Column::required).map(Column::header).collect(Collectors.joining(",")) + " and more");
        }
        List<Problem.Violation> violations = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        Set<Column> seen = new HashSet<>();
        for (String name : record.fields()) {
            Column.of(name).ifPresentOrElse(column -> {
                if (!seen.add(column)) {
                    violations.add(new Problem.Violation(column.header(), "appears more than once in the header"));
                }
                columns.add(column);
            }, () -> violations.add(new Problem.Violation(name.strip(), "is not a column an import knows; the columns are "
                    + Stream.of(Column.values()).map(Column::header).collect(Collectors.joining(", ")))));
        }
        for (Column column : Column.values()) {
            if (column.required() && !seen.contains(column)) {
                violations.add(new Problem.Violation(column.header(), "is missing from the header; every import has this column"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return columns;
    }

    /** One row's fields by column, and the checks of each. */
    private static final class RowCheck {

        private final int line;
        private final Instant now;
        private final Instant collectingSince;
        private final Map<Column, String> values = new EnumMap<>(Column.class);
        private final List<RejectedRow> problems = new ArrayList<>();
        private final boolean wrongWidth;

        RowCheck(CsvReader.Record record, List<Column> columns, Instant now, Instant collectingSince) {
            this.collectingSince = collectingSince;
            this.line = record.line();
            this.now = now;
            this.wrongWidth = record.fields().size() != columns.size();
            if (wrongWidth) {
                problems.add(new RejectedRow(line, "row", "has " + record.fields().size() + " fields where the header has "
                        + columns.size() + "; quote a field that holds a comma"));
            } else {
                for (int i = 0; i < columns.size(); i++) {
                    values.put(columns.get(i), record.fields().get(i));
                }
            }
        }

        void check(List<Row> rows, List<RejectedRow> rejected) {
            if (wrongWidth) {
                rejected.addAll(problems);
                return;
            }
            String status = value(Column.STATUS, false);
            if (status != null) {
                switch (status.strip().toLowerCase(Locale.ROOT)) {
                    case "", "published" -> {
                        // imported
                    }
                    case "pending", "removed", "withdrawn" -> {
                        // not public where it comes from, so not brought over (an export lists them for the shop)
                        return;
                    }
                    default -> bad(Column.STATUS, "must be published, pending, removed or withdrawn (only published rows are imported)");
                }
            }
            Instant writtenAt = instant(Column.DATE, true);
            Integer grade = grade();
            Boolean recommend = recommend();
            String title = value(Column.TITLE, false);
            String text = value(Column.TEXT, true);
            String displayName = value(Column.DISPLAY_NAME, false);
            String response = value(Column.RESPONSE, true);
            Instant respondedAt = instant(Column.RESPONSE_DATE, false);
            ImportedReview review = new ImportedReview(writtenAt, grade == null ? 0 : grade, title, text, displayName, recommend,
                    response, respondedAt == null ? writtenAt : respondedAt);
            if (values.containsKey(Column.TEXT) && (review.text() == null || review.text().isEmpty()) && !rejectedAlready(Column.TEXT)) {
                bad(Column.TEXT, "is required");
            }
            longest(Column.TEXT, review.text(), ReviewSubmission.MAX_TEXT);
            longest(Column.TITLE, review.title(), ReviewSubmission.MAX_TITLE);
            longest(Column.DISPLAY_NAME, review.displayName(), ReviewSubmission.MAX_DISPLAY_NAME);
            longest(Column.RESPONSE, review.response(), ReviewSubmission.MAX_TEXT);
            if (respondedAt != null && review.response() == null) {
                bad(Column.RESPONSE_DATE, "is given, but the row has no response");
            } else if (respondedAt != null && writtenAt != null && respondedAt.isBefore(writtenAt)) {
                bad(Column.RESPONSE_DATE, "is before the review's date");
            }
            if (problems.isEmpty()) {
                rows.add(new Row(line, review));
            } else {
                rejected.addAll(problems);
            }
        }

        /**
         * The field as written, with the export's guard against formulas taken off again (see
         * {@link CsvWriter}); null when the file has no such column. Control characters are refused:
         * line breaks and tabs only where a text may have several lines.
         */
        private String value(Column column, boolean multiLine) {
            String raw = values.get(column);
            if (raw == null) {
                return null;
            }
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                boolean allowed = multiLine && (c == '\n' || c == '\t');
                if (Character.isISOControl(c) && !allowed) {
                    bad(column, "contains a control character (U+" + String.format("%04X", (int) c) + ") at position " + (i + 1)
                            + (c == '\n' ? "; this column is a single line" : ""));
                    return null;
                }
            }
            return CsvWriter.unguard(raw);
        }

        private Instant instant(Column column, boolean required) {
            String raw = value(column, false);
            if (raw == null || raw.isBlank()) {
                if (required && raw != null) {
                    bad(column, "is required");
                }
                return null;
            }
            String value = raw.strip();
            Instant instant;
            try {
                instant = value.length() == 10
                        ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                bad(column, "must be a date (2024-05-31) or an instant with its offset (2024-05-31T14:30:00Z)");
                return null;
            }
            if (instant.isAfter(now)) {
                bad(column, "is in the future");
                return null;
            }
            if (!instant.isBefore(collectingSince)) {
                bad(column, "must be before " + collectingSince + ", when the shop began collecting reviews here: an imported review "
                        + "is one written before that");
                return null;
            }
            if (instant.isBefore(EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant())) {
                bad(column, "is before " + EARLIEST + "; check the year");
                return null;
            }
            return instant;
        }

        private Integer grade() {
            String raw = value(Column.GRADE, false);
            if (raw == null) {
                return null;
            }
            String value = raw.strip();
            if (!value.matches("\\d{1,2}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 10) {
                bad(Column.GRADE, value.isEmpty() ? "is required" : "must be a whole number from 1 to 10");
                return null;
            }
            return Integer.parseInt(value);
        }

        private Boolean recommend() {
            String raw = value(Column.RECOMMEND, false);
            if (raw == null) {
                return null;
            }
            return switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "" -> null;
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> {
                    bad(Column.RECOMMEND, "must be true, false, yes, no, 1, 0 or empty");
                    yield null;
                }
            };
        }

        private void longest(Column column, String value, int max) {
            if (value != null && value.length() > max) {
                bad(column, "must be at most " + max + " characters");
            }
        }

        private boolean rejectedAlready(Column column) {
            return problems.stream().anyMatch(problem -> problem.field().equals(column.header()));
        }

        private void bad(Column column, String message) {
            problems.add(new RejectedRow(line, column.header(), message));
        }
    }
}
