package io.shopscore.operator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.DistinctClientAddresses;
import io.shopscore.testing.MovableClock;

/** The operator console through HTTP as a browser uses it: sign-in, sessions, cross-site protection, shops, moderation and the audit trail. */
@QuarkusTest
class OperatorConsoleTest {

    /** The configured public URL in tests: a browser on it sends this Origin. */
    static final String ORIGIN = "http://localhost:8080";
    static final String COOKIE = "shopscore_operator";

    @Inject
    MovableClock clock;

    @Inject
    EntityManager entities;

    @AfterEach
    void reset() {
        clock.reset();
    }

    static RequestSpecification form() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", ORIGIN);
    }

    /** Signs in with the admin token under this name; returns the console's cookie. */
    static String signIn(String name) {
        return form().formParam("token", Api.ADMIN_TOKEN).formParam("name", name).formParam("lang", "en").post("/operator/sign-in")
                .then().statusCode(303).header("Location", endsWith("/operator/queue?lang=en"))
                .extract().cookie(COOKIE);
    }

    static String formToken(String cookie) {
        String page = given().cookie(COOKIE, cookie).get("/operator/shops?lang=en").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(matcher.find(), "every form carries the session's token");
        return matcher.group(1);
    }

    /** A review the content screen holds for the operator, because it names a website. */
    static long heldReview(TestShop shop, String text) {
        String token = shop.invite();
        return given().contentType(ContentType.JSON).body(Map.of("score", 7, "text", text))
                .post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery(sql).setParameter(1, parameter)
                .getSingleResult()).longValue());
    }

    @Test
    void adminTokenOpensTheConsoleWithASafeCookie() {
        Response response = form().formParam("token", Api.ADMIN_TOKEN).formParam("name", "Tess <Ops>").post("/operator/sign-in");
        assertEquals(303, response.statusCode());
        String setCookie = response.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith(COOKIE + "="), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/operator"), "never sent to a shop's dashboard: " + setCookie);

        given().cookie(COOKIE, response.getCookie(COOKIE)).get("/operator/queue?lang=en").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("Moderation queue"))
                .body(containsString("Signed in as Tess &lt;Ops&gt;"));
    }

    @Test
    void wrongTokenOrBadNameOpensNothing() {
        form().formParam("token", "not-the-admin-token").formParam("lang", "en").post("/operator/sign-in")
                .then().statusCode(400).header("Set-Cookie", (String) null)
                .body(containsString("This is not the admin token"));
        form().formParam("token", Api.ADMIN_TOKEN + "x").post("/operator/sign-in").then().statusCode(400).header("Set-Cookie", (String) null);
        form().formParam("lang", "en").post("/operator/sign-in").then().statusCode(400).header("Set-Cookie", (String) null);
        form().formParam("token", Api.ADMIN_TOKEN).formParam("name", "x".repeat(81)).formParam("lang", "en").post("/operator/sign-in")
                .then().statusCode(400).header("Set-Cookie", (String) null).body(containsString("at most 80 characters"));
        // a shop's API key is no admin token
        form().formParam("token", Api.newShop().apiKey()).post("/operator/sign-in").then().statusCode(400).header("Set-Cookie", (String) null);
    }

    @Test
    void guessingTheTokenHitsTheRateLimit() {
        String address = DistinctClientAddresses.randomAddress();
        int refused = 0;
        for (int attempt = 0; attempt < 40 && refused == 0; attempt++) {
            int status = form().header(DistinctClientAddresses.HEADER, address).formParam("token", "guess-" + attempt)
                    .post("/operator/sign-in").statusCode();
            if (status == 429) {
                refused++;
            } else {
                assertEquals(400, status);
            }
        }
        assertEquals(1, refused, "the sign-in form is limited per address like the dashboard's");
        form().header(DistinctClientAddresses.HEADER, address).formParam("token", Api.ADMIN_TOKEN).post("/operator/sign-in")
                .then().statusCode(429).header("Set-Cookie", (String) null);
    }

    @Test
    void everyPageNeedsASession() {
        for (String path : List.of("/operator", "/operator/queue", "/operator/shops", "/operator/audit", "/operator/insights")) {
            given().redirects().follow(false).get(path + "?lang=en").then().statusCode(303)
                    .header("Location", endsWith("/operator/sign-in?lang=en"));
            given().redirects().follow(false).cookie(COOKIE, "o1.1.9999999999.abc.forged").get(path).then().statusCode(303)
                    .header("Location", containsString("/operator/sign-in"));
        }
        form().formParam("slug", Api.freshSlug("nosession")).formParam("name", "x").formParam("websiteUrl", "https://x.example")
                .post("/operator/shops").then().statusCode(303).header("Location", containsString("/operator/sign-in"));
        given().get("/operator/sign-in?lang=en").then().statusCode(200).body(containsString("Admin token"));
    }

    @Test
    void aShopsSessionNeverOpensTheConsoleAndTheConsoleCookieOpensNoShop() {
        TestShop shop = Api.newShop();
        String shopCookie = form().formParam("apiKey", shop.apiKey()).post("/dashboard/sign-in/key").then().statusCode(303)
                .extract().cookie("shopscore_session");
        given().redirects().follow(false).cookie("shopscore_session", shopCookie).get("/operator/queue").then().statusCode(303)
                .header("Location", containsString("/operator/sign-in"));
        given().redirects().follow(false).cookie(COOKIE, shopCookie).get("/operator/queue").then().statusCode(303)
                .header("Location", containsString("/operator/sign-in"));

        String operatorCookie = signIn("Tess");
        given().redirects().follow(false).cookie("shopscore_session", operatorCookie).get("/dashboard/{slug}", shop.slug())
                .then().statusCode(303).header("Location", containsString("/dashboard/sign-in"));
        given().redirects().follow(false).cookie(COOKIE, operatorCookie).get("/dashboard/{slug}", shop.slug())
                .then().statusCode(303).header("Location", containsString("/dashboard/sign-in"));
    }

    @Test
    void postsFromAnotherSiteAreRefused() {
        String cookie = signIn("Tess");
        String token = formToken(cookie);
        String slug = Api.freshSlug("evil");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .cookie(COOKIE, cookie).formParam("formToken", token).formParam("slug", slug).formParam("name", "Evil")
                .formParam("websiteUrl", "https://evil.example").post("/operator/shops").then().statusCode(403);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie(COOKIE, cookie).formParam("formToken", token).formParam("slug", slug).formParam("name", "Evil")
                .formParam("websiteUrl", "https://evil.example").post("/operator/shops").then().statusCode(403);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .formParam("token", Api.ADMIN_TOKEN).post("/operator/sign-in").then().statusCode(403).header("Set-Cookie", (String) null);
        Api.asOperator().get("/api/v1/shops/{slug}", slug).then().statusCode(404);
    }

    @Test
    void formTokenMissingOrOfAnotherSessionIsRefused() {
        String cookie = signIn("Tess");
        String other = signIn("Olaf");
        String slug = Api.freshSlug("token");
        form().cookie(COOKIE, cookie).formParam("slug", slug).formParam("name", "No token").formParam("websiteUrl", "https://x.example")
                .post("/operator/shops").then().statusCode(403);
        form().cookie(COOKIE, cookie).formParam("formToken", formToken(other)).formParam("slug", slug).formParam("name", "Other token")
                .formParam("websiteUrl", "https://x.example").post("/operator/shops").then().statusCode(403);
        form().cookie(COOKIE, cookie).formParam("formToken", "wrong").post("/operator/sign-out").then().statusCode(403);
        Api.asOperator().get("/api/v1/shops/{slug}", slug).then().statusCode(404);
        given().cookie(COOKIE, cookie).get("/operator/queue").then().statusCode(200);
    }

    @Test
    void signingOutOrIdlingEndsTheSession() {
        String first = signIn("Tess");
        String second = signIn("Tess");
        form().cookie(COOKIE, first).formParam("formToken", formToken(first)).post("/operator/sign-out").then().statusCode(303)
                .header("Location", containsString("/operator/sign-in"));
        given().redirects().follow(false).cookie(COOKIE, first).get("/operator/queue").then().statusCode(303);
        given().redirects().follow(false).cookie(COOKIE, second).get("/operator/queue").then().statusCode(200);

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        given().redirects().follow(false).cookie(COOKIE, second).get("/operator/queue").then().statusCode(303);
    }

    @Test
    void searchFindsSlugAndNameCaseInsensitiveAndTakesPercentLiterally() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String percent = "pct-" + unique;
        String zeros = "zeros-" + unique;
        Api.asOperator().body(Map.of("slug", percent, "name", "Sale 100% " + unique + " <b>", "websiteUrl", "https://a.example"))
                .post("/api/v1/shops").then().statusCode(201);
        Api.asOperator().body(Map.of("slug", zeros, "name", "Sale 1000 " + unique, "websiteUrl", "https://b.example"))
                .post("/api/v1/shops").then().statusCode(201);
        String cookie = signIn("Tess");

        given().cookie(COOKIE, cookie).queryParam("q", "100% " + unique.toUpperCase()).get("/operator/shops?lang=en").then().statusCode(200)
                .body(containsString(">" + percent + "<"))
                .body(not(containsString(">" + zeros + "<")))
                .body(containsString("Sale 100% " + unique + " &lt;b&gt;"))
                .body(containsString("1 shop found."));
        given().cookie(COOKIE, cookie).queryParam("q", unique.toUpperCase()).get("/operator/shops?lang=en").then().statusCode(200)
                .body(containsString(">" + percent + "<")).body(containsString(">" + zeros + "<"));
        given().cookie(COOKIE, cookie).queryParam("q", "_" + unique).get("/operator/shops?lang=en").then().statusCode(200)
                .body(containsString("0 shops found."));
        given().cookie(COOKIE, cookie).queryParam("page", "x").get("/operator/shops").then().statusCode(400);
    }

    @Test
    void creatingAShopChecksItsFieldsShowsTheKeyOnceAndIsAudited() {
        String cookie = signIn("Tess");
        String token = formToken(cookie);
        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("slug", "Not A Slug!")
                .formParam("name", "Good name").formParam("websiteUrl", "https://good.example").post("/operator/shops")
                .then().statusCode(400)
                .body(containsString("The slug needs 2 to 64 characters"))
                .body(containsString("id=\"slug\" name=\"slug\" required value=\"Not A Slug!\""))
                .body(containsString("aria-invalid=\"true\""));
        String slug = Api.freshSlug("console");
        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("slug", slug)
                .formParam("name", "Good name").formParam("websiteUrl", "ftp://good.example").post("/operator/shops")
                .then().statusCode(400).body(containsString("starting with https://"));
        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("slug", slug)
                .formParam("name", "Good name").formParam("websiteUrl", "https://good.example").formParam("contactEmail", "nope")
                .post("/operator/shops").then().statusCode(400).body(containsString("Enter an email address"));
        Api.asOperator().get("/api/v1/shops/{slug}", slug).then().statusCode(404);

        String page = form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("slug", slug)
                .formParam("name", "Fietsen & Zo").formParam("websiteUrl", "https://good.example").formParam("locale", "en")
                .post("/operator/shops").then().statusCode(201).header("Cache-Control", "no-store")
                .body(containsString("Fietsen &amp; Zo is registered")).extract().asString();
        Matcher key = Pattern.compile("value=\"(sk_[A-Za-z0-9_-]+)\"").matcher(page);
        assertTrue(key.find(), page);
        new TestShop(slug, key.group(1)).asShop().get("/api/v1/shops/{slug}/settings", slug).then().statusCode(200);

        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("slug", slug)
                .formParam("name", "Again").formParam("websiteUrl", "https://good.example").post("/operator/shops")
                .then().statusCode(409).body(containsString("This slug is taken"));

        assertEquals(1, count("select count(*) from operator_action where action = 'SHOP_CREATED' and shop_slug = ?1 and operator = 'Tess'", slug));
        given().cookie(COOKIE, cookie).get("/operator/audit?lang=en").then().statusCode(200)
                .body(containsString("Shop registered")).body(containsString(slug));
    }

    @Test
    void theContactAddressIsSetCheckedRemovedAndAudited() {
        TestShop shop = Api.newShop(Api.freshSlug("contact"), "en");
        String contact = "owner-" + System.nanoTime() + "@example.com";
        String cookie = signIn("Tess");
        String token = formToken(cookie);

        given().cookie(COOKIE, cookie).queryParam("q", shop.slug()).get("/operator/shops?lang=en").then().statusCode(200)
                .body(containsString("href=\"/operator/shops/" + shop.slug() + "?lang=en\""))
                .body(containsString("<em>none</em>"));
        given().cookie(COOKIE, cookie).get("/operator/shops/{slug}?lang=en", shop.slug()).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("This shop has no contact address"))
                .body(containsString("action=\"/operator/shops/" + shop.slug() + "/contact\""));

        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("contactEmail", "nope <b>")
                .post("/operator/shops/{slug}/contact", shop.slug()).then().statusCode(400)
                .body(containsString("Enter an email address"))
                .body(containsString("value=\"nope &lt;b&gt;\""))
                .body(containsString("aria-invalid=\"true\""));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .cookie(COOKIE, cookie).formParam("formToken", token).formParam("contactEmail", "thief@evil.example")
                .post("/operator/shops/{slug}/contact", shop.slug()).then().statusCode(403);
        form().cookie(COOKIE, cookie).formParam("contactEmail", "thief@evil.example")
                .post("/operator/shops/{slug}/contact", shop.slug()).then().statusCode(403);
        form().formParam("formToken", token).formParam("contactEmail", "thief@evil.example")
                .post("/operator/shops/{slug}/contact", shop.slug()).then().statusCode(303).header("Location", containsString("/operator/sign-in"));
        Api.asOperator().get("/api/v1/shops/{slug}", shop.slug()).then().statusCode(200)
                .body("contactEmail", org.hamcrest.Matchers.nullValue());

        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("contactEmail", " " + contact + " ")
                .post("/operator/shops/{slug}/contact", shop.slug()).then().statusCode(303)
                .header("Location", endsWith("/operator/shops/" + shop.slug() + "?saved=true&lang=en"));
        given().cookie(COOKIE, cookie).get("/operator/shops/{slug}?saved=true&lang=en", shop.slug()).then().statusCode(200)
                .body(containsString("The contact address is saved"))
                .body(containsString("<dd id=\"contact-current\">" + contact + "</dd>"))
                .body(not(containsString("This shop has no contact address")));
        Api.asOperator().get("/api/v1/shops/{slug}", shop.slug()).then().statusCode(200).body("contactEmail", org.hamcrest.Matchers.equalTo(contact));

        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("contactEmail", "")
                .post("/operator/shops/{slug}/contact", shop.slug()).then().statusCode(303);
        Api.asOperator().get("/api/v1/shops/{slug}", shop.slug()).then().statusCode(200)
                .body("contactEmail", org.hamcrest.Matchers.nullValue());

        assertEquals(1, count("select count(*) from operator_action where action = 'CONTACT_CHANGED' and shop_slug = ?1 "
                + "and operator = 'Tess' and reason = '– → " + contact + "'", shop.slug()));
        assertEquals(1, count("select count(*) from operator_action where action = 'CONTACT_CHANGED' and shop_slug = ?1 "
                + "and reason = '" + contact + " → –'", shop.slug()));
        given().cookie(COOKIE, cookie).get("/operator/audit?lang=en").then().statusCode(200)
                .body(containsString("Contact address set"))
                .body(containsString("– → " + contact))
                .body(containsString(contact + " → –"));
    }

    @Test
    void anUnknownShopIsAPageSayingSo() {
        String cookie = signIn("Tess");
        String slug = Api.freshSlug("nobody");
        given().cookie(COOKIE, cookie).get("/operator/shops/{slug}?lang=en", slug).then().statusCode(404)
                .body(containsString("No shop has the slug " + slug));
        given().cookie(COOKIE, cookie).get("/operator/shops/{slug}?lang=en", "<script>").then().statusCode(404)
                .body(containsString("&lt;script&gt;"));
        form().cookie(COOKIE, cookie).formParam("formToken", formToken(cookie)).formParam("lang", "en").formParam("contactEmail", "a@b.example")
                .post("/operator/shops/{slug}/contact", slug).then().statusCode(404).body(containsString("There is no such shop"));
        assertEquals(0, count("select count(*) from operator_action where shop_slug = ?1", slug));
        given().redirects().follow(false).get("/operator/shops/{slug}?lang=en", slug).then().statusCode(303)
                .header("Location", endsWith("/operator/sign-in?lang=en"));
    }

    @Test
    void theShopPageSpeaksEveryLanguage() {
        TestShop shop = Api.newShop();
        String cookie = signIn("Nora");
        Map<String, String> submit = Map.of("en", "Save the contact address", "nl", "Contactadres opslaan", "de", "Kontaktadresse speichern",
                "fr", "Adresse de contact");
        submit.forEach((lang, text) -> given().cookie(COOKIE, cookie).get("/operator/shops/{slug}?lang={lang}", shop.slug(), lang)
                .then().statusCode(200).body(containsString(text)).body(containsString("lang=\"" + lang + "\"")));
    }

    @Test
    void removalWithoutAPublicReasonIsRefusedAndTheReviewStaysHeld() {
        TestShop shop = Api.newShop();
        long id = heldReview(shop, "Order arrived late, details on www.example.com <script>");
        String cookie = signIn("Tess");
        String token = formToken(cookie);
        given().cookie(COOKIE, cookie).get("/operator/queue?lang=en").then().statusCode(200);

        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("decision", "remove")
                .formParam("category", "fake").formParam("reason", "  ").post("/operator/queue/{id}/decision", id)
                .then().statusCode(400).body(containsString("Give the public reason"));
        // the form says which shop's queue the operator was looking at, and that queue is shown again
        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("decision", "remove")
                .formParam("reason", "Advertising").formParam("shop", shop.slug()).formParam("page", "0")
                .post("/operator/queue/{id}/decision", id)
                .then().statusCode(400).body(containsString("Choose the ground of the removal"))
                .body(containsString(">Advertising</textarea>"));
        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("decision", "remove")
                .formParam("category", "made_up").formParam("reason", "Advertising").post("/operator/queue/{id}/decision", id)
                .then().statusCode(400);
        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en")
                .post("/operator/queue/{id}/decision", id).then().statusCode(400);
        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("decision", "publish")
                .post("/operator/queue/{id}/decision", Long.MAX_VALUE).then().statusCode(404);

        assertEquals(0, count("select count(*) from operator_action where review_id = ?1", id));
        Api.asOperator().get("/api/v1/moderation/reviews/{id}/history", id).then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("held"));
    }

    @Test
    void decisionsAreWrittenToTheAuditTrailWithTheReviewsReasons() {
        TestShop shop = Api.newShop();
        long held = heldReview(shop, "Call me on 020 123 4567 or see www.example.com");
        long reported = shop.review(2, false);
        shop.asShop().body(Map.of("reason", "not_a_customer", "comment", "No such order <here>"))
                .post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), reported).then().statusCode(201);
        String cookie = signIn("Tess");
        String token = formToken(cookie);

        String queue = given().cookie(COOKIE, cookie).get("/operator/queue?lang=en&shop={slug}", shop.slug()).then().statusCode(200)
                .extract().asString();
        assertTrue(queue.contains("Review " + held + " of " + shop.slug()), "the held review is in its shop's queue");
        assertTrue(queue.contains("Review " + reported + " of " + shop.slug()), "the reported review is in its shop's queue");
        String other = Api.newShop().slug();
        assertFalse(given().cookie(COOKIE, cookie).get("/operator/queue?lang=en&shop={slug}", other).asString().contains("Review " + held),
                "another shop's queue does not show it");
        given().cookie(COOKIE, cookie).get("/operator/queue?lang=en&shop=%3Cscript%3E").then().statusCode(400);

        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("decision", "publish")
                .formParam("reason", "The number is the shop's own").formParam("category", "fake")
                .post("/operator/queue/{id}/decision", held).then().statusCode(303).header("Location", containsString("/operator/queue"));
        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("decision", "keep")
                .formParam("reason", "A real customer").post("/operator/queue/{id}/decision", reported).then().statusCode(303);
        form().cookie(COOKIE, cookie).formParam("formToken", token).formParam("lang", "en").formParam("decision", "publish")
                .post("/operator/queue/{id}/decision", held).then().statusCode(409).body(containsString("decided meanwhile"));

        assertEquals(1, count("select count(*) from operator_action where review_id = ?1 and action = 'REVIEW_PUBLISHED' "
                + "and operator = 'Tess' and reason = 'The number is the shop''s own'", held));
        assertEquals(1, count("select count(*) from operator_action where review_id = ?1 and action = 'REVIEW_KEPT'", reported));
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem((int) held));
        given().cookie(COOKIE, cookie).get("/operator/audit?lang=en").then().statusCode(200)
                .body(containsString("Published: Review " + held + " of " + shop.slug()))
                .body(containsString("Reason: The number is the shop&#39;s own"))
                .body(containsString("Kept: Review " + reported))
                .body(containsString("by Tess"));
    }

    @Test
    void theQueueSaysOneReviewOrSeveralInEveryLanguage() {
        TestShop shop = Api.newShop();
        heldReview(shop, "Call me on 020 123 4567");
        String cookie = signIn("Nora");
        Map<String, String> one = Map.of("en", "1 review waits for a decision", "nl", "1 review wacht op een beslissing",
                "de", "1 Bewertung wartet auf eine Entscheidung", "fr", "1 avis attend une décision");
        one.forEach((lang, text) -> given().cookie(COOKIE, cookie).get("/operator/queue?lang={lang}&shop={slug}", lang, shop.slug())
                .then().statusCode(200).body(containsString(text)));

        heldReview(shop, "Or see www.example.com");
        Map<String, String> two = Map.of("en", "2 reviews wait for a decision", "nl", "2 reviews wachten op een beslissing",
                "de", "2 Bewertungen warten auf eine Entscheidung", "fr", "2 avis attendent une décision");
        two.forEach((lang, text) -> given().cookie(COOKIE, cookie).get("/operator/queue?lang={lang}&shop={slug}", lang, shop.slug())
                .then().statusCode(200).body(containsString(text)));
    }

    @Test
    void theQueueShowsHoldsReportsAndNotices() {
        TestShop shop = Api.newShop();
        long published = shop.review(3, false);
        shop.asShop().body(Map.of("reason", "offensive", "comment", "Insults <our> staff"))
                .post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), published).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("reason", "illegal", "explanation", "Names a person", "email", "notifier@example.com"))
                .post("/api/v1/reviews/{id}/notices", published).then().statusCode(202);
        String cookie = signIn("Tess");
        String page = given().cookie(COOKIE, cookie).get("/operator/queue?lang=en&page=0").then().statusCode(200).extract().asString();
        for (int more = 1; !page.contains("Review " + published + " of") && more < 50; more++) {
            page = given().cookie(COOKIE, cookie).get("/operator/queue?lang=en&page=" + more).then().statusCode(200).extract().asString();
        }
        assertTrue(page.contains("Not written by a customer") || page.contains("Insulting or offensive"), page);
        assertTrue(page.contains("Insults &lt;our&gt; staff"), "the shop's comment is escaped");
        assertTrue(page.contains("Names a person"));
        assertTrue(page.contains("notifier@example.com"));
        assertTrue(page.contains("value=\"keep\""), "a reported published review can be kept");
    }

    @Test
    void platformInsightsAreAPage() {
        String cookie = signIn("Tess");
        given().cookie(COOKIE, cookie).get("/operator/insights?lang=en&months=6").then().statusCode(200)
                .body(containsString("Platform insights"))
                .body(containsString("<svg class=\"chart\""))
                .body(containsString("Against the study"))
                .body(containsString("aria-current=\"true\">6 months"));
        given().cookie(COOKIE, cookie).get("/operator/insights?months=99").then().statusCode(400);
    }

    @Test
    void theFrontDoorSendsTheOperatorToTheConsole() {
        given().get("/?lang=en").then().statusCode(200).body(containsString("href=\"/operator/sign-in?lang=en\""));
    }
}
