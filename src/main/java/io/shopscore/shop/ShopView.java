package io.shopscore.shop;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shop as the operator sees it; never its key. */
@Schema(name = "Shop")
public record ShopView(String slug, String name, String websiteUrl, String locale, Instant createdAt,
        @Schema(description = "The shop's contact address, which receives negative-review alerts and may sign in to its dashboard; "
                + "null for none (then nobody can manage the shop's keys until the operator sets one)",
                examples = "service@demo.example", nullable = true)
        String contactEmail) {

    static ShopView of(Shop shop) {
        return new ShopView(shop.slug(), shop.name(), shop.websiteUrl(), shop.locale(), shop.createdAt(), shop.contactEmail());
    }
}
