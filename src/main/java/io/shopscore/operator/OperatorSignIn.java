package io.shopscore.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.keys.Digests;
import io.shopscore.keys.ServiceKeys;

/**
 * Who may open the operator console: whoever holds the admin token the API uses. Signing in opens a
 * server-side session, so that signing out ends it on every instance and the token itself never
 * travels again; a session ends after 2 hours without a request, 12 hours after sign-in, or as soon
 * as the admin token it was opened with is replaced.
 */
@ApplicationScoped
public class OperatorSignIn {

    /** A session ends after this long without a request... */
    public static final Duration IDLE = Duration.ofHours(2);
    /** ...and after this long in any case. */
    public static final Duration MAX_AGE = Duration.ofHours(12);
    /** The longest name an operator may give for the audit trail. */
    public static final int MAX_NAME = 80;
    /** The name in the audit trail when the operator gave none. */
    public static final String UNNAMED = "operator";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final ServiceKeys keys;
    private final Optional<byte[]> adminTokenHash;
    private final Optional<String> adminToken;

    public OperatorSignIn(Clock clock, ServiceKeys keys, ShopscoreConfig config) {
        this.clock = clock;
        this.keys = keys;
        this.adminToken = config.adminToken().filter(token -> !token.isBlank());
        this.adminTokenHash = adminToken.map(OperatorSignIn::sha256);
    }

    /**
     * Opens a session when the token is the admin token; empty otherwise (also when no admin token is
     * configured). Compared as SHA-256 digests, so the time taken says nothing about the token, not
     * even its length.
     */
    @Transactional
    public Optional<NewOperatorSession> signIn(String token, String name) {
        if (token == null || adminTokenHash.isEmpty() || !MessageDigest.isEqual(adminTokenHash.get(), sha256(token.strip()))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OperatorSession.open(Digests.sha256Hex(sessionId), cleanName(name), currentTokenDigest(), now, MAX_AGE).persist();
        return Optional.of(new NewOperatorSession(OperatorCookie.write(keys, new OperatorCookie.Claims(now, now.plus(MAX_AGE), sessionId)),
                MAX_AGE));
    }

    /** Whether a name fits the audit trail: at most {@value #MAX_NAME} characters without control characters. */
    public static boolean isName(String name) {
        return name == null || name.strip().length() <= MAX_NAME && name.codePoints().noneMatch(Character::isISOControl);
    }

    private static String cleanName(String name) {
        return name == null || name.isBlank() ? UNNAMED : name.strip();
    }

    /** Who a cookie signs in, when its signature holds and its session is live and was opened with today's admin token. */
    @Transactional
    public Optional<Operator> signedIn(String cookie) {
        Optional<OperatorCookie.Claims> claims = OperatorCookie.read(keys, cookie);
        Instant now = clock.instant();
        if (claims.isEmpty() || !now.isBefore(claims.get().expiresAt())) {
            return Optional.empty();
        }
        String sessionId = claims.get().sessionId();
        String idHash = Digests.sha256Hex(sessionId);
        Optional<OperatorSession> session = OperatorSession.byIdHash(idHash).filter(found -> found.live(now, IDLE));
        if (session.isEmpty()) {
            return Optional.empty();
        }
        // The admin token may have been replaced because it leaked: whoever signed in with the old one is out.
        if (adminToken.isEmpty() || !MessageDigest.isEqual(session.get().tokenDigest().getBytes(StandardCharsets.US_ASCII),
                currentTokenDigest().getBytes(StandardCharsets.US_ASCII))) {
            session.get().end(now);
            return Optional.empty();
        }
        session.get().seen(now);
        return Optional.of(new Operator(idHash, session.get().operator(), keys.urlSafe(ServiceKeys.Purpose.OPERATOR_FORM, sessionId)));
    }

    /** Whether a posted form token is this session's, in time independent of where they differ. */
    public static boolean formTokenMatches(Operator operator, String posted) {
        return posted != null && MessageDigest.isEqual(operator.formToken().getBytes(StandardCharsets.US_ASCII),
                posted.getBytes(StandardCharsets.US_ASCII));
    }

    @Transactional
    public void signOut(Operator operator) {
        OperatorSession.byIdHash(operator.idHash()).ifPresent(found -> found.end(clock.instant()));
    }

    /** The admin token as sessions remember it: keyed, so that a copy of the database does not help guess it. */
    private String currentTokenDigest() {
        return adminToken.map(token -> keys.hex(ServiceKeys.Purpose.OPERATOR_SESSION, "admin-token:" + token)).orElse("");
    }

    private static byte[] sha256(String value) {
        return Digests.sha256(value.getBytes(StandardCharsets.UTF_8));
    }
}
