package io.shopscore.score;


import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.shopscore.problem.ProblemException;
import io.shopscore.shop.Slugs;
import io.smallrye.mutiny.Uni;

/**
 * A shop's public score. Scores in memory are answered before this resource by
 * {@link CachedScoreRoute}, with the same body and headers; what reaches it is answered from
 * {@link ScoreCache} on the I/O thread (the method returns {@link Uni}) and goes to a worker thread
 * only to load a score that is not in memory.
 */
@Path("/api/v1/shops/{slug}/score")
@Tag(name = "Public", description = "Scores and reviews for anyone: no credentials, CORS open, cacheable")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    /** Browsers and CDNs may keep a score for a minute and serve a stale one while they revalidate. */
    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

    private final ScoreCache scores;

    public ScoreResource(ScoreCache scores) {
        this.scores = scores;
    }

    @GET
    @Operation(operationId = "getShopScore", summary = "A shop's score", description = "Maintained as reviews arrive; answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The score",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Uni<Response> score(@RestPath String slug, @RestHeader("If-None-Match") String ifNoneMatch) {
        if (!Slugs.isValid(slug)) {
            return Uni.createFrom().failure(noShop(slug));
        }
        return scores.get(slug).map(score -> score
                .orElseThrow(() -> noShop(slug))
                .respond(ifNoneMatch, CACHE_CONTROL));
    }

    private static ProblemException noShop(String slug) {
        return ProblemException.notFound("There is no shop '" + slug + "'.");
    }
}
