package io.shopscore.dashboard;

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

/**
 * The widget configurator (issue 12): a GET form, so choosing works without JavaScript, that shows
 * the real widget for the choice and the snippet to paste. The one dashboard page that runs a
 * script: the widget itself, from this service, and a small Copy button (application.properties
 * gives this path its own Content-Security-Policy).
 */
@Path("/dashboard/{slug}/widget")
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class DashboardWidgetResource {

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance widget(String lang, WidgetPage page);
    }

    private final DashboardGate gate;
    private final WidgetConfigurator configurator;

    public DashboardWidgetResource(DashboardGate gate, WidgetConfigurator configurator) {
        this.gate = gate;
        this.configurator = configurator;
    }

    @GET
    @Operation(operationId = "showDashboardWidget", summary = "The widget configurator",
            description = "Choose the widget's variant, theme, language and (for product stars) product; the page shows the real widget "
                    + "for that choice and the snippet to copy (HTML). Left-out parameters take the widget's defaults.")
    @APIResponse(responseCode = "200", description = "The page, with the preview and the snippet")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "400", description = "A variant, theme, language or product the widget does not know: the form again, naming it")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response widget(@RestPath String slug, @RestCookie(DashboardGate.COOKIE) String cookie, @RestQuery String variant,
            @RestQuery String theme, @RestQuery String locale, @RestQuery String sku, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage, (session, language) -> {
            WidgetPage page = configurator.page(session, language, variant, theme, locale, sku);
            return DashboardGate.page(Templates.widget(language, page), page.errors().isEmpty() ? 200 : 400, language);
        });
    }
}
