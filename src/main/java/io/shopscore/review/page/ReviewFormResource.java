package io.shopscore.review.page;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.shopscore.invitation.InvitationState;
import io.shopscore.review.ReviewLink;
import io.shopscore.review.ReviewService;
import io.shopscore.web.ClientAddress;
import io.vertx.core.http.HttpServerRequest;

/**
 * The customer's personal review page, server-rendered so that it works without JavaScript: a
 * plain form that POSTs, then redirects (303) to a page that shows the review. The invitation
 * link writes the review once; changes go through the author's own edit link
 * ({@link AuthorPageResource}), because the shop may have held this one.
 */
@Path("/review/{token}")
@Tag(name = "Pages", description = "Server-rendered HTML pages")
@Produces(MediaType.TEXT_HTML)
public class ReviewFormResource {

    private final ReviewService reviews;
    private final ReviewPages pages;

    public ReviewFormResource(ReviewService reviews, ReviewPages pages) {
        this.reviews = reviews;
        this.pages = pages;
    }

    @GET
    @Operation(operationId = "showReviewForm", summary = "The review form of an invitation, or the review written through it",
            description = "The page the invitation link opens (HTML, no JavaScript): the review form in the invitation's language, or, once written, the review itself. Unknown token: 404, expired before a review was written: 410, both as readable pages.")
    @APIResponse(responseCode = "200", description = "The form, or the written review (changes go through the author's edit link)")
    @APIResponse(responseCode = "404", description = "Unknown link (a readable page)")
    @APIResponse(responseCode = "410", description = "The invitation expired before a review was written (a readable page)")
    public Response show(@RestPath String token, @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return pages.render(reviews.link(token), lang, acceptLanguage, ReviewPage.Notice.NONE, 200);
    }

    @GET
    @Path("thanks")
    @Operation(operationId = "showReviewThanksPage", summary = "The review after it was sent",
            description = "The page after the review form was sent: thanks, and the review as it will be shown (HTML).")
    public Response thanks(@RestPath String token, @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return pages.render(reviews.link(token), lang, acceptLanguage, ReviewPage.Notice.THANKS, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "sendReviewForm", summary = "Send the review form",
            description = "The form post of showReviewForm: writes the review as writeReview does, then redirects (303) to the thanks page, so a reload never sends it twice. Bad input shows the form again with the errors.")
    @APIResponse(responseCode = "303", description = "Written: see the review at /review/{token}/thanks")
    @APIResponse(responseCode = "400", description = "The form again, with what to correct")
    @APIResponse(responseCode = "409", description = "A review was already written: the page shows it")
    @APIResponse(responseCode = "410", description = "The invitation expired")
    public Response write(@RestPath String token, @RestForm String score, @RestForm String text, @RestForm String title,
            @RestForm String recommend, @RestForm String displayName, @RestForm String lang,
            @RestForm List<String> productSku, @RestForm List<String> productScore, @RestForm List<String> productText,
            @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        Optional<ReviewLink> found = reviews.link(token);
        if (found.isEmpty() || found.get().review() == null && found.get().state() == InvitationState.EXPIRED) {
            return pages.render(found, lang, acceptLanguage, ReviewPage.Notice.NONE, 200);
        }
        ReviewLink link = found.get();
        String clientAddress = ClientAddress.of(request);
        return pages.submit(link, new ReviewPage.FormValues(score, text, title, recommend, displayName,
                ReviewPages.postedProducts(productSku, productScore, productText)), lang, acceptLanguage,
                        submission -> reviews.submit(token, submission, clientAddress), ReviewPage.Notice.ALREADY_REVIEWED)
                .orElseGet(() -> Response.seeOther(URI.create("/review/" + token + "/thanks?lang=" + pages.language(link, lang, acceptLanguage)))
                        .build());
    }
}
