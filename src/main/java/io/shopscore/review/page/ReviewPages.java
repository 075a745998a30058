package io.shopscore.review.page;

import java.util.ArrayList;
import java.util.List;
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
        List<ReviewPage.ProductField> products = link.products().stream()
                .map(product -> new ReviewPage.ProductField(product.sku(), product.name(),
                        product.score() == null ? "" : product.score().toString(), product.text()))
                .toList();
        ReviewPage.FormValues values = review == null
                ? new ReviewPage.FormValues("", "", "", "", "", products)
                : new ReviewPage.FormValues(Integer.toString(review.score()), review.text(), review.title(),
                        review.recommend() == null ? "" : review.recommend() ? "yes" : "no", review.displayName(), products);
        return HtmlPage.of(Templates.page(page(link, language, values, Set.of(), notice)), status, language, HtmlPage.PRIVATE);
    }

    Response notFound(String lang, String acceptLanguage) {
        String language = formats.pageLanguage(lang, acceptLanguage);
        return HtmlPage.of(Templates.notFound(language), 404, language, HtmlPage.PRIVATE);
    }

    Response withdrawn(String lang, String acceptLanguage) {
        String language = formats.pageLanguage(lang, acceptLanguage);
        return HtmlPage.of(Templates.withdrawn(language), 200, language, HtmlPage.PRIVATE);
    }

    /**
     * Checks a posted form and hands a valid submission to the action. Returns empty when the
     * action succeeded (the caller redirects), else the page to answer: the form with what to
     * correct (400), or the review as it now stands with the refusal's status.
     */
    Optional<Response> submit(ReviewLink link, ReviewPage.FormValues posted, String lang, String acceptLanguage, Action action,
            ReviewPage.Notice whenConflict) {
        String language = language(link, lang, acceptLanguage);
        Set<String> errors = new TreeSet<>();
        ReviewPage.FormValues named = withNames(posted, link);
        ReviewSubmission submission = parse(named, errors);
        for (ConstraintViolation<ReviewSubmission> violation : validator.validate(submission)) {
            errors.add(formField(violation.getPropertyPath().toString(), named));
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
                problem.violations().forEach(violation -> errors.add(formField(violation.field(), named)));
            }
        }
        return Optional.of(HtmlPage.of(Templates.page(page(link, language, named, errors, ReviewPage.Notice.NONE)), 400, language,
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
                        review.response() == null ? null : formats.date(review.response().createdAt(), language),
                        link.products().stream().filter(product -> product.score() != null)
                                .map(product -> new ReviewPage.GradedProduct(product.name(), product.score(), product.text())).toList());
        String path = link.editToken() != null ? "/review/edit/" + link.editToken() : "/review/" + link.token();
        return new ReviewPage(language, LanguageLink.forPage(path, locales.supported(), language),
                link.token(), link.editToken(), link.shopName(), "/shops/" + link.shopSlug(), link.orderRef(), written, values, errors,
                link.editable(), formats.date(link.editableUntil(), language), formats.date(link.expiresAt(), language), notice,
                link.heldBecause() != null, link.removalReason(), link.withdrawn());
    }

    /** The product fields of a form post: one sku, grade and text per product, in the form's order (no JavaScript needed). */
    static List<ReviewPage.ProductField> postedProducts(List<String> skus, List<String> scores, List<String> texts) {
        List<ReviewPage.ProductField> products = new ArrayList<>();
        int count = skus == null ? 0 : Math.min(skus.size(), 20);
        for (int i = 0; i < count; i++) {
            products.add(new ReviewPage.ProductField(skus.get(i), null, valueAt(scores, i), valueAt(texts, i)));
        }
        return products;
    }

    private static String valueAt(List<String> values, int index) {
        return values != null && index < values.size() ? values.get(index) : "";
    }

    /**
     * A field of the submission as a field of the form: the submission lists only the graded
     * products, so its products[i] is the i-th product of the form that has a grade.
     */
    private static String formField(String field, ReviewPage.FormValues values) {
        var index = java.util.regex.Pattern.compile("^products\\[(\\d+)\\]").matcher(field);
        if (!index.find()) {
            return field;
        }
        int graded = Integer.parseInt(index.group(1));
        for (int i = 0, seen = 0; i < values.products().size(); i++) {
            if (!values.products().get(i).score().isEmpty() && seen++ == graded) {
                return "products[" + i + "]" + field.substring(index.end());
            }
        }
        return field;
    }

    /**
     * The posted products with the names the order gives them (a posted name is never shown), in the
     * order's order; a product the post left out is shown without a grade.
     */
    private static ReviewPage.FormValues withNames(ReviewPage.FormValues values, ReviewLink link) {
        List<ReviewPage.ProductField> products = link.products().stream().map(product -> values.products().stream()
                .filter(posted -> product.sku().equals(posted.sku())).findFirst()
                .map(posted -> new ReviewPage.ProductField(product.sku(), product.name(), posted.score(), posted.text()))
                .orElseGet(() -> new ReviewPage.ProductField(product.sku(), product.name(), "", "")))
                .toList();
        return new ReviewPage.FormValues(values.score(), values.text(), values.title(), values.recommend(), values.displayName(),
                products);
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
        List<ReviewSubmission.ProductRating> products = new ArrayList<>();
        for (int i = 0; i < values.products().size(); i++) {
            ReviewPage.ProductField product = values.products().get(i);
            if (product.score().isEmpty()) {
                // left ungraded; words without a grade are not a product review
                if (!product.text().isBlank()) {
                    errors.add("products[" + i + "].score");
                }
                continue;
            }
            if (!product.score().matches("\\d{1,2}")) {
                errors.add("products[" + i + "].score");
                continue;
            }
            products.add(new ReviewSubmission.ProductRating(product.sku(), Integer.valueOf(product.score()), product.text()));
        }
        return new ReviewSubmission(score, values.text(), values.title(), recommend, values.displayName(), products);
    }
}
