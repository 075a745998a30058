package io.shopscore.review.page;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Locales;
import io.shopscore.web.HtmlPage;
import io.shopscore.shop.Slugs;

/** A shop's public review page: grade, distribution, reviews with responses, and JSON-LD for search engines. */
@Path("/shops/{slug}")
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class ShopPageResource {

    @CheckedTemplate(basePath = "shop")
    static class Templates {
        static native TemplateInstance page(ShopPage page);

        static native TemplateInstance notFound(String lang);
    }

    private final ShopPages pages;
    private final Locales locales;
    private final Formats formats;

    public ShopPageResource(ShopPages pages, Locales locales, Formats formats) {
        this.pages = pages;
        this.locales = locales;
        this.formats = formats;
    }

    @GET
    @Operation(operationId = "showShopPage", summary = "The shop's public review page",
            description = "The shop's public review page (HTML): score, published reviews with responses, how reviews are collected, and schema.org AggregateRating and Review JSON-LD.")
    @APIResponse(responseCode = "200", description = "The page, in the shop's language or ?lang=")
    @APIResponse(responseCode = "404", description = "Unknown shop (a readable page)")
    public Response page(@RestPath String slug, @RestQuery String page, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        String language = locales.match(lang).orElse(null);
        Optional<ShopPage> found = Slugs.isValid(slug) ? pages.page(slug, pageNumber(page), language) : Optional.empty();
        if (found.isEmpty()) {
            String fallback = language != null ? language : formats.preferred(acceptLanguage).orElse(locales.defaultLocale());
            return HtmlPage.of(Templates.notFound(fallback), 404, fallback, HtmlPage.PRIVATE);
        }
        ShopPage shopPage = found.get();
        return HtmlPage.of(Templates.page(shopPage), 200, shopPage.lang(), "public, max-age=60");
    }

    /** A page link that is not a small whole number shows the first page, as people mistype and truncate links. */
    private static int pageNumber(String page) {
        return page != null && page.matches("\\d{1,5}") ? Integer.parseInt(page) : 0;
    }
}
