package io.shopscore.moderation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shop's report of one of its reviews. */
@Schema(name = "CreateReport")
public record CreateReport(
        @Schema(enumeration = { "not_a_customer", "offensive", "personal_data", "other" }, required = true)
        @NotNull(message = "must be one of not_a_customer, offensive, personal_data, other") ReportReason reason,
        @Schema(description = "What the operator should know", maxLength = 1000, examples = "We have no order from this person.")
        @Size(max = 1000, message = "must be at most 1000 characters") String comment) {
}
