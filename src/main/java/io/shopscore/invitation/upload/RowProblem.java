package io.shopscore.invitation.upload;

/**
 * One thing wrong with an uploaded file: the line its row starts on (the header is line 1), the
 * column by its header name ({@code row} for the row as a whole) and the rule it breaks.
 */
public record RowProblem(int line, String field, String message) {
}
