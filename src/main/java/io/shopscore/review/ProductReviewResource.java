package io.shopscore.review;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.shopscore.paging.PageRequest;
import io.shopscore.web.Representation;

/** The published grades of one product, as the shop's review list is for the shop. */
@Path("/api/v1/shops/{slug}/products/{sku}/reviews")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
public class ProductReviewResource {

    private final ReviewService reviews;
    private final ObjectMapper json;

    public ProductReviewResource(ReviewService reviews, ObjectMapper json) {
        this.reviews = reviews;
        this.json = json;
    }

    @GET
    @Operation(operationId = "listProductReviews", summary = "A product's published reviews, newest first",
            description = "A page of the customers' published grades of one of the shop's products, newest first, each with the name "
                    + "its author chose. Never an email address, order reference or token. Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "A page of product reviews",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductReviewPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    @APIResponse(responseCode = "404", description = "No such shop or product")
    public Response list(@RestPath String slug, @RestPath String sku,
            @Parameter(description = "Zero-based page number, default 0") @RestQuery String page,
            @Parameter(description = "Page size, 1-100, default 20") @RestQuery String size,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        PageRequest request = PageRequest.of(page, size);
        try {
            return Representation.of(json.writeValueAsBytes(reviews.publishedOfProduct(slug, sku, request)), MediaType.APPLICATION_JSON)
                    .respond(ifNoneMatch, ShopReviewResource.CACHE_CONTROL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A page of reviews always serialises", e);
        }
    }

    /** The shape of a page of product reviews, for the OpenAPI document. */
    @Schema(name = "ProductReviewPage")
    record ProductReviewPage(List<ProductReviewView> items, int page, int size, long total) {
    }
}
