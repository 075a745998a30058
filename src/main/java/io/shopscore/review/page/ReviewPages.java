package io.shopscore.review.page;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Locales;
import io.shopscore.invitation.InvitationState;
import io.shopscore.problem.Problem;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.ReviewLink;
import io.shopscore.review.ReviewSubmission;
import io.shopscore.review.ReviewView;
import io.shopscore.web.HtmlPage;
import io.shopscore.web.LanguageLink;

/**
 * Renders the customer's personal pages: the invitation link's form and review, and the author's
 * edit page. Both show the same review; only the edit page offers to change or withdraw it.
 */
@ApplicationScoped
class ReviewPages {

    @CheckedTemplate(basePath = "review")
    static class Templates {
        static native TemplateInstance page(ReviewPage page);

        static native TemplateInstance notFound(String lang);

        static native TemplateInstance expired(String lang, String shopName, String orderRef, String expiredOn);

        static native TemplateInstance withdrawn(String lang);
    }

    /** What a form post does with a valid submission; throws a problem when the service refuses it. */
    @FunctionalInterface
    interface Action {
        void apply(ReviewSubmission submission);
    }

    private final Locales locales;
    private final Formats formats;
    private final Validator validator;

    ReviewPages(Locales locales, Formats formats, Validator validator) {
        this.locales = locales;
        this.formats = formats;
        this.validator = validator;
    }

    /** The page of a link, or the readable 404 page when there is none. */
    Response render(Optional<ReviewLink> found, String lang, String acceptLanguage, ReviewPage.Notice notice, int status) {
        if (found.isEmpty()) {
            return notFound(lang, acceptLanguage);
        }
        ReviewLink link = found.get();
        String language = language(link, lang, acceptLanguage);
        if (link.review() == null && link.state() == InvitationState.EXPIRED) {
            return HtmlPage.of(Templates.expired(language, link.shopName(), link.orderRef(), formats.date(link.expiresAt(), language)),
                    410, language, HtmlPage.PRIVATE);
        }
        ReviewView review = link.review();
        // The name the shop supplied is never offered as the public name: the customer chooses what is public.
        ReviewPage.FormValues values = review == null
                ? new ReviewPage.FormValues("", "", "", "", "")
                : new ReviewPage.FormValues(Integer.toString(review.score()), review.text(), review.title(),
                        review.recommend() == null ? "" : review.recommend() ? "yes" : "no", review.displayName());
        return HtmlPage.of(Templates.page(page(link, language, values, Set.of(), notice)), status, language, HtmlPage.PRIVATE);
    }

    Response notFound(String lang, String acceptLanguage) {
        String language = locales.match(lang).or(() -> formats.preferred(acceptLanguage)).orElse(locales.defaultLocale());
        return HtmlPage.of(Templates.notFound(language), 404, language, HtmlPage.PRIVATE);
    }

    Response withdrawn(String lang, String acceptLanguage) {
        String language = locales.match(lang).or(() -> formats.preferred(acceptLanguage)).orElse(locales.defaultLocale());
        return HtmlPage.of(Templates.withdrawn(language), 200, language, HtmlPage.PRIVATE);
    }

    /**
     * Checks a posted form and hands a valid submission to the action. Returns empty when the
     * action succeeded (the caller redirects), else the page to answer: the form with what to
     * correct (400), or the review as it now stands with the refusal's status.
     */
    Optional<Response> submit(ReviewLink link, ReviewPage.FormValues values, String lang, String acceptLanguage, Action action,
            ReviewPage.Notice whenConflict) {
        String language = language(link, lang, acceptLanguage);
        Set<String> errors = new TreeSet<>();
        ReviewSubmission submission = parse(values, errors);
        for (ConstraintViolation<ReviewSubmission> violation : validator.validate(submission)) {
            errors.add(violation.getPropertyPath().toString());
        }
        if (errors.isEmpty()) {
            try {
                action.apply(submission);
                return Optional.empty();
            } catch (ProblemException e) {
                Problem problem = e.problem();
                if (problem.violations() == null) {
                    // Sent twice, or changed after the update window closed: show the review as it now stands.
                    return Optional.of(render(Optional.of(link), language, acceptLanguage,
                            problem.status() == 409 ? whenConflict : ReviewPage.Notice.NONE, problem.status()));
                }
                problem.violations().forEach(violation -> errors.add(violation.field()));
            }
        }
        return Optional.of(HtmlPage.of(Templates.page(page(link, language, values, errors, ReviewPage.Notice.NONE)), 400, language,
                HtmlPage.PRIVATE));
    }

    /** The language asked for in the link, else the invitation's; the browser's only where neither is known. */
    String language(ReviewLink link, String lang, String acceptLanguage) {
        return locales.match(lang).or(() -> locales.match(link.locale())).or(() -> formats.preferred(acceptLanguage))
                .orElse(locales.defaultLocale());
    }

    private ReviewPage page(ReviewLink link, String language, ReviewPage.FormValues values, Set<String> errors, ReviewPage.Notice notice) {
        ReviewView review = link.review();
        ReviewPage.WrittenReview written = review == null ? null
                : new ReviewPage.WrittenReview(review.score(), review.title(), review.text(), review.displayName(), review.recommend(),
                        formats.date(review.createdAt(), language),
                        review.updatedAt() == null ? null : formats.date(review.updatedAt(), language),
                        review.response() == null ? null : review.response().text(),
                        review.response() == null ? null : formats.date(review.response().createdAt(), language));
        String path = link.editToken() != null ? "/review/edit/" + link.editToken() : "/review/" + link.token();
        return new ReviewPage(language, LanguageLink.forPage(path, locales.supported(), language),
                link.token(), link.editToken(), link.shopName(), "/shops/" + link.shopSlug(), link.orderRef(), written, values, errors,
                link.editable(), formats.date(link.editableUntil(), language), formats.date(link.expiresAt(), language), notice,
                link.heldBecause() != null, link.removalReason(), link.withdrawn());
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
}
