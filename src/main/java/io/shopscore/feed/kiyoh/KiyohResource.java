package io.shopscore.feed.kiyoh;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.shopscore.config.ShopscoreConfig;
import io.shopscore.problem.ProblemException;
import io.shopscore.web.Representation;

/**
 * KiYoh's publication API at KiYoh's own paths, so that existing integrations only change their
 * host. There is no {@code @Produces}: KiYoh answers JSON whatever {@code Accept} says (its clients
 * send none, or {@code text/html} from a browser), so these never answer 406. The
 * {@code X-Publication-Api-Token} header is not read at all: public data needs no credential, and
 * a header that is never read is never logged.
 */
@Path("/v1")
@Tag(name = "Feeds")
public class KiyohResource {

    static final String CACHE_CONTROL = "public, max-age=60";
    private static final String XML = "application/xml; charset=UTF-8";

    private final KiyohService kiyoh;
    private final ObjectMapper json;
    private final int maxLimit;

    public KiyohResource(KiyohService kiyoh, ObjectMapper json, ShopscoreConfig config) {
        this.kiyoh = kiyoh;
        this.json = json;
        this.maxLimit = config.feeds().kiyohMaxLimit();
    }

    @GET
    @Path("publication/review/external")
    @Operation(operationId = "getKiyohLocationReviews", summary = "KiYoh-compatible: a location's figures and newest reviews",
            description = "KiYoh's publication API: the shop (locationId = its slug) with its score and its newest published reviews. "
                    + "JSON whatever Accept says; X-Publication-Api-Token and unknown parameters (tenantId) are ignored. "
                    + "Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The location and its reviews",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KiyohLocation.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A limit that is no whole number of at least 1, or an unreadable date")
    @APIResponse(responseCode = "404", description = "No such location; the problem also has KiYoh's httpCode, errorCode and detailedError")
    public Response reviews(
            @Parameter(description = "The shop's slug") @RestQuery String locationId,
            @Parameter(description = "How many reviews, newest first: default 10, at most 1000 (more is lowered)") @RestQuery String limit,
            @Parameter(description = "Only reviews written since: yyyy-MM-ddTHH:mm:ss.SSSZ, any ISO 8601 date-time or a date") @RestQuery String dateSince,
            @Parameter(description = "Only reviews changed or answered since, same formats") @RestQuery String updatedSince,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        KiyohLocation location = kiyoh.location(required("locationId", locationId),
                KiyohQuery.of(limit, dateSince, updatedSince, maxLimit), "locationId");
        return json(location, ifNoneMatch);
    }

    @GET
    @Path("publication/review/external/location/statistics")
    @Operation(operationId = "getKiyohLocationStatistics", summary = "KiYoh-compatible: a location's figures",
            description = "KiYoh's statistics endpoint: the shop's score without reviews. JSON whatever Accept says. "
                    + "Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The location's figures",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KiyohStatistics.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such location; the problem also has KiYoh's httpCode, errorCode and detailedError")
    public Response statistics(@Parameter(description = "The shop's slug") @RestQuery String locationId,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        KiyohLocation location = kiyoh.location(required("locationId", locationId), KiyohQuery.FIGURES_ONLY, "locationId");
        return json(KiyohStatistics.of(location), ifNoneMatch);
    }

    @GET
    @Path("review/feed.json")
    @Operation(operationId = "getKiyohFeedJson", summary = "KiYoh-compatible feed.json",
            description = "KiYoh's feed.json (hash = the shop's slug): the same body as the publication API. "
                    + "Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The location and its reviews",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KiyohLocation.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A limit that is no whole number of at least 1, or an unreadable date")
    @APIResponse(responseCode = "404", description = "No such location; the problem also has KiYoh's httpCode, errorCode and detailedError")
    public Response feedJson(@Parameter(description = "The shop's slug") @RestQuery String hash,
            @Parameter(description = "How many reviews, newest first: default 10, at most 1000") @RestQuery String limit,
            @RestQuery String dateSince, @RestQuery String updatedSince,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        KiyohLocation location = kiyoh.location(required("hash", hash), KiyohQuery.of(limit, dateSince, updatedSince, maxLimit), "hash");
        return json(location, ifNoneMatch);
    }

    @GET
    @Path("review/feed.xml")
    @Operation(operationId = "getKiyohFeedXml", summary = "KiYoh-compatible feed.xml",
            description = "KiYoh's feed.xml (hash = the shop's slug): root <ReviewFeedDto>, each list nested twice as KiYoh's are. "
                    + "Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The location and its reviews as XML",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = "application/xml", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A limit that is no whole number of at least 1, or an unreadable date")
    @APIResponse(responseCode = "404", description = "No such location; the problem also has KiYoh's httpCode, errorCode and detailedError")
    public Response feedXml(@Parameter(description = "The shop's slug") @RestQuery String hash,
            @Parameter(description = "How many reviews, newest first: default 10, at most 1000") @RestQuery String limit,
            @RestQuery String dateSince, @RestQuery String updatedSince,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        KiyohLocation location = kiyoh.location(required("hash", hash), KiyohQuery.of(limit, dateSince, updatedSince, maxLimit), "hash");
        return Representation.of(KiyohXml.of(location), XML).respond(ifNoneMatch, CACHE_CONTROL);
    }

    private Response json(Object body, String ifNoneMatch) {
        try {
            return Representation.of(json.writeValueAsBytes(body), MediaType.APPLICATION_JSON).respond(ifNoneMatch, CACHE_CONTROL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A KiYoh answer is always serialisable", e);
        }
    }

    private static String required(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(parameter, "is required: the shop's slug");
        }
        return value.strip();
    }
}
