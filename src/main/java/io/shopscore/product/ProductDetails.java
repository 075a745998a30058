package io.shopscore.product;

/**
 * What a shop says about one of its products, already checked: the SKU, the name, and the
 * optional product page, GTIN, manufacturer part number, brand and picture.
 */
public record ProductDetails(String sku, String name, String url, String gtin, String mpn, String brand, String imageUrl) {
}
