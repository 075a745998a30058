package io.shopscore.score;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.shopscore.problem.ProblemException;
import io.shopscore.web.Representation;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * The fast lane of the two score endpoints, which every page view with a badge calls: the widget's
 * {@code GET /api/v1/scores?shops=...} and {@code GET /api/v1/shops/{slug}/score}. Scores this
 * instance holds in memory ({@link ScoreCache}) are answered by an HTTP filter on the I/O thread,
 * without the REST layer's parameter binding, content negotiation and response building, which
 * were most of the cost of such an answer. The answer is the one {@link ScoreResource} and
 * {@link ScoreBatchResource} give, byte for byte and header for header (ScoreResourceTest compares
 * them). Everything else goes on to those resources, which stay the endpoints' definition: a score
 * not in memory yet, an unknown shop, a bad {@code shops} parameter, a request that does not accept
 * JSON.
 *
 * <p>It is a filter ordered ahead of Quarkus's authentication ({@link #PRIORITY}), not a route:
 * these endpoints are public and need no identity, and every request that gets past
 * authentication pays for the REST layer's metrics hook, which builds a fresh request mapper of
 * every resource class per request to find the path template (in a profile, a fifth of the CPU of
 * a cached answer and most of its garbage). The filters that must see these requests too run
 * before it: strict transport (StrictTransport), CORS (PublicCors) and the rate limits
 * (RateLimitFilter). The path template that metrics would have found is set here instead, so
 * that the request metrics keep one series per endpoint, not one per shop.
 */
@ApplicationScoped
public class CachedScoreRoute {

    /** After the rate limits (220), before Quarkus's authentication (200). */
    static final int PRIORITY = 210;
    private static final String SHOPS = "shops=";
    private static final String SINGLE_PREFIX = "/api/v1/shops/";
    private static final String SINGLE_SUFFIX = "/score";
    private static final String SINGLE_TEMPLATE = "/api/v1/shops/{slug}/score";
    private static final String BATCH_PATH = "/api/v1/scores";
    /** The Vert.x request-context key under which Quarkus's HTTP metrics look for the path template. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** 100 slugs of at most 64 characters and their commas, percent-encoded: anything longer is a 400 anyway. */
    private static final int LONGEST_PLAIN_QUERY = SHOPS.length() + ScoreBatchResource.MAX_BATCH * (64 + 3);

    private final ScoreCache scores;

    public CachedScoreRoute(ScoreCache scores) {
        this.scores = scores;
    }

    void register(@Observes Filters filters) {
        filters.register(this::route, PRIORITY);
    }

    private void route(RoutingContext context) {
        if (context.request().method() != HttpMethod.GET) {
            context.next();
            return;
        }
        String path = context.normalizedPath();
        if (BATCH_PATH.equals(path)) {
            answerBatchFromMemory(context);
        } else {
            String slug = singleSlug(path);
            if (slug == null) {
                context.next();
            } else {
                answer(context, acceptsJson(context) ? scores.ifCached(slug) : null, SINGLE_TEMPLATE);
            }
        }
    }

    /** The slug of {@code /api/v1/shops/{slug}/score}, or null for any other path. */
    static String singleSlug(String path) {
        if (path.length() <= SINGLE_PREFIX.length() + SINGLE_SUFFIX.length() || !path.startsWith(SINGLE_PREFIX)
                || !path.endsWith(SINGLE_SUFFIX)) {
            return null;
        }
        String slug = path.substring(SINGLE_PREFIX.length(), path.length() - SINGLE_SUFFIX.length());
        return slug.indexOf('/') < 0 ? slug : null;
    }

    private void answerBatchFromMemory(RoutingContext context) {
        String shops = plainShops(context.request().query());
        if (shops == null || !acceptsJson(context)) {
            context.next();
            return;
        }
        List<String> slugs;
        try {
            slugs = ScoreBatchResource.parseSlugs(shops);
        } catch (ProblemException badParameter) {
            context.next(); // the REST layer answers it, as the one place that words problems
            return;
        }
        answer(context, scores.batchIfCached(slugs), BATCH_PATH);
    }

    /**
     * The value of a plain {@code shops=} query, the only form this route reads: slug characters and
     * commas, plain or percent-encoded. Null for any other query (more parameters, other encodings,
     * too long), which is left to the REST layer, so that the two can never decode one query
     * differently. A loop rather than a regular expression: a backtracking one recursed per character
     * and overflowed the I/O thread's stack on a long query.
     */
    static String plainShops(String query) {
        if (query == null || !query.startsWith(SHOPS) || query.length() > LONGEST_PLAIN_QUERY) {
            return null;
        }
        StringBuilder shops = new StringBuilder(query.length() - SHOPS.length());
        for (int i = SHOPS.length(); i < query.length(); i++) {
            char c = query.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == ',') {
                shops.append(c);
            } else if (c == '%' && query.regionMatches(true, i, "%2C", 0, 3)) {
                shops.append(',');
                i += 2;
            } else {
                return null;
            }
        }
        return shops.toString();
    }

    /** Answers as {@link Representation#respond} does, or passes the request on when there is nothing in memory. */
    private static void answer(RoutingContext context, Representation document, String template) {
        if (document == null) {
            context.next();
            return;
        }
        ((HttpServerRequestInternal) context.request()).context().putLocal(URL_PATH_TEMPLATE, template);
        var response = context.response()
                .putHeader(HttpHeaders.ETAG, document.etag())
                .putHeader(HttpHeaders.CACHE_CONTROL, ScoreResource.CACHE_CONTROL);
        if (document.isMatchedBy(context.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON)
                    // wrapped, not copied: the document's bytes never change once it is made
                    .end(Buffer.buffer(Unpooled.wrappedBuffer(document.body())));
        }
    }

    /** Whether JSON is acceptable; anything unusual is left to the REST layer's negotiation. */
    private static boolean acceptsJson(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.isEmpty() || accept.contains("application/json") || accept.contains("*/*");
    }
}
