package io.shopscore.score;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

/** The change feed: how partners keep many shops' scores in sync without asking for all of them again. */
@Path("/api/v1/scores/changes")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreChangeResource {

    /**
     * A page for a given cursor only ever grows stale, never wrong: a later change of one of its
     * shops is placed after its {@code next}. So caches may keep it briefly, and pollers sharing a cursor share the answer.
     */
    static final String CACHE_CONTROL = "public, max-age=10";

    private final ScoreChangeLog changes;

    public ScoreChangeResource(ScoreChangeLog changes) {
        this.changes = changes;
    }

    @GET
    @Operation(operationId = "listScoreChanges", summary = "Shops whose score changed since a cursor",
            description = "Every shop whose score changed after the cursor, oldest change first, each shop at most once, "
                    + "with its current score (as getShopScore). Without after it starts at the beginning (every shop). "
                    + "Keep next and ask with it next time; an empty items means nothing changed since.")
    @APIResponse(responseCode = "200", description = "Changed shops and the next cursor",
            headers = { @Header(name = HttpHeaders.ETAG), @Header(name = HttpHeaders.CACHE_CONTROL) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreChanges.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "A cursor the service did not issue, or a limit outside 1-500")
    public Response changes(
            @Parameter(description = "The next of an earlier answer; leave it out to start at the beginning", example = "1234.bXlfc2lnbmF0dXJlX2hlcmU")
            @RestQuery String after,
            @Parameter(description = "At most this many shops, 1-500, default 100",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"))
            @RestQuery String limit,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return changes.page(after, limit).respond(ifNoneMatch, CACHE_CONTROL);
    }
}
