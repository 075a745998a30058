package io.shopscore.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.shopscore.config.ShopscoreConfig;

/** The absolute links Shopscore hands out, all under {@code shopscore.public-url}. */
@ApplicationScoped
public class Links {

    private final String base;

    public Links(ShopscoreConfig config) {
        String url = config.publicUrl().strip();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String base() {
        return base;
    }

    /** The shop's public review page. */
    public String shopPage(String slug) {
        return base + "/shops/" + slug;
    }

    /** A product's public review page; the SKU as one path segment. */
    public String productPage(String slug, String sku) {
        return shopPage(slug) + "/products/" + java.net.URLEncoder.encode(sku, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The personal link in an invitation. */
    public String reviewForm(String token) {
        return base + "/review/" + token;
    }

    public String widgetScript() {
        return base + "/widget/shopscore.js";
    }
}
