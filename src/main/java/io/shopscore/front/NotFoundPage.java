package io.shopscore.front;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.problem.Problem;
import io.shopscore.problem.ProblemException;
import io.shopscore.web.HtmlPage;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A readable 404 page for a browser that asks for an address nobody serves; API clients (anything
 * whose Accept does not name text/html) keep their problem+json. Both ways a path can be unknown
 * lead here: no resource method under a known path (NotFoundException), and no route at all (the
 * router's last route).
 */
@ApplicationScoped
public class NotFoundPage {

    static final String DETAIL = "There is nothing at this address.";

    @CheckedTemplate(basePath = "front")
    static class Templates {
        static native TemplateInstance notFound(String lang);
    }

    private final PageLanguage languages;

    public NotFoundPage(PageLanguage languages) {
        this.languages = languages;
    }

    /** Nearer to NotFoundException than ProblemMapper's WebApplicationException mapper, so it is asked first. */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        if (wantsHtml(headers.getHeaderString(HttpHeaders.ACCEPT))) {
            String lang = languages.of(null, headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
            return HtmlPage.of(Templates.notFound(lang), 404, lang, HtmlPage.PRIVATE);
        }
        return Response.status(404).type(Problem.MEDIA_TYPE).entity(ProblemException.notFound(DETAIL).problem()).build();
    }

    /** After every other route: a browser's request for an unknown path gets the page, anything else the router's own 404. */
    void lastRoute(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(this::unrouted);
    }

    private void unrouted(RoutingContext context) {
        if (!wantsHtml(context.request().getHeader(HttpHeaders.ACCEPT))) {
            context.next();
            return;
        }
        String lang = languages.of(null, context.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String html = Templates.notFound(lang).setLocale(Locale.forLanguageTag(lang)).render();
        context.response().setStatusCode(404)
                .putHeader(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML + ";charset=UTF-8")
                .putHeader("Content-Language", lang)
                .putHeader(HttpHeaders.CACHE_CONTROL, HtmlPage.PRIVATE)
                .end(html);
    }

    /** A browser navigating names text/html in Accept; fetch(), curl and API clients do not. */
    static boolean wantsHtml(String accept) {
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }
}
