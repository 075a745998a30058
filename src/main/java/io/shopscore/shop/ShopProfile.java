package io.shopscore.shop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.shopscore.i18n.SupportedLocale;

/**
 * How a shop presents itself, as its owner changes it in the dashboard: the same rules as when the
 * operator registers it ({@link CreateShop}). The contact address is not part of it: it decides who
 * may sign in, so it is changed on its own ({@link ShopService#changeContact}).
 */
public record ShopProfile(
        @NotBlank @Size(max = 200) @ShopName String name,
        @NotNull @WebsiteUrl String websiteUrl,
        @NotNull @SupportedLocale String locale) {

    static ShopProfile of(Shop shop) {
        return new ShopProfile(shop.name(), shop.websiteUrl(), shop.locale());
    }
}
