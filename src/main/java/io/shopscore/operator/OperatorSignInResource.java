package io.shopscore.operator;

import java.net.URI;

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
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.config.ShopscoreConfig;
import io.shopscore.web.HtmlPage;
import io.vertx.core.http.HttpServerRequest;

/**
 * Signing in to the operator console with the admin token, and out again (HTML, no JavaScript).
 * The sign-in form is rate-limited per client address like the dashboard's, and must come from
 * this site (Origin).
 */
@Path(OperatorGate.PATH)
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class OperatorSignInResource {

    static final String COOKIE = OperatorGate.COOKIE;

    @CheckedTemplate(basePath = "operator")
    static class Templates {
        static native TemplateInstance signIn(String lang, String error, String name);
    }

    private final OperatorSignIn signIns;
    private final OperatorGate gate;
    private final boolean secure;

    public OperatorSignInResource(OperatorSignIn signIns, OperatorGate gate, ShopscoreConfig config) {
        this.signIns = signIns;
        this.gate = gate;
        this.secure = config.publicUrl().strip().startsWith("https:");
    }

    @GET
    @Operation(operationId = "showOperatorHome", summary = "Where the operator console starts",
            description = "Redirects (303) a signed-in operator to the moderation queue, anyone else to the console's sign-in page.")
    @APIResponse(responseCode = "303", description = "To the moderation queue or the sign-in page")
    public Response home(@RestCookie(COOKIE) String cookie, @RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(cookie, lang, acceptLanguage, (operator, language) -> OperatorGate.seeOther(OperatorGate.PATH + "/queue?lang=" + language));
    }

    @GET
    @Path("sign-in")
    @Operation(operationId = "showOperatorSignIn", summary = "The operator console's sign-in page",
            description = "A form (HTML) for the admin token and the name the audit trail records.")
    @APIResponse(responseCode = "200", description = "The page")
    public Response signInPage(@RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        String language = gate.language(lang, acceptLanguage);
        return OperatorGate.page(Templates.signIn(language, null, null), 200, language);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "signInToOperatorConsole", summary = "Sign in with the admin token",
            description = "Opens a console session (2 hours idle, 12 hours at most) and redirects (303) to the moderation queue.")
    @APIResponse(responseCode = "303", description = "Signed in: to the moderation queue")
    @APIResponse(responseCode = "400", description = "Not the admin token, or a name that is too long: the form again")
    @APIResponse(responseCode = "403", description = "Posted from another site")
    @APIResponse(responseCode = "429", description = "Too many attempts from this address")
    public Response signIn(@RestForm String token, @RestForm String name, @RestForm String lang,
            @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        String language = gate.language(lang, acceptLanguage);
        if (!gate.fromHere(request)) {
            return gate.forbidden(language);
        }
        if (!OperatorSignIn.isName(name)) {
            return OperatorGate.page(Templates.signIn(language, "name", null), 400, language);
        }
        return signIns.signIn(token, name)
                .map(session -> Response.seeOther(URI.create(OperatorGate.PATH + "/queue?lang=" + language))
                        .cookie(cookie(session.cookie(), (int) session.maxAge().toSeconds()))
                        .header("Cache-Control", HtmlPage.PRIVATE)
                        .build())
                .orElseGet(() -> OperatorGate.page(Templates.signIn(language, "token", name), 400, language));
    }

    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "signOutOfOperatorConsole", summary = "Sign out of the operator console",
            description = "Ends this console session and redirects (303) to the sign-in page.")
    @APIResponse(responseCode = "303", description = "Signed out, or not signed in")
    @APIResponse(responseCode = "403", description = "No valid form token, or posted from another site")
    public Response signOut(@RestCookie(COOKIE) String cookie, @RestForm String formToken, @RestForm String lang,
            @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return gate.change(cookie, formToken, lang, acceptLanguage, request, (operator, language) -> {
            signIns.signOut(operator);
            return Response.seeOther(URI.create(OperatorGate.PATH + "/sign-in?lang=" + language)).cookie(cookie("", 0))
                    .header("Cache-Control", HtmlPage.PRIVATE).build();
        });
    }

    /** Sent only to the console's paths, never to a shop's dashboard; Strict, as nothing links into the console from elsewhere. */
    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path(OperatorGate.PATH).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
