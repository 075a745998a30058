package io.shopscore.review.transfer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing wrong with a row of an import file. */
@Schema(name = "RejectedRow")
public record RejectedRow(
        @Schema(description = "The line of the file the row starts on; the header is line 1, and a quoted field "
                + "with line breaks makes its row span several lines", examples = "7") int line,
        @Schema(description = "The column, by its header name, or \"row\" for the row as a whole", examples = "grade") String field,
        @Schema(examples = "must be a whole number from 1 to 10") String message) {
}
