package io.shopscore.moderation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/** Notices about reviews from anyone, without credentials (DSA article 16). */
@Path("/api/v1/reviews/{id}/notices")
@Tag(name = "Public")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    private final ModerationService moderation;

    public NoticeResource(ModerationService moderation) {
        this.moderation = moderation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createReviewNotice", summary = "Tell the operator that a review should not be there",
            description = "Anyone may send a notice about a published review (DSA article 16): what is wrong with it, why, and "
                    + "optionally an address to hear the decision, which only the operator sees. The review stays as it is until the "
                    + "operator decides; the notice waits in the moderation queue.")
    @APIResponse(responseCode = "202", description = "Received; it waits for the operator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewNotice.Receipt.class)))
    @APIResponse(responseCode = "400", description = "No or an unknown reason, an explanation shorter than 10 or longer than 2000 "
            + "characters, a malformed address, or an unknown field")
    @APIResponse(responseCode = "404", description = "No such published review")
    public RestResponse<ReviewNotice.Receipt> notice(@RestPath long id, @Valid @NotNull CreateNotice body) {
        return RestResponse.status(RestResponse.Status.ACCEPTED, moderation.notice(id, body));
    }
}
