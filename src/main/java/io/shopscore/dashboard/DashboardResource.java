package io.shopscore.dashboard;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.session.MemberView;
import io.shopscore.session.NewSession;
import io.shopscore.session.SignInService;
import io.shopscore.session.SignedIn;
import io.shopscore.web.ClientAddress;
import io.shopscore.web.HtmlPage;
import io.vertx.core.http.HttpServerRequest;

/**
 * The shop's dashboard (HTML, no JavaScript): sign-in by mailed link or API key, the overview and
 * the colleagues who may sign in. Every POST must come from these pages (Origin), and every POST
 * of a signed-in browser must carry its session's form token; one shop's session opens no other
 * shop's pages (403).
 */
@Path("/dashboard")
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    static final String COOKIE = DashboardGate.COOKIE;

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance signIn(String lang, String error, String email);

        static native TemplateInstance linkSent(String lang, long minutes);

        static native TemplateInstance link(String lang, String shopName, String token);

        static native TemplateInstance linkGone(String lang, long minutes);

        static native TemplateInstance overview(String lang, Overview page);

        static native TemplateInstance colleagues(String lang, SignedIn session, List<MemberView> members, String error);

    }

    private final SignInService signIns;
    private final DashboardPages pages;
    private final DashboardGate gate;
    private final boolean secure;

    public DashboardResource(SignInService signIns, DashboardPages pages, DashboardGate gate, ShopscoreConfig config) {
        this.signIns = signIns;
        this.pages = pages;
        this.gate = gate;
        this.secure = config.publicUrl().strip().startsWith("https:");
    }

    @GET
    @Operation(operationId = "showDashboardHome", summary = "Where the dashboard starts",
            description = "Redirects (303) a signed-in browser to its shop's overview, anyone else to the sign-in page.")
    @APIResponse(responseCode = "303", description = "To the overview or the sign-in page")
    public Response home(@RestCookie(COOKIE) String cookie) {
        return signIns.signedIn(cookie).map(session -> seeOther("/dashboard/" + session.slug()))
                .orElseGet(() -> seeOther("/dashboard/sign-in"));
    }

    @GET
    @Path("sign-in")
    @Operation(operationId = "showDashboardSignIn", summary = "The dashboard's sign-in page",
            description = "Two forms (HTML): an email address, to which a member gets a single-use link, or the shop's API key.")
    @APIResponse(responseCode = "200", description = "The page")
    public Response signInPage(@RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        String language = language(lang, acceptLanguage);
        return page(Templates.signIn(language, null, null), 200, language);
    }

    @POST
    @Path("sign-in/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "requestDashboardLink", summary = "Mail a sign-in link",
            description = "Mails a single-use link (valid shopscore.dashboard.link-valid, 15 minutes by default) to the address when it belongs to a shop's member. The answer is the same either way.")
    @APIResponse(responseCode = "200", description = "If this address belongs to a shop, a link is on its way")
    @APIResponse(responseCode = "400", description = "Not an email address: the form again")
    @APIResponse(responseCode = "403", description = "Posted from another site")
    public Response requestLink(@RestForm String email, @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        String language = language(lang, acceptLanguage);
        if (!fromHere(request)) {
            return forbidden(language);
        }
        if (!SignInService.isEmail(email)) {
            return page(Templates.signIn(language, "email", email), 400, language);
        }
        signIns.requestLink(email, language);
        return page(Templates.linkSent(language, linkMinutes()), 200, language);
    }

    @POST
    @Path("sign-in/key")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "signInToDashboardWithKey", summary = "Sign in with the shop's API key",
            description = "Opens a session with the shop's API key and redirects (303) to the shop's overview.")
    @APIResponse(responseCode = "303", description = "Signed in: to the overview")
    @APIResponse(responseCode = "400", description = "No shop has this key: the form again")
    @APIResponse(responseCode = "403", description = "Posted from another site")
    public Response signInWithKey(@RestForm String apiKey, @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        String language = language(lang, acceptLanguage);
        if (!fromHere(request)) {
            return forbidden(language);
        }
        return signIns.signInWithApiKey(apiKey, ClientAddress.of(request))
                .map(this::signedIn)
                .orElseGet(() -> page(Templates.signIn(language, "apiKey", null), 400, language));
    }

    @GET
    @Path("sign-in/{token}")
    @Operation(operationId = "showDashboardLink", summary = "The page a mailed link opens",
            description = "Asks to confirm the sign-in with a button (HTML), so that a mail scanner following the link does not spend it.")
    @APIResponse(responseCode = "200", description = "The page with the button")
    @APIResponse(responseCode = "410", description = "The link was used, has expired or never existed")
    public Response linkPage(@RestPath String token, @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        String language = language(lang, acceptLanguage);
        return signIns.shopOfLink(token).map(shop -> page(Templates.link(language, shop, token), 200, language))
                .orElseGet(() -> page(Templates.linkGone(language, linkMinutes()), 410, language));
    }

    @POST
    @Path("sign-in/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "useDashboardLink", summary = "Sign in with a mailed link",
            description = "Spends the single-use link, opens a session and redirects (303) to the shop's overview.")
    @APIResponse(responseCode = "303", description = "Signed in: to the overview")
    @APIResponse(responseCode = "403", description = "Posted from another site")
    @APIResponse(responseCode = "410", description = "The link was used, has expired or never existed")
    public Response useLink(@RestPath String token, @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        String language = language(lang, acceptLanguage);
        if (!fromHere(request)) {
            return forbidden(language);
        }
        return signIns.useLink(token).map(this::signedIn).orElseGet(() -> page(Templates.linkGone(language, linkMinutes()), 410, language));
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "signOutOfDashboard", summary = "Sign out",
            description = "Ends this session (everywhere=true: every session of this member on this shop) and redirects (303) to the sign-in page.")
    @APIResponse(responseCode = "303", description = "Signed out")
    @APIResponse(responseCode = "403", description = "No valid form token, or posted from another site")
    public Response signOut(@RestCookie(COOKIE) String cookie, @RestForm String formToken, @RestForm String everywhere,
            @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        String language = language(lang, acceptLanguage);
        Optional<SignedIn> session = signIns.signedIn(cookie);
        if (session.isEmpty()) {
            return seeOther("/dashboard/sign-in?lang=" + language);
        }
        if (!fromHere(request) || !SignInService.formTokenMatches(session.get(), formToken)) {
            return forbidden(language);
        }
        if ("true".equals(everywhere)) {
            signIns.signOutEverywhere(session.get());
        } else {
            signIns.signOut(session.get());
        }
        return Response.seeOther(URI.create("/dashboard/sign-in?lang=" + language)).cookie(cookie("", 0)).build();
    }

    @GET
    @Path("{slug}")
    @Operation(operationId = "showDashboardOverview", summary = "The shop's overview",
            description = "The score and its trend by month (SVG), negative reviews waiting for an answer, response rate and median response time, and the newest reviews (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response overview(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage,
                (session, language) -> page(Templates.overview(language, pages.overview(session, language)), 200, language));
    }

    @GET
    @Path("{slug}/colleagues")
    @Operation(operationId = "showDashboardColleagues", summary = "The shop's colleagues",
            description = "Who may sign in to the shop's dashboard, with forms to add and remove colleagues (HTML); a session opened with the "
                    + "API key sees the list and a note to sign in by email instead of the forms.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response colleagues(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage,
                (session, language) -> page(Templates.colleagues(language, session, signIns.members(session), null), 200, language));
    }

    @POST
    @Path("{slug}/colleagues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "addDashboardColleague", summary = "Add a colleague",
            description = "Adds a colleague by email address (they get a mail) and redirects (303) to the list. Only for a member signed in by "
                    + "a mailed link: a session opened with the API key cannot change who has access.")
    @APIResponse(responseCode = "303", description = "Added: back to the list")
    @APIResponse(responseCode = "400", description = "Not an email address: the page again")
    @APIResponse(responseCode = "403", description = "A session opened with the API key (the page says to sign in by email), no valid form token, "
            + "posted from another site, or another shop")
    @APIResponse(responseCode = "409", description = "A member already")
    public Response addColleague(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestForm String formToken,
            @RestForm String email, @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        return gate.changeAccess(slug, cookie, formToken, lang, acceptLanguage, request, (session, language) -> {
            if (!SignInService.isEmail(email)) {
                return page(Templates.colleagues(language, session, signIns.members(session), "email"), 400, language);
            }
            signIns.addMember(session, email, language);
            return seeOther("/dashboard/" + slug + "/colleagues?lang=" + language);
        });
    }

    @POST
    @Path("{slug}/colleagues/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "removeDashboardColleague", summary = "Remove a colleague",
            description = "Removes a colleague, ends their sessions and redirects (303) to the list. Only for a member signed in by a mailed "
                    + "link: a session opened with the API key cannot change who has access.")
    @APIResponse(responseCode = "303", description = "Removed: back to the list")
    @APIResponse(responseCode = "403", description = "A session opened with the API key (the page says to sign in by email), no valid form token, "
            + "posted from another site, or another shop")
    @APIResponse(responseCode = "404", description = "No such colleague of this shop")
    public Response removeColleague(@RestPath String slug, @RestPath long id, @RestCookie(COOKIE) String cookie,
            @RestForm String formToken, @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        return gate.changeAccess(slug, cookie, formToken, lang, acceptLanguage, request, (session, language) -> {
            signIns.removeMember(session, id);
            return seeOther("/dashboard/" + slug + "/colleagues?lang=" + language);
        });
    }

    /** How long a mailed link works, as the pages say it: from the setting the links are made with. */
    private long linkMinutes() {
        return signIns.linkMinutes();
    }

    private boolean fromHere(HttpServerRequest request) {
        return gate.fromHere(request);
    }

    private Response signedIn(NewSession session) {
        return Response.seeOther(URI.create("/dashboard/" + session.slug()))
                .cookie(cookie(session.cookie(), (int) session.maxAge().toSeconds()))
                .header("Cache-Control", HtmlPage.PRIVATE)
                .build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).maxAge(maxAge).build();
    }

    private Response forbidden(String language) {
        return gate.forbidden(language);
    }

    private static Response seeOther(String location) {
        return DashboardGate.seeOther(location);
    }

    private static Response page(TemplateInstance template, int status, String language) {
        return DashboardGate.page(template, status, language);
    }

    private String language(String lang, String acceptLanguage) {
        return gate.language(lang, acceptLanguage);
    }
}
