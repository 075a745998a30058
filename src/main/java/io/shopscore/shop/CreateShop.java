package io.shopscore.shop;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.i18n.SupportedLocale;

/** The operator's request to register a webshop. */
@Schema(name = "CreateShop")
public record CreateShop(
        @Schema(description = "2-64 characters of a-z, 0-9 and inner single hyphens; never changes", examples = "demo", required = true)
        @Slug String slug,
        @Schema(description = "The shop's display name, also the sender's name of its mails: any script and punctuation, "
                + "but no line breaks, control characters, direction overrides, unpaired surrogates or noncharacters",
                examples = "Bloemen <3 Amsterdam", required = true)
        @NotBlank @Size(max = 200) @ShopName String name,
        @Schema(description = "Absolute http(s) URL of the shop", examples = "https://demo.example", required = true)
        @NotNull @WebsiteUrl String websiteUrl,
        @Schema(description = "Language of the shop's review pages and invitations; defaults to the first of shopscore.locales", examples = "nl")
        @SupportedLocale String locale,
        @Schema(description = "Where Shopscore reports negative reviews at once; also a member who may sign in to the shop's dashboard. "
                + "Optional: the operator can set or replace it later (setShopContact), and a member signed in by mail in the dashboard",
                examples = "service@demo.example")
        @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address") String contactEmail) {

    public CreateShop(String slug, String name, String websiteUrl, String locale) {
        this(slug, name, websiteUrl, locale, null);
    }
}
