package io.shopscore.dashboard;

import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.insight.InsightPage;
import io.shopscore.insight.InsightPages;
import io.shopscore.insight.InsightService;
import io.shopscore.session.SignedIn;
import io.shopscore.web.HtmlPage;

/**
 * The shop's insights inside its dashboard (issue 12): the same page as the hour-long link's
 * ({@code /insights/{token}}), from the same {@link InsightPages}, for the signed-in shop.
 */
@Path("/dashboard/{slug}/insights")
@Tag(name = "Pages")
public class DashboardInsightsResource {

    private static final int DEFAULT_MONTHS = 12;

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance insights(String lang, SignedIn session, InsightPage page, boolean badPeriod);
    }

    private final DashboardGate gate;
    private final InsightPages pages;
    private final InsightService insights;

    public DashboardInsightsResource(DashboardGate gate, InsightPages pages, InsightService insights) {
        this.gate = gate;
        this.pages = pages;
        this.insights = insights;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "showDashboardInsights", summary = "The shop's insights",
            description = "What the shop's customers complained about and who will not buy again, over the chosen months (1 to 36, "
                    + "default 12), with charts and a table (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "400", description = "Not a period of 1 to 36 months: the page for 12 months, saying so")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response insights(@RestPath String slug, @RestCookie(DashboardGate.COOKIE) String cookie, @RestQuery String months,
            @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage, (session, language) -> {
            Optional<Integer> period = period(months);
            InsightPage page = pages.page(session.slug(), address(session), period.orElse(DEFAULT_MONTHS), language);
            return DashboardGate.page(Templates.insights(language, session, page, period.isEmpty()), period.isPresent() ? 200 : 400, language);
        });
    }

    @GET
    @Path("export.csv")
    @Produces({ "text/csv", MediaType.TEXT_HTML })
    @Operation(operationId = "downloadDashboardInsightsCsv", summary = "The insights' trend as CSV",
            description = "The trend of the dashboard's insights page as CSV (text/csv, one line per month), for the signed-in shop.")
    @APIResponse(responseCode = "200", description = "text/csv")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "400", description = "Not a period of 1 to 36 months")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response csv(@RestPath String slug, @RestCookie(DashboardGate.COOKIE) String cookie, @RestQuery String months,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, null, acceptLanguage, (session, language) ->
                Response.ok(insights.csv(session.slug(), InsightService.months(months)), "text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + session.slug() + "-insights.csv\"")
                        .header("Cache-Control", HtmlPage.PRIVATE)
                        .build());
    }

    private static String address(SignedIn session) {
        return "/dashboard/" + session.slug() + "/insights";
    }

    /** A period the page can show: 1 to 36 months, or the default when none is named. */
    static Optional<Integer> period(String months) {
        if (months == null || months.isEmpty()) {
            return Optional.of(DEFAULT_MONTHS);
        }
        if (!months.matches("\\d{1,2}") || Integer.parseInt(months) < 1 || Integer.parseInt(months) > InsightService.MAX_MONTHS) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(months));
    }
}
