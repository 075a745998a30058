package io.shopscore.insight;

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

/** A shop's insights in a browser, reached through a link that the shop's API key issued (valid an hour). */
@Path("/insights/{token}")
@Tag(name = "Pages")
public class InsightPageResource {

    @CheckedTemplate(basePath = "insight")
    static class Templates {
        static native TemplateInstance page(InsightPage page);

        static native TemplateInstance gone(String lang);
    }

    private final InsightLinks links;
    private final InsightPages pages;
    private final InsightService insights;
    private final Locales locales;
    private final Formats formats;

    public InsightPageResource(InsightLinks links, InsightPages pages, InsightService insights, Locales locales, Formats formats) {
        this.links = links;
        this.pages = pages;
        this.insights = insights;
        this.locales = locales;
        this.formats = formats;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "showInsightsPage", summary = "The shop's insights page, with charts",
            description = "The page a link from createInsightsPageLink opens: the shop's complaint topics and churn intent over the chosen months, as server-rendered HTML with charts. An expired or unknown link answers a readable error page.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "410", description = "The link expired or never existed (a readable page)")
    public Response page(@RestPath String token, @RestQuery String months, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        Optional<String> slug = links.slugOf(token);
        String language = locales.match(lang).orElse(null);
        if (slug.isEmpty()) {
            String fallback = language != null ? language : formats.preferred(acceptLanguage).orElse(locales.defaultLocale());
            return HtmlPage.of(Templates.gone(fallback), 410, fallback, HtmlPage.PRIVATE);
        }
        InsightPage page = pages.page(slug.get(), "/insights/" + token, period(months), language);
        return HtmlPage.of(Templates.page(page), 200, page.lang(), HtmlPage.PRIVATE);
    }

    @GET
    @Path("export.csv")
    @Produces(InsightResource.CSV)
    @Operation(operationId = "downloadInsightsPageCsv", summary = "The insights page's trend as CSV",
            description = "The trend shown on the insights page as CSV (one line per month), opened with the same link as the page.")
    @APIResponse(responseCode = "200", description = "text/csv")
    @APIResponse(responseCode = "410", description = "The link expired")
    public Response csv(@RestPath String token, @RestQuery String months) {
        Optional<String> slug = links.slugOf(token);
        if (slug.isEmpty()) {
            return Response.status(410).type(MediaType.TEXT_PLAIN_TYPE).entity("This link has expired.").build();
        }
        return Response.ok(insights.csv(slug.get(), period(months)), InsightResource.CSV + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + slug.get() + "-insights.csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /** A link with a mistyped period shows the default rather than an error. */
    private static int period(String months) {
        return months != null && months.matches("\\d{1,2}") && Integer.parseInt(months) >= 1
                && Integer.parseInt(months) <= InsightService.MAX_MONTHS ? Integer.parseInt(months) : 12;
    }
}
