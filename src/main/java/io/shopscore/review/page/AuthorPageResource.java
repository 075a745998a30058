package io.shopscore.review.page;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.shopscore.problem.ProblemException;
import io.shopscore.review.ReviewLink;
import io.shopscore.review.ReviewService;

/**
 * The author's own page, opened by the edit link mailed to them after they wrote their review:
 * change it while changes are allowed, download what is held about them, or withdraw it. Plain
 * forms with Post/Redirect/Get; no JavaScript.
 */
@Path("/review/edit")
@Tag(name = "Pages", description = "Server-rendered HTML pages")
@Produces(MediaType.TEXT_HTML)
public class AuthorPageResource {

    private final ReviewService reviews;
    private final ReviewPages pages;

    public AuthorPageResource(ReviewService reviews, ReviewPages pages) {
        this.reviews = reviews;
        this.pages = pages;
    }

    @GET
    @Path("{editToken}")
    @Operation(operationId = "showAuthorPage", summary = "The author's page: their review, with forms to change or withdraw it",
            description = "The page the author's edit link opens (HTML, no JavaScript): the review with forms to change it within the update window or to withdraw it. Unknown edit token: a readable 404 page.")
    @APIResponse(responseCode = "200", description = "The review and what its author can do with it")
    @APIResponse(responseCode = "404", description = "Unknown edit link, or the review was withdrawn (a readable page)")
    public Response show(@RestPath String editToken, @RestQuery String lang, @RestQuery String updated,
            @RestHeader("Accept-Language") String acceptLanguage) {
        ReviewPage.Notice notice = updated != null ? ReviewPage.Notice.UPDATED : ReviewPage.Notice.NONE;
        return pages.render(reviews.authored(editToken), lang, acceptLanguage, notice, 200);
    }

    @POST
    @Path("{editToken}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "saveAuthorPage", summary = "Save the author's changes",
            description = "The form post of the author's page: changes the review within the update window, then redirects (303) back to the page. Bad input shows the form again with the errors.")
    @APIResponse(responseCode = "303", description = "Saved: back to the author's page")
    @APIResponse(responseCode = "400", description = "The form again, with what to correct")
    @APIResponse(responseCode = "404", description = "Unknown edit link (a readable page)")
    @APIResponse(responseCode = "409", description = "The time for changes is over, or moderation removed the review: the page shows it")
    public Response save(@RestPath String editToken, @RestForm String score, @RestForm String text, @RestForm String title,
            @RestForm String recommend, @RestForm String displayName, @RestForm String lang,
            @RestForm List<String> productSku, @RestForm List<String> productScore, @RestForm List<String> productText,
            @RestHeader("Accept-Language") String acceptLanguage) {
        Optional<ReviewLink> found = reviews.authored(editToken);
        if (found.isEmpty()) {
            return pages.notFound(lang, acceptLanguage);
        }
        ReviewLink link = found.get();
        return pages.submit(link, new ReviewPage.FormValues(score, text, title, recommend, displayName,
                ReviewPages.postedProducts(productSku, productScore, productText)), lang, acceptLanguage,
                        submission -> reviews.reviseByAuthor(editToken, submission), ReviewPage.Notice.NONE)
                .orElseGet(() -> Response.seeOther(URI.create("/review/edit/" + editToken + "?updated=1&lang="
                        + pages.language(link, lang, acceptLanguage))).build());
    }

    @POST
    @Path("{editToken}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "withdrawReviewFromAuthorPage", summary = "Withdraw the review and erase its author",
            description = "The review leaves the score and every page; the author's name, address, order reference and texts are erased.")
    @APIResponse(responseCode = "303", description = "Withdrawn: to a page that confirms it")
    @APIResponse(responseCode = "400", description = "The confirmation box was not ticked: the page again")
    @APIResponse(responseCode = "404", description = "Unknown edit link (a readable page)")
    public Response withdraw(@RestPath String editToken, @RestForm String confirm, @RestForm String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        Optional<ReviewLink> found = reviews.authored(editToken);
        if (found.isEmpty()) {
            return pages.notFound(lang, acceptLanguage);
        }
        if (!"yes".equals(confirm)) {
            return pages.render(found, lang, acceptLanguage, ReviewPage.Notice.CONFIRM_WITHDRAWAL, 400);
        }
        String language = pages.language(found.get(), lang, acceptLanguage);
        try {
            reviews.withdraw(editToken);
        } catch (ProblemException alreadyGone) {
            return pages.notFound(language, acceptLanguage);
        }
        return Response.seeOther(URI.create("/review/edit/withdrawn?lang=" + language)).build();
    }

    @GET
    @Path("withdrawn")
    @Operation(operationId = "showWithdrawnPage", summary = "Confirms that a review was withdrawn",
            description = "The page shown after a review was withdrawn from the author's page (HTML).")
    public Response withdrawn(@RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return pages.withdrawn(lang, acceptLanguage);
    }
}
