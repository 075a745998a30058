package io.shopscore.review;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's published grade of a product, as anyone may see it: never an email address, order reference or token. */
@Schema(name = "ProductReview")
public record ProductReviewView(
        @Schema(description = "The id of the review the grade belongs to", examples = "4711") long reviewId,
        @Schema(examples = "TSHIRT-RED-M") String sku,
        @Schema(description = "Grade 1-10", examples = "9") int score,
        @Schema(nullable = true, examples = "Fits well.") String text,
        @Schema(nullable = true, examples = "Jan") String displayName,
        @Schema(description = "Written through an invitation after an order") boolean verified,
        @Schema(description = "Where the review came from, as in the shop's review list",
                enumeration = { "invitation-email", "invitation-link", "imported" }) ReviewSource source,
        Instant createdAt,
        @Schema(nullable = true, description = "When the customer last changed the review; null if never") Instant updatedAt) {

    static ProductReviewView of(ProductReview productReview) {
        Review review = productReview.review();
        return new ProductReviewView(review.id(), productReview.product().sku(), productReview.score(), productReview.text(),
                review.displayName(), review.verified(), review.source(), review.createdAt(), review.updatedAt());
    }
}
