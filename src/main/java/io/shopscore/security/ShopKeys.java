package io.shopscore.security;

import java.util.Optional;

/**
 * Which shop a bearer token is the API key of. Security sits below the shops it protects, so the
 * shop package answers this (ShopService implements it) and security never imports shop.
 */
public interface ShopKeys {

    /** Whether the token could be a shop's key at all, before any lookup. */
    boolean hasApiKeyForm(String token);

    /** The slug of the shop whose key this is, recording that it was used from this address; empty when no shop has it. */
    Optional<String> slugForApiKey(String apiKey, String clientAddress);
}
