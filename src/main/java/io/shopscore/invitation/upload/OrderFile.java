package io.shopscore.invitation.upload;

import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.shopscore.invitation.CreateInvitation;
import io.shopscore.problem.Problem;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.transfer.CsvReader;

/**
 * An uploaded file of orders, read as the review import reads its files (the same RFC 4180
 * {@link CsvReader}: quoted fields, CRLF or LF, UTF-8 with or without BOM): a header naming the
 * columns in any order, then one order per row. What is wrong with the file as a whole (too large,
 * not UTF-8, a header that is not understood, too many rows) is refused at once; a row that is not
 * CSV stops the reading and is named like any other bad row.
 */
final class OrderFile {

    /** A row: the line it starts on and the request it makes, or what keeps it from being one. */
    record Row(int line, CreateInvitation request, RowProblem problem) {
    }

    record Read(List<Row> rows) {
    }

    private OrderFile() {
    }

    /** Reads and splits the file; 413 past the limits, 400 for a file that cannot be read as orders at all. */
    static Read read(byte[] bytes, long maxBytes, int maxRows) {
        if (bytes.length > maxBytes) {
            throw ProblemException.tooLarge("A file of orders may hold at most " + maxBytes / (1024 * 1024)
                    + " MB; split it into several files.");
        }
        String text;
        try {
            text = CsvReader.utf8(bytes);
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("file", "must be UTF-8 text; save it from your spreadsheet as \"CSV UTF-8\"");
        }
        CsvReader csv = new CsvReader(text);
        List<OrderColumn> columns;
        try {
            columns = header(csv.next());
        } catch (CsvReader.Malformed e) {
            throw ProblemException.invalid("header", "line " + e.line() + " " + e.getMessage());
        }
        List<Row> rows = new ArrayList<>();
        while (true) {
            CsvReader.Record record;
            try {
                record = csv.next();
            } catch (CsvReader.Malformed e) {
                String field = e.field() < columns.size() ? columns.get(e.field()).header() : "row";
                rows.add(new Row(e.line(), null, new RowProblem(e.line(), field, e.getMessage() + "; the file is not read past this line")));
                break;
            }
            if (record == null) {
                break;
            }
            if (record.isBlank()) {
                continue;
            }
            if (rows.size() >= maxRows) {
                throw ProblemException.tooLarge("A file of orders may hold at most " + maxRows + " rows; split it into several files.");
            }
            rows.add(row(record, columns));
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("file", "has a header but no orders");
        }
        return new Read(rows);
    }

    private static Row row(CsvReader.Record record, List<OrderColumn> columns) {
        if (record.fields().size() != columns.size()) {
            return new Row(record.line(), null, new RowProblem(record.line(), "row", "has " + record.fields().size()
                    + " fields where the header has " + columns.size() + "; quote a field that holds a comma"));
        }
        Map<OrderColumn, String> values = new EnumMap<>(OrderColumn.class);
        for (int i = 0; i < columns.size(); i++) {
            String value = record.fields().get(i).strip();
            values.put(columns.get(i), value.isEmpty() && !columns.get(i).required() ? null : value);
        }
        return new Row(record.line(), new CreateInvitation(values.get(OrderColumn.ORDER_REF), values.get(OrderColumn.EMAIL),
                values.get(OrderColumn.NAME), values.get(OrderColumn.LANGUAGE)), null);
    }

    /** The columns of the header line, in their order; a 400 naming every unknown, repeated or missing column. */
    private static List<OrderColumn> header(CsvReader.Record record) {
        String expected = Stream.of(OrderColumn.values()).map(OrderColumn::header).collect(Collectors.joining(","));
        if (record == null || record.isBlank()) {
            throw ProblemException.invalid("file", "is empty; its first line must be the header, such as " + expected);
        }
        // a header of thousands of fields would make thousands of problems, each a line on the page
        if (record.fields().size() > 2 * OrderColumn.values().length) {
            throw ProblemException.invalid("file", "has " + record.fields().size() + " columns in its header; a file of orders has at most "
                    + OrderColumn.values().length + ": " + expected);
        }
        List<Problem.Violation> violations = new ArrayList<>();
        List<OrderColumn> columns = new ArrayList<>();
        Set<OrderColumn> seen = new HashSet<>();
        for (String name : record.fields()) {
            OrderColumn.of(name).ifPresentOrElse(column -> {
                if (!seen.add(column)) {
                    violations.add(new Problem.Violation(column.header(), "appears more than once in the header"));
                }
                columns.add(column);
            }, () -> violations.add(new Problem.Violation(name.strip(), "is not a column of a file of orders; the columns are " + expected)));
        }
        for (OrderColumn column : OrderColumn.values()) {
            if (column.required() && !seen.contains(column)) {
                violations.add(new Problem.Violation(column.header(), "is missing from the header; every file of orders has this column"));
            }
        }
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        return columns;
    }
}
