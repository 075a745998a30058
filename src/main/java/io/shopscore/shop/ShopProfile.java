package io.shopscore.shop;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.shopscore.i18n.SupportedLocale;

/**
 * How a shop presents itself, as its owner changes it in the dashboard: the same rules as when the
 * operator registers it ({@link CreateShop}) and as the settings API's contact address
 * ({@link ShopSettings}).
 */
public record ShopProfile(
        @NotBlank @Size(max = 200) @ShopName String name,
        @NotNull @WebsiteUrl String websiteUrl,
        @NotNull @SupportedLocale String locale,
        @Size(max = 254) @Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+", message = "must be an email address") String contactEmail) {

    static ShopProfile of(Shop shop) {
        return new ShopProfile(shop.name(), shop.websiteUrl(), shop.locale(), shop.contactEmail());
    }
}
