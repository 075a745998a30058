package io.shopscore.invitation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.product.ProductDetails;
import io.shopscore.product.Skus;

/** One product of the invited order, as the shop (or its platform connector) describes it. */
@Schema(name = "InvitationProduct")
public record InvitationProduct(
        @Schema(description = "The shop's own product code, unique within the shop: " + Skus.MESSAGE, examples = "TSHIRT-RED-M",
                maxLength = 64, required = true)
        @NotBlank @Pattern(regexp = Skus.PATTERN, message = Skus.MESSAGE) String sku,
        @Schema(description = "The product's name as the shop shows it", examples = "T-shirt, red, M", maxLength = 200, required = true)
        @NotBlank @Size(max = 200) @Pattern(regexp = CreateInvitation.NO_CONTROL_CHARACTERS, message = "must not contain control characters")
        String name,
        @Schema(description = "The product's page in the shop", examples = "https://shop.example/tshirt-red", maxLength = 2048)
        @Size(max = 2048) @Pattern(regexp = WEB_ADDRESS, message = "must be an http or https address") String url,
        @Schema(description = "GTIN (EAN/UPC): 8, 12, 13 or 14 digits", examples = "8712345678906")
        @Pattern(regexp = "\\d{8}|\\d{12,14}", message = "must be 8, 12, 13 or 14 digits") String gtin,
        @Schema(description = "The manufacturer's part number", examples = "TS-R-M", maxLength = 70)
        @Size(max = 70) @Pattern(regexp = PRINTABLE, message = "must be printable characters") String mpn,
        @Schema(description = "The brand", examples = "Acme", maxLength = 100)
        @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "must be printable characters") String brand,
        @Schema(description = "A picture of the product", examples = "https://shop.example/img/tshirt-red.jpg", maxLength = 2048)
        @Size(max = 2048) @Pattern(regexp = WEB_ADDRESS, message = "must be an http or https address") String imageUrl) {

    static final String WEB_ADDRESS = "https?://[^\\s\\p{Cntrl}/?#]+[^\\s\\p{Cntrl}]*";
    static final String PRINTABLE = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*";

    /** The details as the catalogue keeps them: trimmed, blanks as absent. */
    ProductDetails details() {
        return new ProductDetails(sku, name.strip(), blankAsNull(url), blankAsNull(gtin), blankAsNull(mpn), blankAsNull(brand),
                blankAsNull(imageUrl));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
