package io.shopscore.score;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.shopscore.web.Representation;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The fast lane of the score endpoint, which every page view with a badge calls: a score this
 * instance holds in memory is answered by the HTTP router itself, on the I/O thread, without the
 * REST layer's parameter binding, content negotiation and response building, which were most of
 * the cost of such an answer. The answer is the one {@link ScoreResource} gives, byte for byte and
 * header for header (ScoreResourceTest compares them). Everything else goes on to
 * {@link ScoreResource}, which stays the endpoint's definition: a score not in memory yet, an
 * unknown shop, a request that does not accept JSON.
 */
@ApplicationScoped
public class CachedScoreRoute {

    private final ScoreCache scores;

    public CachedScoreRoute(ScoreCache scores) {
        this.scores = scores;
    }

    void register(@Observes Router router) {
        // Routes added here run before the REST layer's, which Quarkus orders after all others.
        router.get("/api/v1/shops/:slug/score").handler(this::answerFromMemory);
    }

    private void answerFromMemory(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        Representation score = acceptsJson(accept) ? scores.ifCached(context.pathParam("slug")) : null;
        if (score == null) {
            context.next();
            return;
        }
        var response = context.response()
                .putHeader(HttpHeaders.ETAG, score.etag())
                .putHeader(HttpHeaders.CACHE_CONTROL, ScoreResource.CACHE_CONTROL);
        if (score.isMatchedBy(context.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON).end(Buffer.buffer(score.body()));
        }
    }

    /** Whether JSON is acceptable; anything unusual is left to the REST layer's negotiation. */
    private static boolean acceptsJson(String accept) {
        return accept == null || accept.isEmpty() || accept.contains("application/json") || accept.contains("*/*");
    }
}
