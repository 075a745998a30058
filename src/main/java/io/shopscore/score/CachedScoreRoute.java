package io.shopscore.score;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.shopscore.problem.ProblemException;
import io.shopscore.web.Representation;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The fast lane of the two score endpoints, which every page view with a badge calls: the widget's
 * {@code GET /api/v1/scores?shops=...} and {@code GET /api/v1/shops/{slug}/score}. Scores this
 * instance holds in memory ({@link ScoreCache}) are answered by the HTTP router itself, on the I/O
 * thread, without the REST layer's parameter binding, content negotiation and response building,
 * which were most of the cost of such an answer. Filters registered with Quarkus (CORS, rate
 * limits) run before this route as before any other. The answer is the one {@link ScoreResource}
 * and {@link ScoreBatchResource} give, byte for byte and header for header (ScoreResourceTest
 * compares them). Everything else goes on to those resources, which stay the endpoints'
 * definition: a score not in memory yet, an unknown shop, a bad {@code shops} parameter, a request
 * that does not accept JSON.
 */
@ApplicationScoped
public class CachedScoreRoute {

    private static final String SHOPS = "shops=";
    /** 100 slugs of at most 64 characters and their commas, percent-encoded: anything longer is a 400 anyway. */
    private static final int LONGEST_PLAIN_QUERY = SHOPS.length() + ScoreBatchResource.MAX_BATCH * (64 + 3);

    private final ScoreCache scores;

    public CachedScoreRoute(ScoreCache scores) {
        this.scores = scores;
    }

    void register(@Observes Router router) {
        // Routes added here run before the REST layer's, which Quarkus orders after all others.
        router.get("/api/v1/shops/:slug/score").handler(this::answerScoreFromMemory);
        router.get("/api/v1/scores").handler(this::answerBatchFromMemory);
    }

    private void answerScoreFromMemory(RoutingContext context) {
        answer(context, acceptsJson(context) ? scores.ifCached(context.pathParam("slug")) : null);
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
        answer(context, scores.batchIfCached(slugs));
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
    private static void answer(RoutingContext context, Representation document) {
        if (document == null) {
            context.next();
            return;
        }
        var response = context.response()
                .putHeader(HttpHeaders.ETAG, document.etag())
                .putHeader(HttpHeaders.CACHE_CONTROL, ScoreResource.CACHE_CONTROL);
        if (document.isMatchedBy(context.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON).end(Buffer.buffer(document.body()));
        }
    }

    /** Whether JSON is acceptable; anything unusual is left to the REST layer's negotiation. */
    private static boolean acceptsJson(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.isEmpty() || accept.contains("application/json") || accept.contains("*/*");
    }
}
