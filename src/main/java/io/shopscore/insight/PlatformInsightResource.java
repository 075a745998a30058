package io.shopscore.insight;

import jakarta.annotation.security.RolesAllowed;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.shopscore.security.Roles;

@Path("/api/v1/insights")
@Tag(name = "Operator")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class PlatformInsightResource {

    private final InsightService insights;
    private final Reclassifier reclassifier;

    public PlatformInsightResource(InsightService insights, Reclassifier reclassifier) {
        this.insights = insights;
        this.reclassifier = reclassifier;
    }

    @GET
    @Operation(operationId = "getPlatformInsights", summary = "What unhappy customers complain about, over all shops",
            description = "The shop insights summed over every shop, with the study of 46,000 negative reviews beside them.")
    @APIResponse(responseCode = "200", description = "The platform's insights")
    @APIResponse(responseCode = "400", description = "months is not 1 to 36")
    public Insights get(@Parameter(description = "Calendar months to cover: 1 to 36, default 12") @RestQuery String months) {
        return insights.forPlatform(InsightService.months(months));
    }

    @POST
    @Path("reclassify")
    @Operation(operationId = "startReclassification", summary = "Tag all stored reviews again with the current classifier",
            description = "For after a classifier change. Runs in the background; the insight totals follow each review exactly.")
    @APIResponse(responseCode = "202", description = "Started, or already running",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reclassifier.Progress.class)))
    public RestResponse<Reclassifier.Progress> reclassify() {
        return RestResponse.accepted(reclassifier.start());
    }

    @GET
    @Path("reclassify")
    @Operation(operationId = "getReclassificationProgress", summary = "Progress of the reclassification",
            description = "How far the background reclassification started with startReclassification has got: its state, the reviews checked and retagged, and how many are still tagged by an older classifier.")
    @APIResponse(responseCode = "200", description = "Where it stands")
    public Reclassifier.Progress progress() {
        return reclassifier.progress();
    }
}
