package io.shopscore.dashboard;

import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
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
import io.shopscore.i18n.Locales;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.ProblemException;
import io.shopscore.session.SignedIn;
import io.shopscore.shop.NewApiKey;
import io.shopscore.shop.ShopProfile;
import io.shopscore.shop.ShopService;
import io.shopscore.webhook.WebhookService;
import io.shopscore.webhook.WebhookView;
import io.vertx.core.http.HttpServerRequest;

/**
 * The shop's settings (HTML, no JavaScript): its profile and language, when invitation mails go
 * out, a preview of those mails, its webhook with the delivery log, and its API keys. Every change
 * goes through the same services and rules as the API; a secret (a new key, a new webhook's signing
 * secret) is shown once, on the page that answers the POST, and never again.
 */
@Path("/dashboard/{slug}/settings")
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class DashboardSettingsResource {

    static final String COOKIE = DashboardGate.COOKIE;

    @CheckedTemplate(basePath = "dashboard")
    static class Templates {
        static native TemplateInstance settings(String lang, SettingsPages.Profile page);

        static native TemplateInstance settingsPreview(String lang, SettingsPages.Preview page);

        static native TemplateInstance settingsWebhook(String lang, SettingsPages.Webhook page);

        static native TemplateInstance settingsKeys(String lang, SettingsPages.Keys page);
    }

    private final DashboardGate gate;
    private final SettingsPages pages;
    private final ShopService shops;
    private final WebhookService webhooks;
    private final Locales locales;

    public DashboardSettingsResource(DashboardGate gate, SettingsPages pages, ShopService shops, WebhookService webhooks, Locales locales) {
        this.gate = gate;
        this.pages = pages;
        this.shops = shops;
        this.webhooks = webhooks;
        this.locales = locales;
    }

    @GET
    @Operation(operationId = "showDashboardSettings", summary = "The shop's profile and invitation-mail settings",
            description = "Forms for the shop's name, website and language, its contact address (for a session opened with the API key: shown, "
                    + "with a note to sign in by email to change it), and when invitation mails and their reminder go out (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response settings(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestQuery String lang, @RestQuery String saved,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage,
                (session, language) -> page(Templates.settings(language, pages.profile(session, language, "true".equals(saved))), 200, language));
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "changeDashboardProfile", summary = "Change the shop's profile",
            description = "Changes the shop's name, website and language, with the same rules as registering a shop. Redirects (303) to the settings.")
    @APIResponse(responseCode = "303", description = "Saved: back to the settings")
    @APIResponse(responseCode = "400", description = "A field is refused: the page again, naming it")
    @APIResponse(responseCode = "403", description = "No valid form token, posted from another site, or another shop")
    public Response changeProfile(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestForm String formToken,
            @RestForm String name, @RestForm String websiteUrl, @RestForm String locale,
            @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return gate.change(slug, cookie, formToken, lang, acceptLanguage, request, (session, language) -> {
            ShopProfile profile = new ShopProfile(name, blankToNull(websiteUrl), blankToNull(locale));
            Optional<String> refused = pages.refused(profile);
            if (refused.isPresent()) {
                SettingsPages.Fields current = pages.profile(session, language, false).fields();
                SettingsPages.Fields fields = new SettingsPages.Fields(name, websiteUrl, locale, current.contactEmail(),
                        current.invitationDelayDays(), current.reminderAfterDays());
                return page(Templates.settings(language, pages.profile(session, language, fields, refused.get(), false)), 400, language);
            }
            shops.describe(slug, profile);
            return DashboardGate.seeOther("/dashboard/" + slug + "/settings?saved=true&lang=" + language);
        });
    }

    @POST
    @Path("contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "changeDashboardContact", summary = "Change the shop's contact address",
            description = "Sets the address negative reviews are reported to, which is also a member who may sign in (empty for none), with the "
                    + "settings API's rule; the sessions of a replaced address end. Only for a member signed in by a mailed link: a session "
                    + "opened with the API key cannot change who has access. Redirects (303) to the settings.")
    @APIResponse(responseCode = "303", description = "Saved: back to the settings")
    @APIResponse(responseCode = "400", description = "Not an email address: the page again, naming the field")
    @APIResponse(responseCode = "403", description = "A session opened with the API key (the page says to sign in by email), no valid form token, "
            + "posted from another site, or another shop")
    public Response changeContact(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestForm String formToken,
            @RestForm String contactEmail, @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        return gate.changeAccess(slug, cookie, formToken, lang, acceptLanguage, request, (session, language) -> {
            String contact = blankToNull(contactEmail);
            Optional<String> refused = pages.refusedContact(contact);
            if (refused.isPresent()) {
                SettingsPages.Fields current = pages.profile(session, language, false).fields();
                SettingsPages.Fields fields = new SettingsPages.Fields(current.name(), current.websiteUrl(), current.locale(), contactEmail,
                        current.invitationDelayDays(), current.reminderAfterDays());
                return page(Templates.settings(language, pages.profile(session, language, fields, refused.get(), false)), 400, language);
            }
            shops.changeContact(slug, contact);
            return DashboardGate.seeOther("/dashboard/" + slug + "/settings?saved=true&lang=" + language);
        });
    }

    @POST
    @Path("mails")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "changeDashboardMailTiming", summary = "Change when invitation mails go out",
            description = "Sets the days before the invitation mail (0 to 60) and after it the one reminder (0 for none, empty for the platform default), "
                    + "as the settings API does; nothing else of the shop changes. Redirects (303) to the settings.")
    @APIResponse(responseCode = "303", description = "Saved: back to the settings")
    @APIResponse(responseCode = "400", description = "A field is refused: the page again, naming it")
    @APIResponse(responseCode = "403", description = "No valid form token, posted from another site, or another shop")
    public Response changeMailTiming(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestForm String formToken,
            @RestForm String invitationDelayDays, @RestForm String reminderAfterDays, @RestForm String lang,
            @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return gate.change(slug, cookie, formToken, lang, acceptLanguage, request, (session, language) -> {
            Optional<Integer> delay = wholeNumber(invitationDelayDays);
            Optional<Integer> reminder = wholeNumber(reminderAfterDays);
            Optional<String> refused = delay.isEmpty() ? Optional.of("invitationDelayDays")
                    : reminder.isEmpty() && !isBlank(reminderAfterDays) ? Optional.of("reminderAfterDays")
                    : pages.refusedTiming(delay.get(), reminder.orElse(null));
            if (refused.isPresent()) {
                SettingsPages.Fields current = pages.profile(session, language, false).fields();
                SettingsPages.Fields fields = new SettingsPages.Fields(current.name(), current.websiteUrl(),
                        current.locale(), current.contactEmail(), invitationDelayDays, reminderAfterDays);
                return page(Templates.settings(language, pages.profile(session, language, fields, refused.get(), false)), 400, language);
            }
            shops.timeMails(slug, delay.get(), reminder.orElse(null));
            return DashboardGate.seeOther("/dashboard/" + slug + "/settings?saved=true&lang=" + language);
        });
    }

    @GET
    @Path("mail-preview")
    @Operation(operationId = "showDashboardMailPreview", summary = "The shop's invitation mails as customers get them",
            description = "The invitation and its reminder rendered with the real mail templates for a sample order, in one language "
                    + "(mailLang, default the shop's): subject, plain text and HTML source. Nothing is sent.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response mailPreview(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestQuery String lang,
            @RestQuery String mailLang, @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage, (session, language) -> {
            String previewLanguage = locales.match(mailLang).orElseGet(() -> shops.profile(slug).locale());
            return page(Templates.settingsPreview(language, pages.preview(session, previewLanguage)), 200, language);
        });
    }

    @GET
    @Path("webhook")
    @Operation(operationId = "showDashboardWebhook", summary = "The shop's webhook and its deliveries",
            description = "Where review events are posted, with forms to set, move or remove it, and the deliveries newest first "
                    + "(event, state, status code, attempts, time, next try), 10 a page (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "400", description = "Bad page number")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response webhook(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestQuery String lang, @RestQuery String page,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage, (session, language) -> page(Templates.settingsWebhook(language,
                pages.webhook(session, language, deliveries(page), null, null, null)), 200, language));
    }

    @POST
    @Path("webhook")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "setDashboardWebhook", summary = "Set or move the shop's webhook",
            description = "Registers the webhook or moves it, with the API's rules (https, never inside a private network). "
                    + "A new webhook's signing secret is shown on the page that answers (200), this once; a move redirects (303).")
    @APIResponse(responseCode = "200", description = "Created: the page with the signing secret, shown this once")
    @APIResponse(responseCode = "303", description = "Moved: back to the webhook page")
    @APIResponse(responseCode = "400", description = "The address is refused: the page again, naming it")
    @APIResponse(responseCode = "403", description = "No valid form token, posted from another site, or another shop")
    public Response setWebhook(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestForm String formToken, @RestForm String url,
            @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return gate.change(slug, cookie, formToken, lang, acceptLanguage, request, (session, language) -> {
            String address = url == null ? null : url.strip();
            Optional<String> refused = pages.refused(new WebhookView.Request(address));
            WebhookView saved = null;
            if (refused.isEmpty()) {
                try {
                    saved = webhooks.register(slug, address);
                } catch (ProblemException destination) {
                    if (destination.problem().status() != 400) {
                        throw destination;
                    }
                    refused = Optional.of("url");
                }
            }
            if (refused.isPresent()) {
                return page(Templates.settingsWebhook(language, pages.webhook(session, language, deliveries(null), null, url, "url")), 400,
                        language);
            }
            if (saved.secret() != null) {
                return page(Templates.settingsWebhook(language, pages.webhook(session, language, deliveries(null), saved.secret(), null, null)),
                        200, language);
            }
            return DashboardGate.seeOther("/dashboard/" + slug + "/settings/webhook?lang=" + language);
        });
    }

    @POST
    @Path("webhook/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "removeDashboardWebhook", summary = "Remove the shop's webhook",
            description = "Stops calls to the webhook (pending deliveries are skipped) and redirects (303) to the webhook page.")
    @APIResponse(responseCode = "303", description = "Removed (or there was none): back to the webhook page")
    @APIResponse(responseCode = "403", description = "No valid form token, posted from another site, or another shop")
    public Response removeWebhook(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestForm String formToken,
            @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return gate.change(slug, cookie, formToken, lang, acceptLanguage, request, (session, language) -> {
            webhooks.delete(slug);
            return DashboardGate.seeOther("/dashboard/" + slug + "/settings/webhook?lang=" + language);
        });
    }

    @GET
    @Path("api-keys")
    @Operation(operationId = "showDashboardApiKeys", summary = "The shop's API keys",
            description = "The shop's keys (never the keys themselves): label, created, last used, revoked; with forms to create a second key and to "
                    + "revoke one, or for a session opened with the API key a note to sign in by email instead (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the sign-in page")
    @APIResponse(responseCode = "403", description = "Signed in for another shop")
    public Response apiKeys(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(slug, cookie, lang, acceptLanguage,
                (session, language) -> page(Templates.settingsKeys(language, pages.keys(session, language, null, null, null)), 200, language));
    }

    @POST
    @Path("api-keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "createDashboardApiKey", summary = "Create another API key",
            description = "Creates a key next to the live one, so the shop can deploy it before revoking the old one. The key is shown on the page "
                    + "that answers (200), this once; Shopscore keeps only its digest. At most two keys are live. Only for a member signed in by a "
                    + "mailed link: a session opened with the API key cannot change who has access.")
    @APIResponse(responseCode = "200", description = "Created: the page with the new key, shown this once")
    @APIResponse(responseCode = "400", description = "The label is refused: the page again, naming it")
    @APIResponse(responseCode = "403", description = "A session opened with the API key (the page says to sign in by email), no valid form token, "
            + "posted from another site, or another shop")
    @APIResponse(responseCode = "409", description = "Two keys are live already: the page again, saying so")
    public Response createApiKey(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestForm String formToken,
            @RestForm String label, @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        return gate.changeAccess(slug, cookie, formToken, lang, acceptLanguage, request, (session, language) -> {
            try {
                NewApiKey created = shops.createApiKey(slug, label);
                return keysPage(session, language, created.apiKey(), null, null, 200);
            } catch (ProblemException refused) {
                int status = refused.problem().status();
                return keysPage(session, language, null, label, status == 400 ? "label" : "limit", status);
            }
        });
    }

    @POST
    @Path("api-keys/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "revokeDashboardApiKey", summary = "Revoke an API key",
            description = "The key opens nothing from now on, and the dashboard sessions opened with it end; redirects (303) to the keys. "
                    + "The shop's only live key cannot be revoked (create the next one first). Only for a member signed in by a mailed link.")
    @APIResponse(responseCode = "303", description = "Revoked: back to the keys (or, for this session's own key, to the sign-in page)")
    @APIResponse(responseCode = "403", description = "A session opened with the API key (the page says to sign in by email), no valid form token, "
            + "posted from another site, or another shop")
    @APIResponse(responseCode = "404", description = "No such live key of this shop: the page again, saying so")
    @APIResponse(responseCode = "409", description = "The shop's only live key: the page again, saying so")
    public Response revokeApiKey(@RestPath String slug, @RestPath String id, @RestCookie(COOKIE) String cookie, @RestForm String formToken,
            @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return gate.changeAccess(slug, cookie, formToken, lang, acceptLanguage, request, (session, language) -> {
            Optional<Integer> keyId = wholeNumber(id);
            try {
                shops.revokeApiKey(slug, keyId.orElseThrow(() -> ProblemException.notFound("No such key.")));
                return DashboardGate.seeOther("/dashboard/" + slug + "/settings/api-keys?lang=" + language);
            } catch (ProblemException refused) {
                int status = refused.problem().status();
                return keysPage(session, language, null, null, status == 409 ? "last" : "gone", status);
            }
        });
    }

    private Response keysPage(SignedIn session, String language, String newKey, String label, String error, int status) {
        return page(Templates.settingsKeys(language, pages.keys(session, language, newKey, label, error)), status, language);
    }

    private static PageRequest deliveries(String page) {
        return PageRequest.of(page, String.valueOf(SettingsPages.DELIVERIES));
    }

    /** A whole number as a form sends it; empty for anything else (blank included). */
    private static Optional<Integer> wholeNumber(String value) {
        if (isBlank(value) || value.strip().length() > 9 || !value.strip().chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.strip();
    }

    private static Response page(TemplateInstance template, int status, String language) {
        return DashboardGate.page(template, status, language);
    }
}
