package io.shopscore.shop;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shop as the operator sees it; never its key. */
@Schema(name = "Shop")
public record ShopView(String slug, String name, String websiteUrl, String locale, Instant createdAt) {

    static ShopView of(Shop shop) {
        return new ShopView(shop.slug(), shop.name(), shop.websiteUrl(), shop.locale(), shop.createdAt());
    }
}
