package io.shopscore.invitation;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.ProblemException;
import io.shopscore.security.Roles;

@Path("/api/v1/shops/{slug}/invitations")
@Tag(name = "Shop", description = "A shop's own invitations, reviews and responses (its API key)")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService invitations;

    public InvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "createInvitation", summary = "Invite the customer of an order",
            description = "Idempotent per orderRef: the same order again returns its existing invitation with 200.")
    @APIResponse(responseCode = "201", description = "A new invitation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvitationCreated.class)))
    @APIResponse(responseCode = "200", description = "The invitation this order already had")
    @APIResponse(responseCode = "400", description = "A field is missing or invalid")
    public RestResponse<InvitationCreated> invite(@RestPath String slug, @Valid @NotNull CreateInvitation body) {
        InvitationService.Issued issued = invitations.invite(slug, body);
        if (!issued.created()) {
            return RestResponse.ok(issued.invitation());
        }
        URI location = URI.create("/api/v1/shops/" + slug + "/invitations/" + issued.invitation().id());
        return RestResponse.ResponseBuilder.<InvitationCreated>created(location).entity(issued.invitation()).build();
    }

    @GET
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "listInvitations", summary = "The shop's invitations, newest first, with their state",
            description = "A page of the shop's invitations, newest first, each with its state (pending, reviewed, expired). Email invitations never show their token or link.")
    @APIResponse(responseCode = "200", description = "A page of invitations")
    @APIResponse(responseCode = "400", description = "Bad state, page or size")
    public Page<InvitationView> list(
            @RestPath String slug,
            @Parameter(description = "Only invitations in this state", schema = @Schema(enumeration = { "pending", "reviewed", "expired" }))
            @RestQuery String state,
            @Parameter(description = "Zero-based page number, default 0") @RestQuery String page,
            @Parameter(description = "Page size, 1-100, default 20") @RestQuery String size) {
        return invitations.list(slug, InvitationState.parse(state), PageRequest.of(page, size));
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "getInvitation", summary = "One of the shop's invitations",
            description = "One invitation of the shop by its id, with its state. Email invitations never show their token or link.")
    @APIResponse(responseCode = "200", description = "The invitation")
    @APIResponse(responseCode = "404", description = "The shop has no such invitation")
    public InvitationView get(@RestPath String slug, @RestPath long id) {
        return invitations.find(slug, id)
                .orElseThrow(() -> ProblemException.notFound("Shop '" + slug + "' has no invitation " + id + "."));
    }
}
