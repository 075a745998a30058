package io.shopscore.review;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A review as anyone may see it: never the customer's email, order reference or token. */
@Schema(name = "Review")
public record ReviewView(
        @Schema(examples = "4711") long id,
        @Schema(description = "Grade 1-10", examples = "8") int score,
        @Schema(nullable = true, examples = "Prima winkel") String title,
        @Schema(examples = "Snel geleverd en goed verpakt.") String text,
        @Schema(nullable = true, examples = "Jan") String displayName,
        @Schema(nullable = true, description = "Would recommend; null when not answered") Boolean recommend,
        @Schema(description = "Written through an invitation after an order") boolean verified,
        @Schema(description = "Where the review came from: invitation-email (the service mailed the customer's link; the shop "
                + "never saw it), invitation-link (the shop handed the link out itself) or imported (from another service; "
                + "never counted in a score)", enumeration = { "invitation-email", "invitation-link", "imported" })
        ReviewSource source,
        Instant createdAt,
        @Schema(nullable = true, description = "When the customer last changed the review; null if never") Instant updatedAt,
        @Schema(nullable = true, description = "The shop's public response") ResponseView response,
        @Schema(description = "published, or pending while the operator checks a review with a link, email address or phone number; "
                + "public lists show only published reviews") ReviewStatus status) {

    /** The shop's public answer to a review. */
    @Schema(name = "ReviewResponse")
    public record ResponseView(
            @Schema(examples = "Dank je wel, Jan!") String text,
            Instant createdAt) {
    }

    public static ReviewView of(Review review) {
        ResponseView response = review.responseText() == null ? null
                : new ResponseView(review.responseText(), review.responseCreatedAt());
        return new ReviewView(review.id(), review.grade().value(), review.title(), review.text(), review.displayName(),
                review.recommend(), review.verified(), review.source(), review.createdAt(), review.updatedAt(), response, review.status());
    }
}
