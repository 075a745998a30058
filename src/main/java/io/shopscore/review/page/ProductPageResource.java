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
import io.shopscore.shop.Slugs;
import io.shopscore.web.HtmlPage;

/** A product's public review page: its grade, its customers' reviews, and schema.org Product JSON-LD for search engines. */
@Path("/shops/{slug}/products/{sku}")
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class ProductPageResource {

    @CheckedTemplate(basePath = "product")
    static class Templates {
        static native TemplateInstance page(ProductPage page);
    }

    private final ProductPages pages;
    private final Locales locales;
    private final Formats formats;

    public ProductPageResource(ProductPages pages, Locales locales, Formats formats) {
        this.pages = pages;
        this.locales = locales;
        this.formats = formats;
    }

    @GET
    @Operation(operationId = "showProductPage", summary = "A product's public review page",
            description = "The public review page of one of the shop's products (HTML): its grade, its customers' published reviews, "
                    + "and schema.org Product JSON-LD with AggregateRating (1-10) and Review items.")
    @APIResponse(responseCode = "200", description = "The page, in the shop's language or ?lang=")
    @APIResponse(responseCode = "404", description = "Unknown shop or product (a readable page)")
    public Response page(@RestPath String slug, @RestPath String sku, @RestQuery String page, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        String language = locales.match(lang).orElse(null);
        int pageNumber = page != null && page.matches("\\d{1,5}") ? Integer.parseInt(page) : 0;
        Optional<ProductPage> found = Slugs.isValid(slug) ? pages.page(slug, sku, pageNumber, language) : Optional.empty();
        if (found.isEmpty()) {
            String fallback = language != null ? language : formats.preferred(acceptLanguage).orElse(locales.defaultLocale());
            return HtmlPage.of(ShopPageResource.Templates.notFound(fallback), 404, fallback, HtmlPage.PRIVATE);
        }
        return HtmlPage.of(Templates.page(found.get()), 200, found.get().lang(), "public, max-age=60");
    }
}
