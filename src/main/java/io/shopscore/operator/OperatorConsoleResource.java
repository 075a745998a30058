package io.shopscore.operator;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.insight.InsightService;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.Problem;
import io.shopscore.problem.ProblemException;
import io.shopscore.shop.Slugs;
import io.shopscore.shop.CreateShop;
import io.shopscore.shop.ShopCreated;
import io.vertx.core.http.HttpServerRequest;

/**
 * The operator console's pages (HTML, no JavaScript): shops (search, register), the moderation
 * queue (decide), the audit trail and the platform's insights. Every request goes through
 * {@link OperatorGate}.
 */
@Path(OperatorGate.PATH)
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class OperatorConsoleResource {

    static final String COOKIE = OperatorGate.COOKIE;

    @CheckedTemplate(basePath = "operator")
    static class Templates {
        static native TemplateInstance shops(String lang, Operator operator, ShopsView view);

        static native TemplateInstance shopCreated(String lang, Operator operator, ShopCreated shop);

        static native TemplateInstance shop(String lang, Operator operator, ShopPage view);

        static native TemplateInstance shopMissing(String lang, Operator operator, String slug);

        static native TemplateInstance queue(String lang, Operator operator, QueueView view, DecisionError error);

        static native TemplateInstance audit(String lang, Operator operator, AuditView view);

        static native TemplateInstance insights(String lang, Operator operator, PlatformView view);
    }

    /**
     * What was wrong with a decision, to show beside its review's form.
     *
     * @param field  the bad field (reason, category, decision), or "conflict" / "gone" for a review decided meanwhile or unknown
     * @param reason the reason as typed, so it is not lost
     */
    public record DecisionError(long reviewId, String field, String reason) {

        /** No error: every form shows empty. */
        static final DecisionError NONE = new DecisionError(0, "", null);

        /** Whether the error is about the decision as a whole (the review is gone or was decided meanwhile). */
        public boolean general() {
            return "gone".equals(field) || "conflict".equals(field);
        }

        /** The bad field of this review's form; empty for every other review. */
        public String fieldFor(long id) {
            return id == reviewId && !general() ? field : "";
        }

        /** The reason typed into this review's form, to show it again. */
        public String reasonFor(long id) {
            return id == reviewId && reason != null ? reason : "";
        }
    }

    private final OperatorConsole console;
    private final OperatorGate gate;

    public OperatorConsoleResource(OperatorConsole console, OperatorGate gate) {
        this.console = console;
        this.gate = gate;
    }

    @GET
    @Path("shops")
    @Operation(operationId = "showOperatorShops", summary = "The registered shops",
            description = "Shops whose slug or name contains q (case-insensitive, taken literally), a page at a time, with the form to register a shop (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the console's sign-in page")
    @APIResponse(responseCode = "400", description = "Bad page number")
    public Response shops(@RestCookie(COOKIE) String cookie, @RestQuery String q, @RestQuery String page, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(cookie, lang, acceptLanguage, (operator, language) -> OperatorGate.page(
                Templates.shops(language, operator, console.shops(q, PageRequest.of(page, null), ShopsView.ShopForm.empty(), language)), 200,
                language));
    }

    @POST
    @Path("shops")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "createShopInConsole", summary = "Register a shop",
            description = "Registers a shop with the same checks as createShop and shows its API key this once (201, HTML). Not a redirect: "
                    + "the key is never stored, so no later page could show it; reloading posts again and is refused as the slug is taken.")
    @APIResponse(responseCode = "201", description = "Registered: the page with the API key",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "303", description = "Not signed in: to the console's sign-in page")
    @APIResponse(responseCode = "400", description = "A bad slug, name, URL, language or contact address: the form again, naming the field")
    @APIResponse(responseCode = "403", description = "No valid form token, or posted from another site")
    @APIResponse(responseCode = "409", description = "The slug is taken: the form again")
    public Response createShop(@RestCookie(COOKIE) String cookie, @RestForm String formToken, @RestForm String slug, @RestForm String name,
            @RestForm String websiteUrl, @RestForm String locale, @RestForm String contactEmail, @RestForm String lang,
            @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return gate.change(cookie, formToken, lang, acceptLanguage, request, (operator, language) -> {
            CreateShop body = new CreateShop(trimmed(slug), name, trimmed(websiteUrl), blankAsNull(locale), blankAsNull(contactEmail));
            try {
                ShopCreated created = console.createShop(operator, body);
                return Response.fromResponse(OperatorGate.page(Templates.shopCreated(language, operator, created), 201, language))
                        .location(URI.create(OperatorGate.PATH + "/shops?q=" + created.slug())).build();
            } catch (ProblemException problem) {
                int status = problem.problem().status();
                String field = status == 409 ? "taken" : firstField(problem.problem());
                ShopsView.ShopForm form = new ShopsView.ShopForm(orEmpty(slug), orEmpty(name), orEmpty(websiteUrl), orEmpty(locale),
                        orEmpty(contactEmail), field);
                return OperatorGate.page(Templates.shops(language, operator, console.shops(null, PageRequest.of(null, null), form, language)),
                        status, language);
            }
        });
    }

    @GET
    @Path("shops/{slug}")
    @Operation(operationId = "showOperatorShop", summary = "One shop",
            description = "A registered shop with its contact address and the form to set, replace or remove it (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the console's sign-in page")
    @APIResponse(responseCode = "404", description = "No such shop: a page saying so")
    public Response shop(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestQuery boolean saved, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(cookie, lang, acceptLanguage, (operator, language) -> console.shop(slug, null, saved, language)
                .map(view -> OperatorGate.page(Templates.shop(language, operator, view), 200, language))
                .orElseGet(() -> OperatorGate.page(Templates.shopMissing(language, operator, slug), 404, language)));
    }

    @POST
    @Path("shops/{slug}/contact")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "setShopContactInConsole", summary = "Set or replace a shop's contact address",
            description = "The same change and check as setShopContact (empty removes the address; the replaced address stops being a "
                    + "member and its sessions end), recorded in the console's audit trail with the old and the new address. Redirects "
                    + "(303) to the shop's page.")
    @APIResponse(responseCode = "303", description = "Saved: back to the shop's page")
    @APIResponse(responseCode = "400", description = "Not an email address: the shop's page again, naming the field")
    @APIResponse(responseCode = "403", description = "No valid form token, or posted from another site")
    @APIResponse(responseCode = "404", description = "No such shop: a page saying so")
    public Response setContact(@RestPath String slug, @RestCookie(COOKIE) String cookie, @RestForm String formToken,
            @RestForm String contactEmail, @RestForm String lang, @RestHeader("Accept-Language") String acceptLanguage,
            @Context HttpServerRequest request) {
        return gate.change(cookie, formToken, lang, acceptLanguage, request, (operator, language) -> {
            try {
                console.changeContact(operator, slug, contactEmail);
                return OperatorGate.seeOther(OperatorGate.PATH + "/shops/" + slug + "?saved=true&lang=" + language);
            } catch (ProblemException problem) {
                ShopPage.ContactForm form = new ShopPage.ContactForm(orEmpty(contactEmail), firstField(problem.problem()));
                return console.shop(slug, form, false, language)
                        .filter(view -> problem.problem().status() == 400)
                        .map(view -> OperatorGate.page(Templates.shop(language, operator, view), 400, language))
                        .orElseGet(() -> OperatorGate.page(Templates.shopMissing(language, operator, slug), 404, language));
            }
        });
    }

    @GET
    @Path("queue")
    @Operation(operationId = "showOperatorQueue", summary = "The moderation queue",
            description = "Held, reported and noticed reviews, oldest first, each with its hold reasons, reports, notices and audit trail, "
                    + "and a form to publish, remove or keep it (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the console's sign-in page")
    @APIResponse(responseCode = "400", description = "Bad page number or shop")
    public Response queue(@RestCookie(COOKIE) String cookie, @RestQuery String page, @RestQuery String shop, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(cookie, lang, acceptLanguage, (operator, language) -> OperatorGate.page(
                Templates.queue(language, operator, console.queue(queuePage(page), queueShop(shop), language), DecisionError.NONE), 200,
                language));
    }

    @POST
    @Path("queue/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(operationId = "decideInConsole", summary = "Publish, remove or keep a review",
            description = "The same decision and rules as decideOnReview: a removal needs a public reason and a category, keeping needs a "
                    + "reason. Recorded in the console's audit trail; redirects (303) to the queue.")
    @APIResponse(responseCode = "303", description = "Decided: back to the queue")
    @APIResponse(responseCode = "400", description = "No reason for a removal or keeping, no or an unknown category, or no decision: "
            + "the queue again, naming the field")
    @APIResponse(responseCode = "403", description = "No valid form token, or posted from another site")
    @APIResponse(responseCode = "404", description = "No such review: the queue again")
    @APIResponse(responseCode = "409", description = "Decided meanwhile, or nothing to keep: the queue again")
    public Response decide(@RestPath long id, @RestCookie(COOKIE) String cookie, @RestForm String formToken, @RestForm String decision,
            @RestForm String reason, @RestForm String category, @RestForm String shop, @RestForm String page, @RestForm String lang,
            @RestHeader("Accept-Language") String acceptLanguage, @Context HttpServerRequest request) {
        return gate.change(cookie, formToken, lang, acceptLanguage, request, (operator, language) -> {
            // back to the queue as the operator saw it: the same shop and page
            String shown = queueShop(shop);
            PageRequest onPage = queuePage(page);
            try {
                console.decide(operator, id, decision, reason, category);
                return OperatorGate.seeOther(OperatorGate.PATH + "/queue?lang=" + language
                        + (shown == null ? "" : "&shop=" + shown) + "&page=" + onPage.page());
            } catch (ProblemException problem) {
                int status = problem.problem().status();
                String field = switch (status) {
                    case 404 -> "gone";
                    case 409 -> "conflict";
                    default -> firstField(problem.problem());
                };
                return OperatorGate.page(Templates.queue(language, operator, console.queue(onPage, shown, language),
                        new DecisionError(id, field, reason)), status, language);
            }
        });
    }

    @GET
    @Path("audit")
    @Operation(operationId = "showOperatorAudit", summary = "The console's audit trail",
            description = "Every decision, shop registration and change of a contact address made in the console: when, who, what, which "
                    + "shop or review, and why (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the console's sign-in page")
    @APIResponse(responseCode = "400", description = "Bad page number")
    public Response audit(@RestCookie(COOKIE) String cookie, @RestQuery String page, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(cookie, lang, acceptLanguage, (operator, language) -> OperatorGate.page(
                Templates.audit(language, operator, console.audit(PageRequest.of(page, "50"), language)), 200, language));
    }

    @GET
    @Path("insights")
    @Operation(operationId = "showOperatorInsights", summary = "The platform's insights",
            description = "What unhappy customers complain about over every shop (the figures of getPlatformInsights), with an SVG chart, "
                    + "the study beside them and the months as a table (HTML).")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "303", description = "Not signed in: to the console's sign-in page")
    @APIResponse(responseCode = "400", description = "months is not 1 to 36")
    public Response insights(@RestCookie(COOKIE) String cookie, @RestQuery String months, @RestQuery String lang,
            @RestHeader("Accept-Language") String acceptLanguage) {
        return gate.view(cookie, lang, acceptLanguage, (operator, language) -> OperatorGate.page(
                Templates.insights(language, operator, console.platform(InsightService.months(months), language)), 200, language));
    }

    private static PageRequest queuePage(String page) {
        return PageRequest.of(page, "10");
    }

    /** The one shop the queue shows, null for every shop; a slug that cannot exist is a 400 naming the field. */
    private static String queueShop(String shop) {
        if (shop == null || shop.isBlank()) {
            return null;
        }
        if (!Slugs.isValid(shop.strip())) {
            throw ProblemException.invalid("shop", "must be a shop's slug");
        }
        return shop.strip();
    }

    private static String firstField(Problem problem) {
        List<Problem.Violation> violations = problem.violations();
        return violations == null || violations.isEmpty() ? "input" : violations.get(0).field();
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
