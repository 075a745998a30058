package io.shopscore.review.page;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Locales;
import io.shopscore.web.HtmlPage;
import io.shopscore.invitation.InvitationState;
import io.shopscore.problem.Problem;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.ReviewLink;
import io.shopscore.review.ReviewService;
import io.shopscore.review.ReviewSubmission;
import io.shopscore.review.ReviewView;
import io.shopscore.web.LanguageLink;

/**
 * The customer's personal review page, server-rendered so that it works without JavaScript: a
 * plain form that POSTs, then redirects (303) to a page that shows the published review.
 */
@Path("/review/{token}")
@Tag(name = "Pages", description = "Server-rendered HTML pages")
@Produces(MediaType.TEXT_HTML)
public class ReviewFormResource {

    @CheckedTemplate(basePath = "review")
    static class Templates {
        static native TemplateInstance page(ReviewPage page);

        static native TemplateInstance notFound(String lang);

        static native TemplateInstance expired(String lang, String shopName, String orderRef, String expiredOn);
    }

    private final ReviewService reviews;
    private final Locales locales;
    private final Formats formats;
    private final Validator validator;

    public ReviewFormResource(ReviewService reviews, Locales locales, Formats formats, Validator validator) {
        this.reviews = reviews;
        this.locales = locales;
        this.formats = formats;
        this.validator = validator;
    }

    @GET
    @Operation(summary = "The review form of an invitation, or the review written through it")
    @APIResponse(responseCode = "200", description = "The form, or the written review with a form to change it")
    @APIResponse(responseCode = "404", description = "Unknown link (a readable page)")
    @APIResponse(responseCode = "410", description = "The invitation expired before a review was written (a readable page)")
    public Response show(@RestPath String token, @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return render(token, lang, acceptLanguage, ReviewPage.Notice.NONE);
    }

    @GET
    @Path("thanks")
    @Operation(summary = "The review after it was sent")
    public Response thanks(@RestPath String token, @RestQuery String lang, @RestQuery String updated,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return render(token, lang, acceptLanguage, updated != null ? ReviewPage.Notice.UPDATED : ReviewPage.Notice.THANKS);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Send the review form")
    @APIResponse(responseCode = "303", description = "Published: see the review at /review/{token}/thanks")
    @APIResponse(responseCode = "400", description = "The form again, with what to correct")
    @APIResponse(responseCode = "409", description = "A review was already written: the page shows it")
    @APIResponse(responseCode = "410", description = "The invitation expired")
    public Response write(@RestPath String token, @RestForm String score, @RestForm String text, @RestForm String title,
            @RestForm String recommend, @RestForm String displayName, @RestForm String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return send(token, new ReviewPage.FormValues(score, text, title, recommend, displayName), lang, acceptLanguage, false);
    }

    @POST
    @Path("edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Send the changed review")
    @APIResponse(responseCode = "303", description = "Saved: see the review at /review/{token}/thanks")
    @APIResponse(responseCode = "400", description = "The form again, with what to correct")
    @APIResponse(responseCode = "409", description = "The time for changes is over")
    public Response edit(@RestPath String token, @RestForm String score, @RestForm String text, @RestForm String title,
            @RestForm String recommend, @RestForm String displayName, @RestForm String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return send(token, new ReviewPage.FormValues(score, text, title, recommend, displayName), lang, acceptLanguage, true);
    }

    private Response send(String token, ReviewPage.FormValues values, String lang, String acceptLanguage, boolean editing) {
        Optional<ReviewLink> found = reviews.link(token);
        if (found.isEmpty() || found.get().review() == null && found.get().state() == InvitationState.EXPIRED) {
            return render(token, lang, acceptLanguage, ReviewPage.Notice.NONE);
        }
        ReviewLink link = found.get();
        String language = language(link, lang, acceptLanguage);
        Set<String> errors = new TreeSet<>();
        ReviewSubmission submission = parse(values, errors);
        for (ConstraintViolation<ReviewSubmission> violation : validator.validate(submission)) {
            errors.add(violation.getPropertyPath().toString());
        }
        if (errors.isEmpty()) {
            try {
                if (editing) {
                    reviews.revise(token, submission);
                } else {
                    reviews.submit(token, submission);
                }
                String query = "?lang=" + language + (editing ? "&updated=1" : "");
                return Response.seeOther(URI.create("/review/" + token + "/thanks" + query)).build();
            } catch (ProblemException e) {
                Problem problem = e.problem();
                if (problem.violations() == null) {
                    // Sent twice, or changed after the update window closed: show the review as it now stands.
                    ReviewPage.Notice notice = !editing && problem.status() == 409
                            ? ReviewPage.Notice.ALREADY_REVIEWED
                            : ReviewPage.Notice.NONE;
                    return render(token, language, acceptLanguage, notice, problem.status());
                }
                problem.violations().forEach(violation -> errors.add(violation.field()));
            }
        }
        ReviewPage page = page(link, language, values, errors, ReviewPage.Notice.NONE);
        return HtmlPage.of(Templates.page(page), 400, language, HtmlPage.PRIVATE);
    }

    private Response render(String token, String lang, String acceptLanguage, ReviewPage.Notice notice) {
        return render(token, lang, acceptLanguage, notice, 200);
    }

    private Response render(String token, String lang, String acceptLanguage, ReviewPage.Notice notice, int status) {
        Optional<ReviewLink> found = reviews.link(token);
        if (found.isEmpty()) {
            String language = locales.match(lang).or(() -> formats.preferred(acceptLanguage)).orElse(locales.defaultLocale());
            return HtmlPage.of(Templates.notFound(language), 404, language, HtmlPage.PRIVATE);
        }
        ReviewLink link = found.get();
        String language = language(link, lang, acceptLanguage);
        if (link.review() == null && link.state() == InvitationState.EXPIRED) {
            return HtmlPage.of(Templates.expired(language, link.shopName(), link.orderRef(), formats.date(link.expiresAt(), language)),
                    410, language, HtmlPage.PRIVATE);
        }
        ReviewView review = link.review();
        ReviewPage.FormValues values = review == null
                ? new ReviewPage.FormValues("", "", "", "", link.customerName() == null ? "" : firstName(link.customerName()))
                : new ReviewPage.FormValues(Integer.toString(review.score()), review.text(), review.title(),
                        review.recommend() == null ? "" : review.recommend() ? "yes" : "no", review.displayName());
        return HtmlPage.of(Templates.page(page(link, language, values, Set.of(), notice)), status, language, HtmlPage.PRIVATE);
    }

    private ReviewPage page(ReviewLink link, String language, ReviewPage.FormValues values, Set<String> errors, ReviewPage.Notice notice) {
        ReviewView review = link.review();
        ReviewPage.WrittenReview written = review == null ? null
                : new ReviewPage.WrittenReview(review.score(), review.title(), review.text(), review.displayName(), review.recommend(),
                        formats.date(review.createdAt(), language),
                        review.updatedAt() == null ? null : formats.date(review.updatedAt(), language),
                        review.response() == null ? null : review.response().text(),
                        review.response() == null ? null : formats.date(review.response().createdAt(), language));
        return new ReviewPage(language, LanguageLink.forPage("/review/" + link.token(), locales.supported(), language),
                link.token(), link.shopName(), "/shops/" + link.shopSlug(), link.orderRef(), written, values, errors,
                link.editable(), formats.date(link.editableUntil(), language), formats.date(link.expiresAt(), language), notice,
                link.heldBecause() != null, link.removalReason());
    }

    /** The language asked for in the link, else the invitation's; the browser's only where neither is known. */
    private String language(ReviewLink link, String lang, String acceptLanguage) {
        return locales.match(lang).or(() -> locales.match(link.locale())).or(() -> formats.preferred(acceptLanguage))
                .orElse(locales.defaultLocale());
    }

    /** Reads the form's strings into a submission, noting fields that are not even of the right kind. */
    private static ReviewSubmission parse(ReviewPage.FormValues values, Set<String> errors) {
        Integer score = null;
        if (values.score() != null && values.score().matches("\\d{1,2}")) {
            score = Integer.valueOf(values.score());
        }
        Boolean recommend = null;
        String answer = values.recommend() == null ? "" : values.recommend();
        switch (answer) {
            case "yes" -> recommend = true;
            case "no" -> recommend = false;
            case "", "none" -> recommend = null;
            default -> errors.add("recommend");
        }
        return new ReviewSubmission(score, values.text(), values.title(), recommend, values.displayName());
    }

    private static String firstName(String name) {
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space > 0 ? trimmed.substring(0, space) : trimmed;
    }
}
