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

/** Google's merchant reviews feed of a shop, for Google Merchant Center to fetch. */
@Path("/feeds/google/merchant-reviews/{slug}.xml")
@Tag(name = "Feeds", description = "Review feeds for other services: Google Merchant Center and KiYoh integrations. Public, cacheable")
public class MerchantReviewsResource {

    static final String MEDIA_TYPE = "application/xml; charset=UTF-8";
    /** Google fetches a feed at most daily; an hour keeps a proxy from rereading a large feed for every request. */
    static final String CACHE_CONTROL = "public, max-age=3600";

    private final MerchantReviewsService feeds;

    public MerchantReviewsResource(MerchantReviewsService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Operation(operationId = "getGoogleMerchantReviewsFeed", summary = "Google merchant reviews feed (schema 5.0)",
            description = "Every published review of the shop collected through an invitation (imported reviews are left out) "
                    + "as Google's merchant reviews feed, schema version 5.0, oldest first. Streamed as it is read, however "
                    + "many reviews the shop has. Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The feed",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = "application/xml",
                    schema = @Schema(type = SchemaType.STRING, description = "XML valid against Google's merchant_reviews.xsd 5.0")))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Response feed(@RestPath String slug, @RestHeader("If-None-Match") String ifNoneMatch) {
        if (!Slugs.isValid(slug)) {
            throw noShop(slug);
        }
        MerchantReviewsService.VersionedFeed feed = feeds.feed(slug).orElseThrow(() -> noShop(slug));
        Response.ResponseBuilder response = matches(ifNoneMatch, feed.etag())
                ? Response.notModified()
                : Response.ok(feed.feed(), MEDIA_TYPE);
        return response.header(HttpHeaders.ETAG, feed.etag()).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }

    private static ProblemException noShop(String slug) {
        return ProblemException.notFound("There is no shop '" + slug + "'.");
    }

    /** Weak comparison, as RFC 9110 prescribes for If-None-Match; both Google feeds answer 304 by it. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals(opaque)) {
                return true;
            }
        }
        return false;
    }
}
