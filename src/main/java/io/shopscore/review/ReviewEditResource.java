package io.shopscore.review;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The author's own review, through the edit link mailed to them right after they wrote it: the
 * only way to change or withdraw a written review. The token of the invitation cannot, because the
 * shop may have held it.
 */
@Path("/api/v1/review-edits/{editToken}")
@Tag(name = "Author", description = "The author's review through their personal edit link: export, change, withdraw")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewEditResource {

    private final ReviewService reviews;

    public ReviewEditResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Operation(operationId = "exportAuthorData", summary = "Everything held about the author",
            description = "The review and every personal datum held about its author: name, email address and order reference as the "
                    + "shop supplied them, display name, and the earlier versions of the text.")
    @APIResponse(responseCode = "200", description = "The export")
    @APIResponse(responseCode = "404", description = "Unknown edit link, or the review was withdrawn")
    @ResponseHeader(name = "Cache-Control", value = "no-store")
    public AuthorExport export(@Parameter(description = "The token of the author's edit link") @RestPath String editToken) {
        return reviews.export(editToken);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateReviewByAuthor", summary = "Change the review",
            description = "Within 30 days of writing it (configurable); the score moves from the old grade to the new one exactly, "
                    + "and the author gets a notice of the change by mail.")
    @APIResponse(responseCode = "200", description = "The changed review")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid; nothing was changed")
    @APIResponse(responseCode = "404", description = "Unknown edit link, or the review was withdrawn")
    @APIResponse(responseCode = "409", description = "The time for changes is over, or moderation removed the review")
    public ReviewView update(@RestPath String editToken, @Valid @NotNull ReviewSubmission body) {
        return reviews.reviseByAuthor(editToken, body);
    }

    @DELETE
    @ResponseStatus(204)
    @Operation(operationId = "withdrawReview", summary = "Withdraw the review and erase its author",
            description = "The review counts and shows nowhere from now on; the author's name, email address and order reference, "
                    + "the review's texts and earlier versions, and the mails to the author are erased. The invitation keeps only "
                    + "a keyed hash of the order reference, so that the shop cannot invite the same order again. The edit link "
                    + "stops working.")
    @APIResponse(responseCode = "204", description = "Withdrawn and erased")
    @APIResponse(responseCode = "404", description = "Unknown edit link, or the review was already withdrawn")
    public void withdraw(@RestPath String editToken) {
        reviews.withdraw(editToken);
    }
}
