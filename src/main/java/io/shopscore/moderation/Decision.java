package io.shopscore.moderation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.review.ModerationEvent;
import io.shopscore.review.RemovalCategory;
import io.shopscore.review.ReviewChanged;

/** The operator's decision about a held, reported or noticed review. */
@Schema(name = "ModerationDecision")
public record Decision(
        @Schema(description = "publish a held review; remove a review (with reason and category); keep a published review that "
                + "was reported or noticed (with reason): its open reports and notices close as rejected",
                enumeration = { "publish", "remove", "keep" }, required = true)
        @NotNull @Pattern(regexp = "publish|remove|keep", message = "must be publish, remove or keep") String decision,
        @Schema(description = "Why. Shown publicly in place of a removed review; recorded in the audit trail. Required to remove "
                + "and to keep", maxLength = 500, examples = "Not written by a customer of this shop")
        @Size(max = 500, message = "must be at most 500 characters") String reason,
        @Schema(description = "The ground of a removal, counted publicly (GET /api/v1/shops/{slug}/transparency). Required to "
                + "remove; only a removal has one",
                enumeration = { "illegal", "personal_data", "not_a_customer", "fake", "offensive", "other" })
        RemovalCategory category) {

    /** What the operator decided: how the audit trail names it, and what it changes about the review (keeping changes nothing). */
    enum Kind {
        PUBLISH(ModerationEvent.Action.PUBLISHED, ReviewChanged.Change.PUBLISHED),
        REMOVE(ModerationEvent.Action.REMOVED, ReviewChanged.Change.REMOVED),
        KEEP(ModerationEvent.Action.KEPT, null);

        final ModerationEvent.Action action;
        final ReviewChanged.Change change;

        Kind(ModerationEvent.Action action, ReviewChanged.Change change) {
            this.action = action;
            this.change = change;
        }
    }

    Kind kind() {
        return Kind.valueOf(decision.toUpperCase());
    }

    /** The reason without surrounding blanks; null when none was given. */
    String cleanReason() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** The reason as the audit trail keeps it: a removal's category first, as a report's reason is. */
    String trailReason() {
        return category == null ? cleanReason() : category.json() + ": " + cleanReason();
    }
}
