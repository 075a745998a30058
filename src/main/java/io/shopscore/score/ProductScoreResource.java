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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopscore.problem.ProblemException;
import io.shopscore.product.Skus;
import io.shopscore.shop.Slugs;
import io.shopscore.web.Representation;

/** A product's public score, cacheable like a shop's ({@link ProductScoreBatchResource} answers many at once). */
@Path("/api/v1/shops/{slug}/products/{sku}/score")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
public class ProductScoreResource {

    private final ProductScoreService scores;
    private final ObjectMapper json;

    public ProductScoreResource(ProductScoreService scores, ObjectMapper json) {
        this.scores = scores;
        this.json = json;
    }

    @GET
    @Operation(operationId = "getProductScore", summary = "A product's score",
            description = "The api-v1 score object of one of the shop's products, with sku and name instead of slug; kept as reviews "
                    + "arrive. 404 for an unknown shop and for a product without a published review. Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The score",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductScoreView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such shop, or no published review of this product")
    public Response score(@RestPath String slug, @RestPath String sku, @RestHeader("If-None-Match") String ifNoneMatch) {
        if (!Slugs.isValid(slug) || !Skus.isValid(sku)) {
            throw noScore(slug, sku);
        }
        ProductScoreView score = scores.find(slug, sku).orElseThrow(() -> noScore(slug, sku));
        return representation(json, score).respond(ifNoneMatch, ScoreResource.CACHE_CONTROL);
    }

    /** A body serialised once, with the ETag of its bytes. */
    static Representation representation(ObjectMapper json, Object body) {
        try {
            return Representation.of(json.writeValueAsBytes(body), MediaType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A score always serialises", e);
        }
    }

    private static ProblemException noScore(String slug, String sku) {
        return ProblemException.notFound("Shop '" + slug + "' has no published review of product '" + sku + "'.");
    }
}
