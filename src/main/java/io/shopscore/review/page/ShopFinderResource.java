package io.shopscore.review.page;

import java.net.URI;
import java.util.Locale;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.shopscore.i18n.Formats;
import io.shopscore.i18n.Locales;
import io.shopscore.shop.Slugs;
import io.shopscore.web.HtmlPage;

/**
 * The front door's "find a shop's review page" form: a GET form cannot put what was typed into a
 * path, so this turns {@code ?shop=} into the review page's address. What is not a slug shows the
 * readable not-found page; an unknown slug gets it from the review page itself.
 */
@Path("/shops")
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class ShopFinderResource {

    private final Locales locales;
    private final Formats formats;

    public ShopFinderResource(Locales locales, Formats formats) {
        this.locales = locales;
        this.formats = formats;
    }

    @GET
    @Operation(operationId = "findShopPage", summary = "Go to a shop's review page",
            description = "Redirects ?shop={slug} to /shops/{slug} (the front door's form); a value that is not a slug is a readable 404 page.")
    @APIResponse(responseCode = "303", description = "The shop's review page")
    @APIResponse(responseCode = "404", description = "Not a shop's name as it appears in addresses (a readable page)")
    public Response find(@RestQuery String shop, @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        String language = locales.match(lang).orElse(null);
        String slug = shop == null ? "" : shop.strip().toLowerCase(Locale.ROOT);
        if (!Slugs.isValid(slug)) {
            String pageLanguage = formats.pageLanguage(lang, acceptLanguage);
            return HtmlPage.of(ShopPageResource.Templates.notFound(pageLanguage), 404, pageLanguage, HtmlPage.PRIVATE);
        }
        // a valid slug and a known language are both plain characters: nothing here needs encoding
        return Response.seeOther(URI.create("/shops/" + slug + (language != null ? "?lang=" + language : ""))).build();
    }
}
