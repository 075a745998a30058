package io.shopscore.moderation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.shopscore.review.ModerationEvent;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.security.Roles;

@Path("/api/v1/moderation")
@Tag(name = "Operator")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class ModerationResource {

    private final ModerationService moderation;

    public ModerationResource(ModerationService moderation) {
        this.moderation = moderation;
    }

    @GET
    @Path("queue")
    @Operation(operationId = "listModerationQueue", summary = "Reviews waiting for a decision",
            description = "Held for a link, email address or phone number, reported by their shop, or noticed by anyone; oldest first.")
    @APIResponse(responseCode = "200", description = "A page of the queue")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    public Page<QueueItem> queue(@RestQuery String page, @RestQuery String size) {
        return moderation.queue(PageRequest.of(page, size));
    }

    @POST
    @Path("reviews/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideOnReview", summary = "Publish, remove or keep a review",
            description = "publish lets a held review through; remove takes a review down with a public reason and a category; keep "
                    + "leaves a reported or noticed published review up. Open reports and notices close: upheld by a removal, rejected "
                    + "otherwise. The score follows exactly, and the decision joins the audit trail.")
    @APIResponse(responseCode = "200", description = "The review's audit trail with the decision")
    @APIResponse(responseCode = "400", description = "No or an unknown decision or category, no reason to remove or keep, or a category on "
            + "a decision that is not a removal")
    @APIResponse(responseCode = "404", description = "No such review")
    @APIResponse(responseCode = "409", description = "Already published or removed, or nothing to keep (not published, or no open report "
            + "or notice)")
    public List<ModerationEvent.View> decide(@RestPath long id, @Valid @NotNull Decision body) {
        return moderation.decide(id, body);
    }

    @GET
    @Path("reviews/{id}/history")
    @Operation(operationId = "getReviewHistory", summary = "The audit trail of a review", description = "Every hold, report, notice and decision: who, what, when and why.")
    @APIResponse(responseCode = "200", description = "The trail, oldest first")
    @APIResponse(responseCode = "404", description = "No such review")
    public List<ModerationEvent.View> history(@RestPath long id) {
        return moderation.history(id);
    }
}
