package io.shopscore.shop;

/**
 * Fired when a shop's name, website or language changed, so that copies of what shows them (the
 * cached score document, which names the shop) are dropped once the change commits. An event
 * because those copies live in packages above this one (score imports shop, never the reverse).
 */
public record ShopDescribed(String slug) {
}
