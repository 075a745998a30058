package io.shopscore.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shop's public answer to a review. */
@Schema(name = "ShopResponse")
public record ShopResponse(
        @Schema(examples = "Dank je wel, Jan! We hebben de bezorger gesproken.", maxLength = 5000, required = true)
        @NotBlank @Size(max = ReviewSubmission.MAX_TEXT, message = "must be at most 5000 characters")
        String text) {

    /** Holds the text as it will be stored, so that its length is checked after normalising. */
    public ShopResponse {
        text = CustomerText.multiLine(text);
    }
}
