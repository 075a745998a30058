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
        @Schema(nullable = true, description = "A keyed hash of the address the review was sent from is kept until this time, "
                + "to recognise reviews written by the shop itself; null when none is kept") Instant addressHashKeptUntil) {

    /** The personal data of the invitation. */
    @Schema(name = "AuthorExportCustomer")
    public record Customer(
            @Schema(nullable = true, examples = "Jan de Vries") String name,
            @Schema(examples = "jan@example.nl") String email,
            @Schema(examples = "ORD-10023") String orderRef,
            @Schema(examples = "nl") String locale) {
    }
}
