package io.shopscore.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import io.shopscore.keys.ServiceKeys;

/**
 * The dashboard's cookie: shop id, member, issued-at, expiry and the session id, signed with
 * HMAC-SHA-256 under a key every instance shares. A changed byte breaks the signature; a valid one
 * still needs its session row to be live, so that signing out ends it on every instance.
 */
final class SessionCookie {

    private static final String VERSION = "v1";

    record Claims(long shopId, String member, Instant issuedAt, Instant expiresAt, String sessionId) {
    }

    private SessionCookie() {
    }

    static String write(ServiceKeys keys, Claims claims) {
        String payload = String.join(".", VERSION, Long.toString(claims.shopId()), encode(claims.member()),
                Long.toString(claims.issuedAt().getEpochSecond()), Long.toString(claims.expiresAt().getEpochSecond()), claims.sessionId());
        return payload + "." + keys.urlSafe(ServiceKeys.Purpose.DASHBOARD_SESSION, payload);
    }

    /** The claims of a cookie whose signature holds; empty for anything else, however malformed. */
    static Optional<Claims> read(ServiceKeys keys, String cookie) {
        if (cookie == null || cookie.length() > 1024) {
            return Optional.empty();
        }
        int lastDot = cookie.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String payload = cookie.substring(0, lastDot);
        String signature = cookie.substring(lastDot + 1);
        String expected = keys.urlSafe(ServiceKeys.Purpose.DASHBOARD_SESSION, payload);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 6 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claims(Long.parseLong(parts[1]), decode(parts[2]), Instant.ofEpochSecond(Long.parseLong(parts[3])),
                    Instant.ofEpochSecond(Long.parseLong(parts[4])), parts[5]));
        } catch (IllegalArgumentException signedButBroken) {
            return Optional.empty();
        }
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    }
}
