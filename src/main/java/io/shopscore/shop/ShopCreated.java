package io.shopscore.shop;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new shop with its API key: the only time the key is ever shown. */
@Schema(name = "ShopCreated")
public record ShopCreated(
        String slug,
        String name,
        String websiteUrl,
        String locale,
        @Schema(description = "The shop's API key. Shown once; Shopscore keeps only a hash of it.", examples = "sk_8Jz…")
        String apiKey,
        Instant createdAt) {

    static ShopCreated of(Shop shop, String apiKey) {
        return new ShopCreated(shop.slug(), shop.name(), shop.websiteUrl(), shop.locale(), apiKey, shop.createdAt());
    }
}
