package io.shopscore.widget;

/** A product of a shop's catalogue with the grades of its published reviews; without grades it has none yet. */
record GradedProduct(String sku, String name, int... grades) {
}
