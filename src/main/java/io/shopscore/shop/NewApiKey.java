package io.shopscore.shop;

/** A key just created: the key itself, shown this once, and how it is listed from now on. */
public record NewApiKey(String apiKey, ApiKeyView key) {
}
