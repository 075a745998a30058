package io.shopscore.connector;

/**
 * One line of a platform order, as the platform sent it (names already entity-decoded).
 *
 * @param sku the shop's SKU; platforms send an empty one for products that have none
 * @param name the product's name on the order
 * @param productId the platform's product id
 * @param variantId the platform's variant id (Shopify {@code variant_id}, WooCommerce {@code variation_id}), if any
 */
public record OrderLine(String sku, String name, String productId, String variantId) {
}
