package io.shopscore.review;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Everything the service holds about a review's author, for their edit link: the review, the
 * personal data the shop supplied with the invitation, and every earlier version of the text.
 */
@Schema(name = "AuthorExport")
public record AuthorExport(
        ReviewView review,
        @Schema(examples = "demo") String shopSlug,
        @Schema(examples = "Demo Shop") String shopName,
        @Schema(description = "What the shop supplied when it invited the customer") Customer customer,
        @Schema(description = "When the shop invited the customer") Instant invitedAt,
        @Schema(description = "Until when the author can change the review") Instant changeableUntil,
        @Schema(description = "The review's earlier texts, oldest first") List<ReviewVersion.View> earlierVersions,
        @Schema(description = "The author's grades and words for the products of their order, in the order they were first given")
        List<ProductGrade> products,
        @Schema(nullable = true, description = "A keyed hash of the address the review was sent from is kept until this time, "
                + "to recognise reviews written by the shop itself; null when none is kept") Instant addressHashKeptUntil) {

    /** One product of the order as the author graded it. */
    @Schema(name = "AuthorExportProductGrade")
    public record ProductGrade(
            @Schema(examples = "TSHIRT-RED-M") String sku,
            @Schema(examples = "T-shirt, red, M") String name,
            @Schema(description = "Grade 1-10", examples = "9") int score,
            @Schema(nullable = true, examples = "Fits well.") String text) {

        static ProductGrade of(ProductReview grade) {
            return new ProductGrade(grade.product().sku(), grade.product().name(), grade.score(), grade.text());
        }
    }

    /** The personal data of the invitation. */
    @Schema(name = "AuthorExportCustomer")
    public record Customer(
            @Schema(nullable = true, examples = "Jan de Vries") String name,
            @Schema(examples = "jan@example.nl") String email,
            @Schema(examples = "ORD-10023") String orderRef,
            @Schema(examples = "nl") String locale) {
    }
}
