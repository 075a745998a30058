package io.shopscore.review.transfer;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of an import file and of the CSV export, by their header names. An export can be
 * imported as it is: the columns only the export has (id, source, status, updatedAt) are known to
 * the import, which reads status and ignores the others (id, source, updatedAt, removalReason).
 */
enum Column {
    ID("id", false),
    DATE("date", true),
    GRADE("grade", true),
    TITLE("title", false),
    TEXT("text", true),
    DISPLAY_NAME("displayName", false),
    RECOMMEND("recommend", false),
    RESPONSE("response", false),
    RESPONSE_DATE("responseDate", false),
    SOURCE("source", false),
    STATUS("status", false),
    UPDATED_AT("updatedAt", false),
    REMOVAL_REASON("removalReason", false);

    private final String header;
    private final boolean required;

    Column(String header, boolean required) {
        this.header = header;
        this.required = required;
    }

    String header() {
        return header;
    }

    boolean required() {
        return required;
    }

    /** The column of a header name, whatever its case and surrounding blanks. */
    static Optional<Column> of(String header) {
        String name = header.strip();
        return Arrays.stream(values()).filter(column -> column.header.equalsIgnoreCase(name)).findFirst();
    }
}
