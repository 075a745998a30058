package io.shopscore.review.page;

import java.net.URI;
import java.util.Arrays;
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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Locales;
import io.shopscore.i18n.Messages;
import io.shopscore.moderation.CreateNotice;
import io.shopscore.moderation.ModerationService;
import io.shopscore.problem.ProblemException;
import io.shopscore.review.RemovalCategory;
import io.shopscore.review.ReviewView;
import io.shopscore.shop.ShopService;
import io.shopscore.shop.ShopView;
import io.shopscore.shop.Slugs;
import io.shopscore.web.HtmlPage;
import io.shopscore.web.LanguageLink;

/**
 * The form to report a review from the shop's public page (DSA article 16): a plain form that
 * POSTs, then redirects (303) to a thank-you page, so it works without JavaScript and a reload
 * never sends it twice.
 */
@Path("/shops/{slug}/reviews/{id}/notice")
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class NoticeFormResource {

    @CheckedTemplate(basePath = "notice")
    static class Templates {
        static native TemplateInstance form(NoticePage page);

        static native TemplateInstance thanks(String lang, String shopName, String shopPageUrl);

        static native TemplateInstance notFound(String lang, String shopPageUrl);
    }

    private final ModerationService moderation;
    private final ShopService shops;
    private final Locales locales;
    private final Formats formats;
    private final Validator validator;

    public NoticeFormResource(ModerationService moderation, ShopService shops, Locales locales, Formats formats, Validator validator) {
        this.moderation = moderation;
        this.shops = shops;
        this.locales = locales;
        this.formats = formats;
        this.validator = validator;
    }

    @GET
    @Operation(operationId = "showNoticeForm", summary = "The form to report a review of the shop's page",
            description = "A plain HTML form, linked from each review on the shop's page, to tell the operator that the review should not be there (DSA article 16).")
    @APIResponse(responseCode = "200", description = "The form, in the shop's language or ?lang=")
    @APIResponse(responseCode = "404", description = "No such published review of this shop (a readable page)")
    public Response form(@RestPath String slug, @RestPath String id, @RestQuery String lang) {
        return show(slug, id, lang, new NoticePage.FormValues(null, null, null), Set.of(), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "sendNoticeForm", summary = "Send the report",
            description = "The form post of showNoticeForm: files the notice as createReviewNotice does, then redirects (303) to the thanks page. Bad input shows the form again with the errors.")
    @APIResponse(responseCode = "303", description = "Received: see /shops/{slug}/reviews/{id}/notice/thanks")
    @APIResponse(responseCode = "400", description = "The form again, with what to correct")
    @APIResponse(responseCode = "404", description = "No such published review of this shop (a readable page)")
    public Response send(@RestPath String slug, @RestPath String id, @RestForm String reason, @RestForm String explanation,
            @RestForm String email, @RestForm String lang) {
        NoticePage.FormValues values = new NoticePage.FormValues(reason, explanation, email);
        Optional<ShopView> shop = shop(slug);
        Optional<ReviewView> review = shop.flatMap(found -> review(slug, id));
        if (review.isEmpty()) {
            return notFound(shop, lang);
        }
        String language = language(shop.get(), lang);
        Set<String> errors = new TreeSet<>();
        RemovalCategory category = RemovalCategory.ofJson(reason);
        if (category == null) {
            errors.add("reason");
        }
        CreateNotice notice = new CreateNotice(category, explanation, email);
        for (ConstraintViolation<CreateNotice> violation : validator.validate(notice)) {
            errors.add(violation.getPropertyPath().toString());
        }
        if (!errors.isEmpty()) {
            return show(slug, id, language, values, errors, 400);
        }
        try {
            moderation.notice(review.get().id(), notice);
        } catch (ProblemException e) {
            // Removed or withdrawn since the form was shown: nothing left to report.
            return notFound(shop, language);
        }
        return Response.seeOther(URI.create(path(slug, review.get().id()) + "/thanks?lang=" + language)).build();
    }

    @GET
    @Path("thanks")
    @Operation(operationId = "showNoticeThanksPage", summary = "The page after a report was sent",
            description = "Confirms that the notice was received (HTML).")
    public Response thanks(@RestPath String slug, @RestPath String id, @RestQuery String lang) {
        Optional<ShopView> shop = shop(slug);
        if (shop.isEmpty()) {
            return notFound(shop, lang);
        }
        String language = language(shop.get(), lang);
        return HtmlPage.of(Templates.thanks(language, shop.get().name(), shopPage(slug, language)), 200, language, HtmlPage.PRIVATE);
    }

    private Response show(String slug, String id, String lang, NoticePage.FormValues values, Set<String> errors, int status) {
        Optional<ShopView> shop = shop(slug);
        Optional<ReviewView> review = shop.flatMap(found -> review(slug, id));
        if (review.isEmpty()) {
            return notFound(shop, lang);
        }
        String language = language(shop.get(), lang);
        Messages messages = MessageBundles.get(Messages.class, Localized.Literal.of(language));
        ReviewView shown = review.get();
        NoticePage.QuotedReview quoted = new NoticePage.QuotedReview(shown.score(), shown.title(), shown.text(),
                shown.displayName() != null ? shown.displayName() : messages.verifiedCustomer(), formats.date(shown.createdAt(), language));
        String path = path(slug, shown.id());
        NoticePage page = new NoticePage(language, LanguageLink.forPage(path, locales.supported(), language), shop.get().name(),
                shopPage(slug, language), path, quoted,
                Arrays.stream(RemovalCategory.values())
                        .map(category -> new NoticePage.Reason(category.json(), TrustWords.category(category, messages))).toList(),
                values, errors);
        return HtmlPage.of(Templates.form(page), status, language, HtmlPage.PRIVATE);
    }

    private Response notFound(Optional<ShopView> shop, String lang) {
        String language = shop.map(found -> language(found, lang)).orElseGet(() -> locales.match(lang).orElse(locales.defaultLocale()));
        String shopPage = shop.map(found -> shopPage(found.slug(), language)).orElse(null);
        return HtmlPage.of(Templates.notFound(language, shopPage), 404, language, HtmlPage.PRIVATE);
    }

    private Optional<ShopView> shop(String slug) {
        return Slugs.isValid(slug) ? shops.find(slug) : Optional.empty();
    }

    /** The published review of this shop with this id; a mistyped id finds nothing, as people truncate links. */
    private Optional<ReviewView> review(String slug, String id) {
        return id != null && id.matches("\\d{1,18}") ? moderation.noticeable(slug, Long.parseLong(id)) : Optional.empty();
    }

    /** The language asked for in the link, else the shop's. */
    private String language(ShopView shop, String lang) {
        return locales.match(lang).or(() -> locales.match(shop.locale())).orElse(locales.defaultLocale());
    }

    private static String path(String slug, long reviewId) {
        return "/shops/" + slug + "/reviews/" + reviewId + "/notice";
    }

    private static String shopPage(String slug, String language) {
        return "/shops/" + slug + "?lang=" + language;
    }
}
