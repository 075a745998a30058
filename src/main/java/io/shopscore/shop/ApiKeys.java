package io.shopscore.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import io.shopscore.keys.Digests;

/**
 * Shop API keys: {@code sk_} followed by 256 random bits, URL-safe. Only a SHA-256 digest is
 * stored. A slow password hash is not needed: with 256 bits of entropy nobody can guess a key from
 * its digest, and a fast digest keeps every authenticated request cheap.
 */
public final class ApiKeys {

    private static final String PREFIX = "sk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Cheap pre-check that keeps obvious garbage away from the database. */
    public static boolean hasApiKeyForm(String token) {
        return token.startsWith(PREFIX) && token.length() >= 32 && token.length() <= 128;
    }

    /** The stored form of a key: its SHA-256 digest in hex. */
    public static String hash(String apiKey) {
        return Digests.sha256Hex(apiKey);
    }

    /** Whether a presented key matches a stored digest, in time independent of where they differ. */
    public static boolean matches(String apiKey, String storedHash) {
        return MessageDigest.isEqual(
                hash(apiKey).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

}
