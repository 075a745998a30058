package io.shopscore.review;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.PermissionsAllowed;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.security.Roles;

@Path("/api/v1/shops/{slug}/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ShopReviewResource {

    static final String CACHE_CONTROL = "public, max-age=60";

    private final ReviewService reviews;
    private final ReviewListCache pages;

    public ShopReviewResource(ReviewService reviews, ReviewListCache pages) {
        this.reviews = reviews;
        this.pages = pages;
    }

    @GET
    @Tag(name = "Public")
    @Operation(operationId = "listShopReviews", summary = "A shop's published reviews, newest first",
            description = "A page of the shop's published reviews, newest first, each with the shop's response if any. Never an email address, order reference or token. Answers 304 to a matching If-None-Match.")
    @APIResponse(responseCode = "200", description = "A page of reviews",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Response list(
            @RestPath String slug,
            @Parameter(description = "Zero-based page number, default 0") @RestQuery String page,
            @Parameter(description = "Page size, 1-100, default 20") @RestQuery String size,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return pages.page(slug, PageRequest.of(page, size)).respond(ifNoneMatch, CACHE_CONTROL);
    }

    @PUT
    @Path("{id}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Shop")
    @SecurityRequirement(name = "bearer")
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "respondToReview", summary = "Respond publicly to a review", description = "Sets or replaces the shop's response; it is public at once.")
    @APIResponse(responseCode = "200", description = "The review with its response")
    @APIResponse(responseCode = "400", description = "Missing or too long text")
    @APIResponse(responseCode = "404", description = "The shop has no such review")
    public ReviewView respond(@RestPath String slug, @RestPath long id, @Valid @NotNull ShopResponse body) {
        return reviews.respond(slug, id, body, ReviewService.BY_API);
    }

    @GET
    @Path("removed")
    @Tag(name = "Public")
    @Operation(operationId = "listRemovedReviews", summary = "A shop's removed reviews: when and why, never their text",
            description = "A page of the shop's reviews that moderation removed, newest removal first: when, the public reason and the category, never the review's text or author.")
    @APIResponse(responseCode = "200", description = "A page of removed reviews, newest removal first")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    @APIResponse(responseCode = "404", description = "No such shop")
    public Page<RemovedReview> removed(@RestPath String slug, @RestQuery String page, @RestQuery String size) {
        return reviews.removed(slug, PageRequest.of(page, size));
    }

    @GET
    @Path("{id}/versions")
    @Tag(name = "Shop")
    @SecurityRequirement(name = "bearer")
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "listReviewVersions", summary = "Earlier texts of one of the shop's reviews", description = "Kept each time the customer changed the review; oldest first.")
    @APIResponse(responseCode = "200", description = "The earlier versions")
    @APIResponse(responseCode = "404", description = "The shop has no such review")
    public List<ReviewVersion.View> versions(@RestPath String slug, @RestPath long id) {
        return reviews.versions(slug, id);
    }

    /** The shape of a page of reviews, for the OpenAPI document. */
    @Schema(name = "ReviewPage")
    record ReviewPage(List<ReviewView> items, int page, int size, long total) {
    }
}
