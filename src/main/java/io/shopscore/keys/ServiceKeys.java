package io.shopscore.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Keyed hashes (HMAC-SHA-256) under secrets the service makes for itself. A secret is generated
 * the first time a purpose needs it and stored in {@code service_key}, so every instance of one
 * installation uses the same one and nobody has to configure it. Keyed, not plain, hashes: an
 * address or an order number has so few possible values that a plain digest could be reversed by
 * trying them all; without the secret it cannot.
 */
@ApplicationScoped
public class ServiceKeys {

    /** What a key is for; each purpose has its own secret, so one leaking says nothing of the others. */
    public enum Purpose {
        /** Client addresses in the fraud signals and the record of API key use. */
        CLIENT_ADDRESS,
        /** Authors' edit links, derived from the review so that the link itself is never stored. */
        EDIT_LINK,
        /** Order references of erased invitations, kept only to keep the shop's order numbering idempotent. */
        ERASED_ORDER,
        /** Cursors of the score change feed, so that only cursors the service issued are accepted. */
        SCORE_CHANGE_CURSOR,
        /** The key that encrypts shop platforms' signing secrets when the operator configured none. */
        CONNECTOR_SECRET,
        /** Dashboard sign-in links, derived from their row so that the outbox can render the mail; only their digest is stored. */
        SIGN_IN_LINK,
        /** The signature of dashboard session cookies, so that any instance can trust what a cookie says. */
        DASHBOARD_SESSION,
        /** The per-session token in every dashboard form, against cross-site requests. */
        DASHBOARD_FORM,
        /**
         * The signature of the operator console's cookies (a key of its own, so no shop's cookie can pass for one), and the
         * record of the admin token a console session was opened with.
         */
        OPERATOR_SESSION,
        /** The per-session token in every form of the operator console. */
        OPERATOR_FORM
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final ConcurrentMap<Purpose, SecretKeySpec> keys = new ConcurrentHashMap<>();

    public ServiceKeys(Clock clock) {
        this.clock = clock;
    }

    /** The keyed hash of a value, as 64 hex characters (for storing and looking up). */
    public String hex(Purpose purpose, String value) {
        return HexFormat.of().formatHex(mac(purpose, value));
    }

    /** The keyed hash of a value as 43 URL-safe characters (256 bits): a secret link derived from the value. */
    public String urlSafe(Purpose purpose, String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(purpose, value));
    }

    private byte[] mac(Purpose purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.computeIfAbsent(purpose, this::load));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    /**
     * The purpose's secret from the database, made on first use. Two instances making it at once:
     * the primary key lets one insert win, and the other reads the winner's.
     */
    private SecretKeySpec load(Purpose purpose) {
        String name = purpose.name().toLowerCase();
        String secret = QuarkusTransaction.requiringNew().call(() -> ServiceKey.named(name).map(ServiceKey::secret).orElse(null));
        if (secret == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                QuarkusTransaction.requiringNew().run(() -> ServiceKey.of(name, Base64.getEncoder().encodeToString(fresh), clock.instant())
                        .persistAndFlush());
            } catch (RuntimeException raceLost) {
                // another instance made it first; use theirs
            }
            secret = QuarkusTransaction.requiringNew().call(() -> ServiceKey.named(name).orElseThrow().secret());
        }
        return new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256");
    }
}
