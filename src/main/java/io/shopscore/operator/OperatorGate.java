package io.shopscore.operator;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.i18n.Formats;
import io.shopscore.session.RequestOrigin;
import io.shopscore.web.HtmlPage;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one door to the operator console. Every page goes through {@link #view} (GET) or
 * {@link #change} (POST): not signed in goes to the console's sign-in page (303), and a change
 * must also come from this site (Origin) and carry the session's form token (else 403). Only the
 * console's own cookie is read, so a shop's dashboard session opens nothing here.
 */
@ApplicationScoped
public class OperatorGate {

    /** The cookie that carries the signed session; sent only to the console's paths. */
    public static final String COOKIE = "shopscore_operator";
    public static final String PATH = "/operator";

    /** What a page does once the gate has let the request in. */
    @FunctionalInterface
    public interface Page {
        Response render(Operator operator, String language);
    }

    @CheckedTemplate(basePath = "operator")
    static class Templates {
        static native TemplateInstance forbidden(String lang);
    }

    private final OperatorSignIn signIns;
    private final Formats formats;
    private final String publicUrl;

    public OperatorGate(OperatorSignIn signIns, Formats formats, ShopscoreConfig config) {
        this.signIns = signIns;
        this.formats = formats;
        this.publicUrl = config.publicUrl().strip();
    }

    /** A page of the console. */
    public Response view(String cookie, String lang, String acceptLanguage, Page page) {
        String language = language(lang, acceptLanguage);
        Optional<Operator> operator = signIns.signedIn(cookie);
        if (operator.isEmpty()) {
            return toSignIn(language);
        }
        return page.render(operator.get(), language);
    }

    /** A form post of the console that changes something. */
    public Response change(String cookie, String formToken, String lang, String acceptLanguage, HttpServerRequest request, Page page) {
        String language = language(lang, acceptLanguage);
        Optional<Operator> operator = signIns.signedIn(cookie);
        if (operator.isEmpty()) {
            return toSignIn(language);
        }
        if (!fromHere(request) || !OperatorSignIn.formTokenMatches(operator.get(), formToken)) {
            return forbidden(language);
        }
        return page.render(operator.get(), language);
    }

    /** Whether a POST comes from this site: its Origin (or Referer) is the public URL's or the one it was sent to. */
    public boolean fromHere(HttpServerRequest request) {
        return RequestOrigin.sameSite(request.getHeader("Origin"), request.getHeader("Referer"), publicUrl, request.scheme(),
                request.getHeader("Host"));
    }

    /** The page's language: {@code ?lang=} when offered, else the browser's, else the service's default. */
    public String language(String lang, String acceptLanguage) {
        return formats.pageLanguage(lang, acceptLanguage);
    }

    public Response forbidden(String language) {
        return page(Templates.forbidden(language), 403, language);
    }

    public static Response toSignIn(String language) {
        return seeOther(PATH + "/sign-in?lang=" + language);
    }

    /** A redirect after a change (303), never cached. */
    public static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).header("Cache-Control", HtmlPage.PRIVATE).build();
    }

    /** A console page: never stored by any cache. */
    public static Response page(TemplateInstance template, int status, String language) {
        return HtmlPage.of(template, status, language, HtmlPage.PRIVATE);
    }
}
