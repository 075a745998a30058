package io.shopscore.moderation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The operator's decision about a held or reported review. */
@Schema(name = "ModerationDecision")
public record Decision(
        @Schema(enumeration = { "publish", "remove" }, required = true)
        @NotNull @Pattern(regexp = "publish|remove", message = "must be publish or remove") String decision,
        @Schema(description = "Why; shown publicly in place of a removed review (required to remove)", maxLength = 500,
                examples = "Not written by a customer of this shop")
        @Size(max = 500, message = "must be at most 500 characters") String reason) {

    boolean publishes() {
        return "publish".equals(decision);
    }
}
