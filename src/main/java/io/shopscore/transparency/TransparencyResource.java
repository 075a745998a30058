package io.shopscore.transparency;

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

import io.shopscore.i18n.Locales;
import io.shopscore.problem.ProblemException;
import io.shopscore.shop.Slugs;

/** How a shop's reviews are collected and moderated, for anyone: the EU Omnibus directive's and the DSA's transparency. */
@Path("/api/v1/shops/{slug}/transparency")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
public class TransparencyResource {

    /** As the score: browsers and CDNs may keep it for a minute and serve a stale one while they revalidate. */
    static final String CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";
    /** The sentences' language when none (or an unknown one) is asked for. */
    static final String DEFAULT_LANGUAGE = "en";

    private final TransparencyCache transparency;
    private final Locales locales;

    public TransparencyResource(TransparencyCache transparency, Locales locales) {
        this.transparency = transparency;
        this.locales = locales;
    }

    @GET
    @Operation(operationId = "getShopTransparency", summary = "How a shop's reviews are collected and moderated",
            description = "Who can write and change reviews, how the score is computed, where the published reviews came from, what "
                    + "moderation removed in the last 12 months and why, how the shop's reports ended, and how the shop answers "
                    + "negative reviews. Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "The shop's transparency figures",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Transparency.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Response transparency(@RestPath String slug,
            @Parameter(description = "Language of the sentences in collection: nl, en, de or fr; default en") @RestQuery String lang,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        if (!Slugs.isValid(slug)) {
            throw ProblemException.notFound("There is no shop '" + slug + "'.");
        }
        String language = locales.match(lang).orElse(DEFAULT_LANGUAGE);
        return transparency.document(slug, language).respond(ifNoneMatch, CACHE_CONTROL);
    }
}
