package io.shopscore.review;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's review, as written or updated through their invitation link. */
@Schema(name = "ReviewSubmission")
public record ReviewSubmission(
        @Schema(description = "The grade, a whole number from 1 (worst) to 10 (best)", examples = "8", minimum = "1", maximum = "10", required = true)
        @NotNull @Min(value = 1, message = "must be a whole number from 1 to 10") @Max(value = 10, message = "must be a whole number from 1 to 10")
        Integer score,
        @Schema(description = "The review, at most 5,000 characters", examples = "Snel geleverd en goed verpakt.", maxLength = 5000, required = true)
        @NotBlank @Size(max = MAX_TEXT, message = "must be at most 5000 characters")
        String text,
        @Schema(description = "A headline", examples = "Prima winkel", maxLength = 200)
        @Size(max = MAX_TITLE, message = "must be at most 200 characters")
        String title,
        @Schema(description = "Would the customer recommend the shop? Absent or null when not answered", examples = "true")
        Boolean recommend,
        @Schema(description = "The name shown with the review", examples = "Jan", maxLength = 60)
        @Size(max = MAX_DISPLAY_NAME, message = "must be at most 60 characters")
        String displayName,
        @Schema(description = "Grades of the order's products (those its invitation listed), each at most once; a product left "
                + "out is not graded. On a change, the list replaces the earlier grades.", maxItems = 20)
        @Valid @Size(max = 20, message = "must list at most 20 products") List<@NotNull @Valid ProductRating> products) {

    public static final int MAX_TEXT = 5000;
    public static final int MAX_TITLE = 200;
    public static final int MAX_DISPLAY_NAME = 60;

    public ReviewSubmission(Integer score, String text, String title, Boolean recommend, String displayName) {
        this(score, text, title, recommend, displayName, null);
    }

    /** The customer's grade of one product of their order. */
    @Schema(name = "ProductRating")
    public record ProductRating(
            @Schema(description = "The sku of one of the invitation's products", examples = "TSHIRT-RED-M", required = true)
            @NotBlank String sku,
            @Schema(description = "The grade, a whole number from 1 (worst) to 10 (best)", examples = "9", minimum = "1", maximum = "10",
                    required = true)
            @NotNull @Min(value = 1, message = "must be a whole number from 1 to 10") @Max(value = 10, message = "must be a whole number from 1 to 10")
            Integer score,
            @Schema(description = "What the customer says about the product, at most 2,000 characters", examples = "Fits well.",
                    maxLength = ProductReview.MAX_TEXT)
            @Size(max = ProductReview.MAX_TEXT, message = "must be at most 2000 characters") String text) {

        public ProductRating {
            text = CustomerText.multiLine(text);
            if (text != null && text.isEmpty()) {
                text = null;
            }
        }
    }

    /** The product grades, none when absent. */
    public List<ProductRating> productsOrNone() {
        return products == null ? List.of() : products;
    }

    /**
     * Holds the texts as they will be stored, so that their lengths are checked after normalising
     * (which can lengthen a text) and never overflow a column.
     */
    public ReviewSubmission {
        text = CustomerText.multiLine(text);
        title = CustomerText.singleLine(title);
        displayName = CustomerText.singleLine(displayName);
    }
}
