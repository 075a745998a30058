package io.shopscore.review;

import java.net.URI;
import java.util.concurrent.CompletionStage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.shopscore.web.ClientAddress;
import io.vertx.core.http.HttpServerRequest;

/** The customer's review through the token of their invitation: the same as the form, as JSON. */
@Path("/api/v1/invitations/{token}/review")
@Tag(name = "Customer", description = "Writing a review through the token of an invitation")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerReviewResource {

    private final ReviewService reviews;
    private final ReviewWriter writer;

    public CustomerReviewResource(ReviewService reviews, ReviewWriter writer) {
        this.reviews = reviews;
        this.writer = writer;
    }

    @POST
    @Operation(operationId = "writeReview", summary = "Write the review of an invitation", description = "One review per invitation; it counts in the shop's score at once.")
    @APIResponse(responseCode = "201", description = "The review. Its author gets their personal edit link by mail.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; nothing was stored")
    @APIResponse(responseCode = "404", description = "Unknown token")
    @APIResponse(responseCode = "409", description = "This invitation already has a review")
    @APIResponse(responseCode = "410", description = "The invitation expired before a review was written")
    @APIResponse(responseCode = "503", description = "Too many reviews are waiting to be written; try again after Retry-After seconds")
    public CompletionStage<RestResponse<ReviewView>> write(
            @Parameter(description = "The token from the invitation link") @RestPath String token,
            @Valid @NotNull ReviewSubmission body, @Context HttpServerRequest request) {
        // Not blocking: the review joins the next group commit, and the answer comes once it is durable.
        return writer.write(token, body, ClientAddress.of(request)).thenApply(review -> RestResponse.ResponseBuilder
                .<ReviewView>created(URI.create("/api/v1/invitations/" + token + "/review")).entity(review).build());
    }

    @PUT
    @Operation(operationId = "updateReviewByInvitationToken", summary = "Changes no longer go through the invitation token",
            description = "Since v1.1 the invitation token does not change a written review: the shop may have held that link. "
                    + "The author changes or withdraws the review through the edit link mailed to them right after writing it "
                    + "(PUT /api/v1/review-edits/{editToken}).")
    @APIResponse(responseCode = "403", description = "The review exists; changes go through the author's edit link")
    @APIResponse(responseCode = "404", description = "Unknown token, or no review yet")
    public ReviewView update(@RestPath String token, ReviewSubmission body) {
        return reviews.reviseByInvitationToken(token);
    }
}
