package io.shopscore.moderation;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.review.ReviewStatus;

/** A review waiting for the operator, with what the operator needs to decide: also who wrote it, and who sent a notice. */
@Schema(name = "ModerationQueueItem")
public record QueueItem(
        long reviewId,
        String shop,
        ReviewStatus status,
        @Schema(description = "Why it was held: link, email, phone", nullable = true) String heldBecause,
        int score,
        String title,
        String text,
        String displayName,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The order the review answers, to check with the shop; null for an imported review", nullable = true) String orderRef,
        @Schema(description = "The customer's address, to verify a disputed review; null for an imported review", nullable = true) String email,
        @Schema(description = "The shop's open report, if any") List<ReviewReport.View> reports,
        @Schema(description = "Open notices from anyone (DSA article 16), oldest first") List<ReviewNotice.View> notices) {
}
