package io.shopscore.dashboard;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.i18n.Formats;
import io.shopscore.session.RequestOrigin;
import io.shopscore.session.SignInService;
import io.shopscore.session.SignedIn;
import io.shopscore.web.HtmlPage;
import io.vertx.core.http.HttpServerRequest;

/**
 * The one door to a shop's dashboard pages. Every page of {@code /dashboard/{slug}/...} goes
 * through {@link #view} (GET) or {@link #change} (POST), so the rules hold everywhere alike:
 * not signed in goes to the sign-in page (303), another shop's session is refused (403), and a
 * change must also come from this site (Origin) and carry the session's form token (else 403).
 * A change to who has access (API keys, colleagues, the contact address) goes through
 * {@link #changeAccess}, which refuses a session opened with the API key (403, saying why).
 */
@ApplicationScoped
public class DashboardGate {

    /** The cookie that carries the signed session. */
    public static final String COOKIE = "shopscore_session";

    /** What a page does once the gate has let the request in. */
    @FunctionalInterface
    public interface Page {
        Response render(SignedIn session, String language);
    }

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance forbidden(String lang);

        static native TemplateInstance memberOnly(String lang, String slug);
    }

    private final SignInService signIns;
    private final Formats formats;
    private final String publicUrl;

    public DashboardGate(SignInService signIns, Formats formats, ShopscoreConfig config) {
        this.signIns = signIns;
        this.formats = formats;
        this.publicUrl = config.publicUrl().strip();
    }

    /** A page that shows something of the shop's. */
    public Response view(String slug, String cookie, String lang, String acceptLanguage, Page page) {
        String language = language(lang, acceptLanguage);
        Optional<SignedIn> session = signIns.signedIn(cookie);
        if (session.isEmpty()) {
            return toSignIn(language);
        }
        if (!session.get().slug().equals(slug)) {
            return forbidden(language);
        }
        return page.render(session.get(), language);
    }

    /** A form post that changes something of the shop's. */
    public Response change(String slug, String cookie, String formToken, String lang, String acceptLanguage,
            HttpServerRequest request, Page page) {
        String language = language(lang, acceptLanguage);
        Optional<SignedIn> session = signIns.signedIn(cookie);
        if (session.isEmpty()) {
            return toSignIn(language);
        }
        if (!session.get().slug().equals(slug) || !fromHere(request) || !SignInService.formTokenMatches(session.get(), formToken)) {
            return forbidden(language);
        }
        return page.render(session.get(), language);
    }

    /**
     * A form post that changes who has access to the shop: as {@link #change}, and only for a member
     * signed in by a mailed link ({@link SignedIn#mayManageAccess}); a session opened with the API key
     * gets 403 and a page saying to sign in with an email address. The one place this rule lives.
     */
    public Response changeAccess(String slug, String cookie, String formToken, String lang, String acceptLanguage,
            HttpServerRequest request, Page page) {
        return change(slug, cookie, formToken, lang, acceptLanguage, request,
                (session, language) -> session.mayManageAccess() ? page.render(session, language)
                        : page(Templates.memberOnly(language, session.slug()), 403, language));
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
        return seeOther("/dashboard/sign-in?lang=" + language);
    }

    /** A redirect after a change (303), never cached. */
    public static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).header("Cache-Control", HtmlPage.PRIVATE).build();
    }

    /** A dashboard page: personal, so never stored by any cache. */
    public static Response page(TemplateInstance template, int status, String language) {
        return HtmlPage.of(template, status, language, HtmlPage.PRIVATE);
    }
}
