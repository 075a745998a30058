package io.shopscore.dashboard;

import java.util.Optional;

import jakarta.ws.rs.BeanParam;
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
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.problem.ProblemException;
import io.shopscore.session.SignedIn;
import io.vertx.core.http.HttpServerRequest;

/**
 * The dashboard's Reviews page (HTML, no JavaScript): the shop's reviews with filters and paging,
 * a form on each to respond or to report it, and a page per review with its moderation story.
 * Responding and reporting are the only changes it offers; both keep the list where it was.
 */
@Path("/dashboard/{slug}/reviews")
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class DashboardReviewsResource {

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance reviews(String lang, ReviewListPage page);

        static native TemplateInstance reviewDetails(String lang, ReviewDetailsPage page);

        static native TemplateInstance reviewMissing(String lang, SignedIn session);
    }

    /** The list's filters and page, as the GET form sends them. */
    public static class Filters {
        @RestQuery String grade;
        @RestQuery String topic;
        @RestQuery String answered;
        @RestQuery String reported;
        @RestQuery String source;
        @RestQuery String q;
        @RestQuery String page;

        ReviewFilter parse() {
            return ReviewFilter.parse(grade, topic, answered, reported, source, q, page);
        }
    }

    /** The same, as the forms of the list carry them on in hidden fields, so a post comes back to the same place. */
    public static class PostedFilters {
        @RestForm String grade;
        @RestForm String topic;
        @RestForm String answered;
        @RestForm String reported;
        @RestForm String source;
        @RestForm String q;
        @RestForm String page;

        ReviewFilter parse() {
            return ReviewFilter.parse(grade, topic, answered, reported, source, q, page);
        }
    }

    private final DashboardGate gate;
    private final DashboardReviews reviews;

    public DashboardReviewsResource(DashboardGate gate, DashboardReviews reviews) {
        this.gate = gate;
        this.reviews = reviews;
    }

    @GET
    @Operation(operationId = "showDashboardReviews", summary = "The shop's reviews",
            description = "Every review the shop may see (published, held, removed; imported ones marked), newest first, 20 a page, "
                    + "filtered by grade band, topic, answered, reported, source and words in the title or text; each with forms to "
                    + "respond and to report it (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "400", description = "A filter value that is not offered: the page naming it")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response list(@RestPath String slug, @BeanParam Filters filters, @RestCookie(DashboardGate.COOKIE) String cookie,
            @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage, (session, language) -> {
            ReviewFilter filter;
            try {
                filter = filters.parse();
            } catch (ReviewFilter.Invalid bad) {
                return listPage(session, ReviewFilter.NONE, language, 400, bad.field(), null, null);
            }
            return listPage(session, filter, language, 200, null, null, null);
        });
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "showDashboardReview", summary = "One of the shop's reviews and its moderation story",
            description = "The review, its response and who wrote it, its moderation state, why it was held, the shop's reports and "
                    + "how they ended, the operator's decisions and the texts its author replaced (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    @APIResponse(responseCode = "404", description = "The shop has no such review")
    public Response details(@RestPath String slug, @RestPath String id, @RestCookie(DashboardGate.COOKIE) String cookie,
            @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage, (session, language) -> reviewId(id)
                .flatMap(reviewId -> reviews.details(session, reviewId, language))
                .map(page -> DashboardGate.page(Templates.reviewDetails(language, page), 200, language))
                .orElseGet(() -> missing(session, language)));
    }

    @POST
    @Path("{id}/response")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "respondToReviewInDashboard", summary = "Respond to a review, or change the response",
            description = "Sets or replaces the shop's public response with the API's rules, records the signed-in member as its "
                    + "author and redirects (303) to the same place in the list.")
    @APIResponse(responseCode = "303", description = "Responded: back to the list, at the review")
    @APIResponse(responseCode = "400", description = "No text, a text that is too long, or a bad filter: the page again, naming it")
    @APIResponse(responseCode = "403", description = "No valid form token, posted from another site, or another shop")
    @APIResponse(responseCode = "404", description = "The shop has no such review")
    @APIResponse(responseCode = "409", description = "The review was removed by moderation")
    public Response respond(@RestPath String slug, @RestPath String id, @BeanParam PostedFilters filters,
            @RestCookie(DashboardGate.COOKIE) String cookie, @RestForm String formToken, @RestForm String text, @RestForm String lang,
            @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return gate.change(slug, cookie, formToken, lang, acceptLanguage, request,
                (session, language) -> change(session, language, id, filters, text, reviewId -> reviews.respond(session, reviewId, text)));
    }

    @POST
    @Path("{id}/report")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "reportReviewInDashboard", summary = "Report a review to the operator",
            description = "Reports the review with one of the API's reasons (not_a_customer, offensive, personal_data, other) and an "
                    + "optional comment, records the signed-in member as who reported, and redirects (303) to the same place in the list.")
    @APIResponse(responseCode = "303", description = "Reported: back to the list, at the review")
    @APIResponse(responseCode = "400", description = "No or an unknown reason, a comment that is too long, or a bad filter: the page again, naming it")
    @APIResponse(responseCode = "403", description = "No valid form token, posted from another site, or another shop")
    @APIResponse(responseCode = "404", description = "The shop has no such review")
    @APIResponse(responseCode = "409", description = "Already reported, or removed by moderation")
    public Response report(@RestPath String slug, @RestPath String id, @BeanParam PostedFilters filters,
            @RestCookie(DashboardGate.COOKIE) String cookie, @RestForm String formToken, @RestForm String reason,
            @RestForm String comment, @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        return gate.change(slug, cookie, formToken, lang, acceptLanguage, request,
                (session, language) -> change(session, language, id, filters, null, reviewId -> reviews.report(session, reviewId, reason, comment)));
    }

    /** What one review's form does. */
    @FunctionalInterface
    private interface Change {
        void apply(long reviewId);
    }

    /**
     * A change to one review from a form of the list: done, then back to the same list position at
     * the review (303); or the list again, with the bad field named at the review (400) or what
     * stood in the way (409), keeping what was typed.
     */
    private Response change(SignedIn session, String language, String id, PostedFilters filters, String typed, Change change) {
        Optional<Long> reviewId = reviewId(id);
        if (reviewId.isEmpty()) {
            return missing(session, language);
        }
        ReviewFilter filter;
        try {
            filter = filters.parse();
        } catch (ReviewFilter.Invalid bad) {
            return listPage(session, ReviewFilter.NONE, language, 400, bad.field(), null, null);
        }
        try {
            change.apply(reviewId.get());
        } catch (DashboardReviews.BadInput bad) {
            return listPage(session, filter, language, 400, bad.field(), reviewId.get(), typed);
        } catch (ProblemException problem) {
            int status = problem.problem().status();
            if (status == 404) {
                return missing(session, language);
            }
            String field = status == 400 && problem.problem().violations() != null && !problem.problem().violations().isEmpty()
                    ? problem.problem().violations().get(0).field() : "conflict";
            return listPage(session, filter, language, status == 400 ? 400 : 409, field, reviewId.get(), typed);
        }
        return DashboardGate.seeOther("/dashboard/" + session.slug() + "/reviews?" + filter.query(language) + "#review-" + reviewId.get());
    }

    private Response listPage(SignedIn session, ReviewFilter filter, String language, int status, String error, Long errorReview,
            String typed) {
        return DashboardGate.page(Templates.reviews(language, reviews.list(session, filter, language, error, errorReview, typed)), status,
                language);
    }

    private Response missing(SignedIn session, String language) {
        return DashboardGate.page(Templates.reviewMissing(language, session), 404, language);
    }

    /** A review id from the path; anything but a plain positive number names no review (404). */
    private static Optional<Long> reviewId(String id) {
        if (id == null || id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id));
    }
}
