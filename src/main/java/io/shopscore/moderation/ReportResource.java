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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.shopscore.security.Roles;

@Path("/api/v1/shops/{slug}/reviews/{id}/reports")
@Tag(name = "Shop")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    /** Who a report through the API is recorded as: the key's holder, whoever that is. */
    static final String REPORTED_THROUGH_API = "api";

    private final ModerationService moderation;

    public ReportResource(ModerationService moderation) {
        this.moderation = moderation;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "reportReview", summary = "Report a review to the operator",
            description = "A shop cannot change or delete reviews; it can ask the operator to look at one. The review stays as it is until the operator decides.")
    @APIResponse(responseCode = "201", description = "The report",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewReport.View.class)))
    @APIResponse(responseCode = "400", description = "No or an unknown reason, or a comment that is too long")
    @APIResponse(responseCode = "404", description = "The shop has no such review")
    @APIResponse(responseCode = "409", description = "Already reported, or already removed")
    public RestResponse<ReviewReport.View> report(@RestPath String slug, @RestPath long id, @Valid @NotNull CreateReport body) {
        return RestResponse.status(RestResponse.Status.CREATED, moderation.report(slug, id, body, REPORTED_THROUGH_API));
    }
}
