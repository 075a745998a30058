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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopscore.problem.ProblemException;
import io.shopscore.product.Skus;
import io.shopscore.shop.Slugs;

/** Many of one shop's product scores in one request: what the widget asks for every product badge of a page. */
@Path("/api/v1/shops/{slug}/product-scores")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
public class ProductScoreBatchResource {

    static final int MAX_BATCH = 100;

    private final ProductScoreService scores;
    private final ObjectMapper json;

    public ProductScoreBatchResource(ProductScoreService scores, ObjectMapper json) {
        this.scores = scores;
        this.json = json;
    }

    @GET
    @Operation(operationId = "getProductScores", summary = "Scores of many of a shop's products at once",
            description = "Up to 100 comma-separated SKUs; products without a published review are left out. What the widget asks "
                    + "for every product badge of a page. Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The scores of the products that have one, in the order asked",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductScoreList.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "No SKUs, a malformed SKU, or more than 100")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Response scores(@RestPath String slug,
            @Parameter(description = "Comma-separated SKUs, at most 100", example = "TSHIRT-RED-M,MUG-01") @RestQuery String skus,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        List<String> asked = parseSkus(skus);
        if (!Slugs.isValid(slug)) {
            throw ProblemException.notFound("There is no shop '" + slug + "'.");
        }
        return ProductScoreResource.representation(json, new ProductScoreList(scores.findAll(slug, asked))).respond(ifNoneMatch, ScoreResource.CACHE_CONTROL);
    }

    /** The shape of the batch answer. */
    @Schema(name = "ProductScoreList")
    public record ProductScoreList(List<ProductScoreView> scores) {
    }

    /** The distinct SKUs of the {@code skus} parameter, in the order asked; a 400 problem naming {@code skus} otherwise. */
    static List<String> parseSkus(String skus) {
        if (skus == null || skus.isBlank()) {
            throw ProblemException.invalid("skus", "must list at least one sku");
        }
        List<String> list = Arrays.stream(skus.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (list.isEmpty()) {
            throw ProblemException.invalid("skus", "must list at least one sku");
        }
        if (list.size() > MAX_BATCH) {
            throw ProblemException.invalid("skus", "must list at most " + MAX_BATCH + " skus");
        }
        if (!list.stream().allMatch(Skus::isValid)) {
            throw ProblemException.invalid("skus", "contains a malformed sku");
        }
        return list;
    }

}
