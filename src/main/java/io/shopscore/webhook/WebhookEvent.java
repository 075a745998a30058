package io.shopscore.webhook;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON body of a webhook call. */
@Schema(name = "WebhookEvent")
public record WebhookEvent(
        @Schema(description = "Unique per event; a retry carries the same id", examples = "evt_5f0c...") String id,
        @Schema(enumeration = { "review.created", "review.updated", "review.published", "review.removed" }) String type,
        Instant createdAt,
        @Schema(description = "The shop's slug", examples = "demo") String shop,
        Review review) {

    /** The review as it stood at the event, with what only its shop may know. */
    @Schema(name = "WebhookReview")
    public record Review(
            long id, int score, String title, String text, String displayName, Boolean recommend, boolean verified,
            Instant createdAt, Instant updatedAt, @Schema(nullable = true) Response response,
            @Schema(enumeration = { "published", "pending", "removed" }) String status,
            @Schema(description = "The shop's order reference of the invitation") String orderRef,
            @Schema(description = "The operator's public reason, for a removed review", nullable = true) String removalReason) {
    }

    /** The shop's public response to the review. */
    @Schema(name = "WebhookResponse")
    public record Response(String text, Instant createdAt) {
    }
}
