package io.shopscore.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.persistence.ReadRetry;
import io.shopscore.problem.DatabaseUnavailable;
import io.shopscore.problem.ProblemException;
import io.shopscore.problem.ProblemWriter;
import io.shopscore.web.ClientAddress;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Counts every request against the limit of its kind, in front of everything else (the cached
 * score route and the REST layer included), and answers 429 with {@code Retry-After} past it:
 * <ul>
 * <li>what a token or no credential opens (review pages and API, edit links, unsubscribe pages,
 * notices, insight links, the dashboard's and the operator console's sign-in): per client address, low, so that guessing tokens hits a wall;</li>
 * <li>requests with a bearer credential (the shop API): per credential, keyed by its SHA-256
 * digest, never by the credential itself; the operator's own token is not limited;</li>
 * <li>public reads (scores, review lists, shop pages, the widget, feeds): per client address,
 * generous, in each instance's memory (a database round trip per badge would cost more than the
 * answer).</li>
 * </ul>
 * Anything else (health, metrics, OpenAPI, static assets) is not limited here.
 */
@ApplicationScoped
public class RateLimitFilter {

    /**
     * After the CORS filter (230), so that a browser can read a 429 of a public read; before the
     * cached score route (210) and Quarkus's authentication (200), so that whatever comes after
     * (looking a key up included) is paid only for requests within their limit.
     */
    private static final int PRIORITY = 220;

    private static final Pattern TOKEN_OPENED = Pattern.compile(
            "/review/.+|/insights/.+|/api/v1/invitations/[^/]+/.*|/api/v1/review-edits/.*|/api/v1/reviews/[^/]+/notices"
            // the dashboard's sign-in forms and mailed links: guessing a key, a link or an address hits the same wall;
            // so does guessing the admin token on the operator console's sign-in form
            + "|/dashboard/sign-in(/.*)?|/operator/sign-in(/.*)?");
    private static final Pattern PUBLIC_READ = Pattern.compile(
            "/api/v1/scores(/.*)?|/api/v1/shops/[^/]+/(score|reviews|transparency|product-scores|products/.*)|/shops/.*|/widget/.*|/feeds/.*|/v1/.*");
    /** Shop platforms' order webhooks carry a signature, not a bearer: counted per shop, as a key would be. */
    private static final Pattern CONNECTOR = Pattern.compile("/api/v1/shops/[^/]+/connectors/.*");
    private static final Pattern API = Pattern.compile("/api/.*");

    private final Buckets buckets;
    private final ReadRetry readRetry;
    private final ProblemWriter problems;
    private final boolean enabled;
    private final Limit tokenOpened;
    private final Limit credential;
    private final Limit publicRead;
    private final Optional<String> operator;

    public RateLimitFilter(Buckets buckets, ReadRetry readRetry, ProblemWriter problems, ShopscoreConfig config) {
        this.buckets = buckets;
        this.readRetry = readRetry;
        this.problems = problems;
        this.operator = config.adminToken().filter(token -> !token.isBlank()).map(token -> digest("Bearer " + token));
        ShopscoreConfig.Limits limits = config.limits();
        this.enabled = limits.enabled();
        this.tokenOpened = new Limit("address", limits.tokenPerMinute(), Duration.ofMinutes(1), true);
        this.credential = new Limit("credential", limits.apiKeyPerMinute(), Duration.ofMinutes(1), true);
        this.publicRead = new Limit("public", limits.publicPerMinute(), Duration.ofMinutes(1), false);
    }

    void register(@Observes Filters filters) {
        if (enabled) {
            filters.register(this::handle, PRIORITY);
        }
    }

    private void handle(RoutingContext context) {
        String path = context.normalizedPath();
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        Limit limit;
        String client;
        if (TOKEN_OPENED.matcher(path).matches()) {
            limit = tokenOpened;
            client = ClientKey.of(ClientAddress.of(context.request()));
        } else if (authorization != null && API.matcher(path).matches()) {
            limit = credential;
            client = digest(authorization);
            if (isOperator(client)) {
                context.next();
                return;
            }
        } else if (CONNECTOR.matcher(path).matches()) {
            limit = credential;
            client = digest(path);
        } else if (PUBLIC_READ.matcher(path).matches() && isRead(context.request().method())) {
            limit = publicRead;
            client = ClientKey.of(ClientAddress.of(context.request()));
        } else if (API.matcher(path).matches()) {
            // No credential where one is needed: it opens nothing, but it is guessing or probing.
            limit = tokenOpened;
            client = ClientKey.of(ClientAddress.of(context.request()));
        } else {
            context.next();
            return;
        }
        if (!buckets.blocking(limit)) {
            decide(context, limit, buckets.take(limit, client));
            return;
        }
        // The shared count is in the database: ask it off the I/O thread, holding the body meanwhile.
        context.request().pause();
        // A count lost with its connection may be counted once more: harmless for a limit, unlike a failed request.
        context.vertx().<ConsumptionProbe>executeBlocking(() -> readRetry.once(() -> buckets.take(limit, client)), false)
                .onComplete(result -> {
                    if (result.succeeded()) {
                        decide(context, limit, result.result());
                    } else if (DatabaseUnavailable.isCause(result.cause())) {
                        // the shared count could not be read: the request would need the database next anyway
                        problems.send(context, DatabaseUnavailable.problem());
                    } else {
                        context.fail(result.cause());
                    }
                });
    }

    private void decide(RoutingContext context, Limit limit, ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            context.next();
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        problems.send(context, ProblemException.tooManyRequests(detail(limit, seconds), seconds));
    }

    private static String detail(Limit limit, long seconds) {
        String who = limit.name().equals("credential") ? "with this key" : "from your address";
        return "Too many requests " + who + " (at most " + limit.capacity() + " a minute). Try again in "
                + seconds + (seconds == 1 ? " second." : " seconds.");
    }

    /** Compares digests, so that the time taken says nothing about the operator's token. */
    private boolean isOperator(String credentialDigest) {
        return operator.map(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                credentialDigest.getBytes(StandardCharsets.US_ASCII))).orElse(false);
    }

    private static boolean isRead(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
    }

    private static String digest(String credential) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
