package io.shopscore.feed.google;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.shopscore.problem.ProblemException;
import io.shopscore.shop.Slugs;

/** Google's product reviews feed of a shop, for Google Merchant Center to fetch. */
@Path("/feeds/google/product-reviews/{slug}.xml")
@Tag(name = "Feeds")
public class ProductReviewsResource {

    private final ProductReviewsService feeds;

    public ProductReviewsResource(ProductReviewsService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Operation(operationId = "getGoogleProductReviewsFeed", summary = "Google product reviews feed (schema 2.4)",
            description = "Every published product grade with words of the shop's customers (imported reviews are left out), "
                    + "one review per graded product with its GTIN, MPN, SKU and brand as the shop gave them, as Google's "
                    + "product reviews feed, schema version 2.4, oldest first. Streamed as it is read, however many reviews the "
                    + "shop has. Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The feed",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = "application/xml",
                    schema = @Schema(type = SchemaType.STRING, description = "XML valid against Google's product_reviews.xsd 2.4")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Response feed(@RestPath String slug, @RestHeader("If-None-Match") String ifNoneMatch) {
        if (!Slugs.isValid(slug)) {
            throw noShop(slug);
        }
        ProductReviewsService.VersionedFeed feed = feeds.feed(slug).orElseThrow(() -> noShop(slug));
        Response.ResponseBuilder response = MerchantReviewsResource.matches(ifNoneMatch, feed.etag())
                ? Response.notModified()
                : Response.ok(feed.feed(), MerchantReviewsResource.MEDIA_TYPE);
        return response.header(HttpHeaders.ETAG, feed.etag())
                .header(HttpHeaders.CACHE_CONTROL, MerchantReviewsResource.CACHE_CONTROL).build();
    }

    private static ProblemException noShop(String slug) {
        return ProblemException.notFound("There is no shop '" + slug + "'.");
    }
}
