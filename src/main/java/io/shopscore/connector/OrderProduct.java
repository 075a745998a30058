package io.shopscore.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopscore.invitation.InvitationProduct;
import io.shopscore.product.Skus;

/**
 * A product of an order as an invitation takes it (the shape of the invitation's {@code products}).
 * Platforms send no product URL, GTIN, MPN, brand or image in an order, so those stay empty.
 */
public record OrderProduct(String sku, String name, String url, String gtin, String mpn, String brand, String imageUrl) {

    /** An invitation takes at most this many products (api-v1.1, Products). */
    static final int MAX = 20;
    private static final int MAX_NAME = 200;

    /**
     * The products of an order's lines: each line's SKU, or for a line without one (or with one this
     * service cannot take: over 64 characters, or with a comma or slash) a stable key
     * from the platform's ids: {@code woo-<product_id>} (WooCommerce), {@code shopify-<variant_id>}
     * or, without a variant, {@code shopify-product-<product_id>} (Shopify). The same product on
     * two lines is one product; a line with neither SKU nor id is left out; at most 20.
     */
    public static List<OrderProduct> of(Platform platform, List<OrderLine> lines) {
        Map<String, OrderProduct> products = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            String sku = skuOf(platform, line);
            if (sku == null || products.containsKey(sku)) {
                continue;
            }
            String name = line.name() == null ? "" : line.name().replaceAll("\\p{Cntrl}+", " ").strip();
            name = name.isEmpty() ? sku : clip(name);
            products.put(sku, new OrderProduct(sku, name, null, null, null, null, null));
            if (products.size() == MAX) {
                break;
            }
        }
        return new ArrayList<>(products.values());
    }

    /** As the invitation takes it. */
    public InvitationProduct toInvitationProduct() {
        return new InvitationProduct(sku, name, url, gtin, mpn, brand, imageUrl);
    }

    /**
     * The line's SKU when it is one this service takes ({@link Skus}); else, as for a line without
     * one, a key from the platform's ids, so that a SKU such as {@code BOX/12} still gets its grades.
     */
    private static String skuOf(Platform platform, OrderLine line) {
        String own = line.sku() == null ? null : line.sku().strip();
        if (Skus.isValid(own)) {
            return own;
        }
        return switch (platform) {
            case WOOCOMMERCE -> present(line.productId()) ? "woo-" + line.productId() : null;
            case SHOPIFY -> present(line.variantId()) ? "shopify-" + line.variantId()
                    : present(line.productId()) ? "shopify-product-" + line.productId() : null;
        };
    }

    private static boolean present(String id) {
        return id != null && !id.isBlank() && !id.equals("0");
    }

    private static String clip(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_NAME) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_NAME - 1)) + "\u2026";
    }
}
