package io.shopscore.score;

import java.util.Arrays;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.shopscore.problem.ProblemException;
import io.shopscore.shop.Slugs;
import io.smallrye.mutiny.Uni;

/**
 * Many shops' scores in one request: what the widget asks for (one request for every badge on a page)
 * and what partners that list shops use (marketplaces, comparison sites). Scores in memory are
 * answered before this resource by {@link CachedScoreRoute}, with the same body and headers; this
 * resource answers the rest: bad {@code shops} parameters (400), shops not in memory yet (loaded
 * together), requests that do not accept JSON.
 */
@Path("/api/v1/scores")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreBatchResource {

    static final int MAX_BATCH = 100;

    private final ScoreCache scores;

    public ScoreBatchResource(ScoreCache scores) {
        this.scores = scores;
    }

    @GET
    @Operation(operationId = "getShopScores", summary = "Scores of many shops at once",
            description = "For partners that show many shops: up to 100 comma-separated slugs; unknown shops are left out.")
    @APIResponse(responseCode = "200", description = "The known shops' scores, in the order asked",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreList.class)))
    @APIResponse(responseCode = "400", description = "No slugs, a malformed slug, or more than 100")
    public Uni<Response> scores(
            @Parameter(description = "Comma-separated slugs", example = "demo,other-shop") @RestQuery String shops,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        List<String> slugs = parseSlugs(shops);
        return scores.getAll(slugs).map(batch -> batch.respond(ifNoneMatch, ScoreResource.CACHE_CONTROL));
    }

    /** The shape of the batch answer, for the OpenAPI document. */
    @Schema(name = "ScoreList")
    record ScoreList(List<ScoreView> scores) {
    }

    /** The distinct slugs of the {@code shops} parameter, in the order asked; a 400 problem naming {@code shops} otherwise. */
    static List<String> parseSlugs(String shops) {
        if (shops == null || shops.isBlank()) {
            throw ProblemException.invalid("shops", "must list at least one slug");
        }
        List<String> slugs = Arrays.stream(shops.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (slugs.isEmpty()) {
            throw ProblemException.invalid("shops", "must list at least one slug");
        }
        if (slugs.size() > MAX_BATCH) {
            throw ProblemException.invalid("shops", "must list at most " + MAX_BATCH + " slugs");
        }
        for (String slug : slugs) {
            if (!Slugs.isValid(slug)) {
                throw ProblemException.invalid("shops", "contains a malformed slug");
            }
        }
        return slugs;
    }
}
