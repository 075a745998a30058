package io.shopscore.review.transfer;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.review.Review;
import io.shopscore.review.ReviewSource;
import io.shopscore.review.ReviewStatus;

/**
 * One review in the shop's export, with the same names as the CSV columns (so an export imports as
 * it is). A removed review keeps its grade, dates and removal reason; its words are not exported,
 * since moderation removed them (perhaps for someone's personal data).
 */
@Schema(name = "ExportedReview")
public record ExportedReview(
        @Schema(examples = "4711") long id,
        @Schema(description = "When it was written") Instant date,
        @Schema(description = "Grade 1-10", examples = "8") int grade,
        @Schema(nullable = true, examples = "Prima winkel") String title,
        @Schema(nullable = true, description = "Null for a removed review", examples = "Snel geleverd.") String text,
        @Schema(nullable = true, examples = "Jan") String displayName,
        @Schema(nullable = true, description = "Would recommend; null when not answered") Boolean recommend,
        @Schema(nullable = true, description = "The shop's public response") String response,
        @Schema(nullable = true, description = "When the shop first responded") Instant responseDate,
        @Schema(enumeration = { "invitation-email", "invitation-link", "imported" }) ReviewSource source,
        @Schema(description = "published, pending (waits for the operator) or removed (by moderation); withdrawn reviews are "
                + "not exported") ReviewStatus status,
        @Schema(nullable = true, description = "When its author last changed it") Instant updatedAt,
        @Schema(nullable = true, description = "Why moderation removed it (public)") String removalReason) {

    /** The CSV columns, in the order {@link #csvFields()} gives the values. */
    static final List<Column> CSV_COLUMNS = List.of(Column.ID, Column.DATE, Column.GRADE, Column.TITLE, Column.TEXT,
            Column.DISPLAY_NAME, Column.RECOMMEND, Column.RESPONSE, Column.RESPONSE_DATE, Column.SOURCE, Column.STATUS,
            Column.UPDATED_AT, Column.REMOVAL_REASON);

    static ExportedReview of(Review review) {
        boolean removed = review.status() == ReviewStatus.REMOVED;
        return new ExportedReview(review.id(), review.createdAt(), review.grade().value(),
                removed ? null : review.title(), removed ? null : review.text(), removed ? null : review.displayName(),
                review.recommend(), removed ? null : review.responseText(), removed ? null : review.responseCreatedAt(), review.source(),
                review.status(), review.updatedAt(), review.removalReason());
    }

    List<String> csvFields() {
        return Arrays.asList(Long.toString(id), text(date), Integer.toString(grade), title, text, displayName,
                recommend == null ? null : recommend.toString(), response, text(responseDate), source.json(), status.json(),
                text(updatedAt), removalReason);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
