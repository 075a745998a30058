package io.shopscore.moderation;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.review.RemovalCategory;

/**
 * Anyone's notice about a published review (DSA article 16). The explanation and the address are
 * read without surrounding blanks, so that "10 characters" means ten that say something, and an
 * empty address is no address.
 */
@Schema(name = "CreateNotice")
public record CreateNotice(
        @Schema(description = "What is wrong with the review", required = true,
                enumeration = { "illegal", "personal_data", "not_a_customer", "fake", "offensive", "other" })
        @NotNull(message = "must be one of illegal, personal_data, not_a_customer, fake, offensive, other") RemovalCategory reason,
        @Schema(description = "Why, in the notifier's words: 10 to 2000 characters", minLength = MIN_EXPLANATION,
                maxLength = MAX_EXPLANATION, required = true, examples = "The review names our employee with her full name.")
        @NotNull(message = "must be 10 to 2000 characters")
        @Size(min = MIN_EXPLANATION, max = MAX_EXPLANATION, message = "must be 10 to 2000 characters") String explanation,
        @Schema(description = "Where the operator may tell the notifier the decision; never shown to anyone else", maxLength = 254,
                examples = "info@example.nl")
        @Size(max = 254, message = "must be at most 254 characters")
        @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address") String email) {

    static final int MIN_EXPLANATION = 10;
    static final int MAX_EXPLANATION = 2000;

    public CreateNotice {
        explanation = explanation == null ? null : explanation.strip();
        email = email == null || email.isBlank() ? null : email.strip();
    }
}
