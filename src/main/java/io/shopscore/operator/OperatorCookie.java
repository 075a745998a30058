package io.shopscore.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;

import io.shopscore.keys.ServiceKeys;

/**
 * The console's cookie: issued-at, expiry and the session id, signed with HMAC-SHA-256 under the
 * operator's own key. A shop's dashboard cookie is signed under another key and has another shape,
 * so it can never pass for this one; a valid signature still needs its session row to be live.
 */
final class OperatorCookie {

    private static final String VERSION = "o1";

    record Claims(Instant issuedAt, Instant expiresAt, String sessionId) {
    }

    private OperatorCookie() {
    }

    static String write(ServiceKeys keys, Claims claims) {
        String payload = String.join(".", VERSION, Long.toString(claims.issuedAt().getEpochSecond()),
                Long.toString(claims.expiresAt().getEpochSecond()), claims.sessionId());
        return payload + "." + keys.urlSafe(ServiceKeys.Purpose.OPERATOR_SESSION, payload);
    }

    /** The claims of a cookie whose signature holds; empty for anything else, however malformed. */
    static Optional<Claims> read(ServiceKeys keys, String cookie) {
        if (cookie == null || cookie.length() > 512) {
            return Optional.empty();
        }
        int lastDot = cookie.lastIndexOf('.');
        if (lastDot < 0) {
            return Optional.empty();
        }
        String payload = cookie.substring(0, lastDot);
        String expected = keys.urlSafe(ServiceKeys.Purpose.OPERATOR_SESSION, payload);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                cookie.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        String[] parts = payload.split("\\.");
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Claims(Instant.ofEpochSecond(Long.parseLong(parts[1])), Instant.ofEpochSecond(Long.parseLong(parts[2])),
                    parts[3]));
        } catch (IllegalArgumentException signedButBroken) {
            return Optional.empty();
        }
    }
}
