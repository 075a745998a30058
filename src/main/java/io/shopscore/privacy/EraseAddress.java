package io.shopscore.privacy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The operator's request to erase a data subject's address on every shop. */
@Schema(name = "EraseAddress")
public record EraseAddress(
        @Schema(description = "The address to erase, in any case", examples = "jan@example.nl", required = true)
        @NotBlank @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address")
        String email) {
}
