package io.shopscore.insight;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.PermissionsAllowed;
import io.shopscore.insight.classify.Topic;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.ProblemException;
import io.shopscore.security.Roles;

@Path("/api/v1/shops/{slug}/insights")
@Tag(name = "Shop")
@SecurityRequirement(name = "bearer")
public class InsightResource {

    static final String CSV = "text/csv";
    // JSON is what a client gets unless it asks for CSV ("qs" ranks the representations for Accept: */*).

    private final InsightService insights;
    private final InsightLinks links;

    public InsightResource(InsightService insights, InsightLinks links) {
        this.insights = insights;
        this.links = links;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "getShopInsights", summary = "What the shop's unhappy customers complain about",
            description = "Per complaint topic the number and share of negative and of all reviews, churn intent with the topics those "
                    + "customers named, the trend per month, and how negative reviews were answered. Send Accept: text/csv for the trend as CSV.")
    @APIResponse(responseCode = "200", description = "The insights")
    @APIResponse(responseCode = "400", description = "months is not 1 to 36")
    public Insights get(@RestPath String slug,
            @Parameter(description = "Calendar months to cover, the current one included: 1 to 36, default 12") @RestQuery String months) {
        return insights.forShop(slug, InsightService.months(months));
    }

    @GET
    @Produces(CSV + ";qs=0.5")
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "downloadShopInsightsCsv", summary = "The trend of the shop's insights as CSV", description = "One line per month: reviews, negative, churn, and negative reviews per topic.")
    @APIResponse(responseCode = "200", description = "text/csv")
    public Response csv(@RestPath String slug, @RestQuery String months) {
        return Response.ok(insights.csv(slug, InsightService.months(months)), CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug + "-insights.csv\"")
                .build();
    }

    @GET
    @Path("reviews")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "listShopInsightReviews", summary = "The reviews behind a figure", description = "Published reviews of the period, newest first, each with its topics and churn intent.")
    @APIResponse(responseCode = "200", description = "A page of reviews")
    @APIResponse(responseCode = "400", description = "Unknown topic, or a bad churn, negative, months, page or size")
    public Page<TaggedReview> reviews(@RestPath String slug,
            @Parameter(description = "Only reviews naming this topic", schema = @Schema(enumeration = { "customer_service", "delivery",
                    "stock", "product", "refund_return", "price", "website", "follow_up" })) @RestQuery String topic,
            @Parameter(description = "true: only churn intent; false: only without") @RestQuery String churn,
            @Parameter(description = "true: only grades 5 and lower; false: only 6 and higher") @RestQuery String negative,
            @RestQuery String months, @RestQuery String page, @RestQuery String size) {
        Topic only = topic == null || topic.isEmpty() ? null
                : Topic.fromCode(topic).orElseThrow(() -> ProblemException.invalid("topic", "is not a known topic"));
        return insights.reviews(slug, only, flag("churn", churn), flag("negative", negative), InsightService.months(months),
                PageRequest.of(page, size));
    }

    @POST
    @Path("link")
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "createInsightsPageLink", summary = "A link to the shop's insights page, valid for an hour",
            description = "For a browser, which cannot send the API key: the page shows charts and offers the CSV.")
    @APIResponse(responseCode = "200", description = "The link")
    public InsightLinks.Link link(@RestPath String slug) {
        return links.issue(slug);
    }

    private static Boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.invalid(name, "must be true or false");
        };
    }
}
