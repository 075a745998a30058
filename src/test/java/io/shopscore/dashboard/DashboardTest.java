package io.shopscore.dashboard;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shopscore.keys.Digests;
import io.shopscore.mail.MailOutbox;
import io.shopscore.session.SignInService;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;
import io.shopscore.testing.ReceivedMail;
import io.shopscore.testing.SmtpResource;

/** Sign-in, sessions, cross-site protection and colleagues of the dashboard, through HTTP as a browser uses them. */
@QuarkusTest
class DashboardTest {

    /** The configured public URL in tests: a browser on it sends this Origin. */
    static final String ORIGIN = "http://localhost:8080";
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/dashboard/sign-in/([A-Za-z0-9_-]{43})");

    @Inject
    MailOutbox outbox;

    @Inject
    MovableClock clock;

    @Inject
    EntityManager entities;

    @Inject
    SignInService signIns;

    @BeforeEach
    void emptyOutbox() {
        outbox.sendDue();
        SmtpResource.server().clear();
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    static RequestSpecification form() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", ORIGIN);
    }

    /** Signs in with the shop's API key; returns the session cookie. */
    static String signInWithKey(TestShop shop) {
        return form().formParam("apiKey", shop.apiKey()).post("/dashboard/sign-in/key")
                .then().statusCode(303).header("Location", endsWith("/dashboard/" + shop.slug()))
                .extract().cookie("shopscore_session");
    }

    static String formToken(String cookie, String slug) {
        String page = given().cookie("shopscore_session", cookie).get("/dashboard/{slug}/colleagues", slug).then().statusCode(200)
                .extract().asString();
        Matcher matcher = Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(matcher.find(), "every form carries the session's token");
        return matcher.group(1);
    }

    /** Tokens of mailed links the tests have used, so a second sign-in of one address waits for its own link. */
    private static final java.util.Set<String> USED_LINKS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Signs in as the member at this address by a mailed link (only such a session may change who
     * has access); returns the session cookie. Waits for the sign-in mail itself: an alert about a
     * new review to the same address may arrive first.
     */
    static String signInByMail(String address, MailOutbox outbox) {
        form().formParam("email", address).formParam("lang", "en").post("/dashboard/sign-in/email").then().statusCode(200);
        outbox.sendDue();
        ReceivedMail mail = SmtpResource.server().awaitMailTo(address, m -> unusedLink(m) != null, Duration.ofSeconds(10));
        String token = unusedLink(mail);
        USED_LINKS.add(token);
        return form().post("/dashboard/sign-in/{token}", token).then().statusCode(303).extract().cookie("shopscore_session");
    }

    private static String unusedLink(ReceivedMail mail) {
        Matcher matcher = LINK.matcher(mail.text());
        while (matcher.find()) {
            if (!USED_LINKS.contains(matcher.group(1))) {
                return matcher.group(1);
            }
        }
        return null;
    }

    static TestShop shopWithContact(String contact) {
        String slug = Api.freshSlug("dash");
        String apiKey = Api.asOperator()
                .body(Map.of("slug", slug, "name", "Bloemen <3 " + slug, "websiteUrl", "https://" + slug + ".example", "locale", "en",
                        "contactEmail", contact))
                .post("/api/v1/shops").then().statusCode(201).extract().path("apiKey");
        return new TestShop(slug, apiKey);
    }

    private String mailedToken(String address) {
        outbox.sendDue();
        ReceivedMail mail = SmtpResource.server().awaitMailTo(address, m -> LINK.matcher(m.text()).find(), Duration.ofSeconds(10));
        Matcher matcher = LINK.matcher(mail.text());
        assertTrue(matcher.find(), mail.text());
        return matcher.group(1);
    }

    @Test
    void apiKeySignInOpensTheOverviewWithASafeCookie() {
        TestShop shop = Api.newShop(Api.freshSlug("dash"), "en");
        shop.review(3, false);
        shop.review(9, true);
        Response response = form().formParam("apiKey", shop.apiKey()).post("/dashboard/sign-in/key");
        assertEquals(303, response.statusCode());
        String setCookie = response.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertFalse(setCookie.contains("Secure"), "the public URL in tests is http: " + setCookie);

        given().cookie("shopscore_session", response.getCookie("shopscore_session"))
                .get("/dashboard/{slug}?lang=en", shop.slug())
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("Overview"))
                .body(containsString("<svg class=\"chart\""))
                .body(containsString("Review with grade 3"))
                .body(containsString("waiting 0 days"))
                .body(not(containsString("<span class=\"grade good\">3</span>")))
                .body(containsString("<span class=\"grade good\">9</span>"))
                .body(containsString("6.0"));

        clock.advance(Duration.ofDays(1).plusHours(1));
        given().cookie("shopscore_session", form().formParam("apiKey", shop.apiKey()).post("/dashboard/sign-in/key").getCookie("shopscore_session"))
                .get("/dashboard/{slug}?lang=en", shop.slug())
                .then().statusCode(200)
                .body(containsString("waiting 1 day<"));
    }

    @Test
    void wrongApiKeyOpensNothing() {
        form().formParam("apiKey", "sk_" + "x".repeat(43)).formParam("lang", "en").post("/dashboard/sign-in/key")
                .then().statusCode(400).header("Set-Cookie", (String) null)
                .body(containsString("does not open any shop"));
    }

    @Test
    void withoutASessionTheOverviewSendsToSignIn() {
        TestShop shop = Api.newShop();
        given().redirects().follow(false).get("/dashboard/{slug}", shop.slug()).then().statusCode(303)
                .header("Location", containsString("/dashboard/sign-in"));
        given().redirects().follow(false).cookie("shopscore_session", "v1.1.YQ.1.9999999999.abc.forged")
                .get("/dashboard/{slug}", shop.slug()).then().statusCode(303);
    }

    @Test
    void oneShopsSessionNeverOpensAnothersPages() {
        TestShop mine = Api.newShop();
        TestShop theirs = Api.newShop();
        String cookie = signInWithKey(mine);
        String token = formToken(cookie, mine.slug());
        given().cookie("shopscore_session", cookie).get("/dashboard/{slug}", theirs.slug()).then().statusCode(403);
        given().cookie("shopscore_session", cookie).get("/dashboard/{slug}/colleagues", theirs.slug()).then().statusCode(403);
        form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("email", "intruder@example.com")
                .post("/dashboard/{slug}/colleagues", theirs.slug()).then().statusCode(403);
    }

    @Test
    void mailedLinkSignsInOnceAndOnlyItsDigestIsStored() {
        String contact = "owner-" + System.nanoTime() + "@example.com";
        TestShop shop = shopWithContact(contact);
        form().formParam("email", "  " + contact.toUpperCase() + " ").formParam("lang", "en").post("/dashboard/sign-in/email")
                .then().statusCode(200).body(containsString("If this address belongs to a shop, a link is on its way."));
        String token = mailedToken(contact);
        ReceivedMail mail = SmtpResource.server().mailsTo(contact).get(0);
        assertTrue(mail.html().contains("Bloemen &lt;3"), "the shop's name is escaped in the mail");

        long stored = QuarkusTransaction.requiringNew().call(() -> (Long) entities
                .createNativeQuery("select count(*) from sign_in_link where token_hash = :hash").setParameter("hash", Digests.sha256Hex(token))
                .getSingleResult());
        long plain = QuarkusTransaction.requiringNew().call(() -> (Long) entities
                .createNativeQuery("select count(*) from sign_in_link where token_hash = :token").setParameter("token", token)
                .getSingleResult());
        assertEquals(1, stored);
        assertEquals(0, plain);

        given().get("/dashboard/sign-in/{token}?lang=en", token).then().statusCode(200).body(containsString("<button"));
        String cookie = form().post("/dashboard/sign-in/{token}", token).then().statusCode(303)
                .header("Location", endsWith("/dashboard/" + shop.slug())).extract().cookie("shopscore_session");
        given().cookie("shopscore_session", cookie).get("/dashboard/{slug}", shop.slug()).then().statusCode(200)
                .body(containsString(contact));

        form().post("/dashboard/sign-in/{token}", token).then().statusCode(410).header("Set-Cookie", (String) null);
        given().get("/dashboard/sign-in/{token}", token).then().statusCode(410);
    }

    @Test
    void mailedLinkExpiresAfterFifteenMinutes() {
        String contact = "late-" + System.nanoTime() + "@example.com";
        shopWithContact(contact);
        form().formParam("email", contact).post("/dashboard/sign-in/email").then().statusCode(200);
        String token = mailedToken(contact);
        clock.advance(Duration.ofMinutes(16));
        form().post("/dashboard/sign-in/{token}", token).then().statusCode(410).header("Set-Cookie", (String) null);
    }

    /** The pages say how long a link works from the setting the links are made with, not from a number written into the text. */
    @Test
    void thePagesStateTheLinksRealLifetime() {
        long minutes = signIns.linkMinutes();
        Map<String, String> sent = Map.of("en", "It works once, for " + minutes + " minutes.", "nl", "Die werkt één keer, " + minutes + " minuten lang.",
                "de", "Er funktioniert einmal, " + minutes + " Minuten lang.", "fr", "Il fonctionne une fois, pendant " + minutes + " minutes.");
        sent.forEach((lang, text) -> form().formParam("email", "nobody-" + System.nanoTime() + "@example.com").formParam("lang", lang)
                .post("/dashboard/sign-in/email").then().statusCode(200).body(containsString(text)));
        given().get("/dashboard/sign-in/{token}?lang=en", "x".repeat(43)).then().statusCode(410)
                .body(containsString("A link works once, for " + minutes + " minutes."));
    }

    @Test
    void answerNeverRevealsWhetherAnAddressBelongsToAShop() {
        String stranger = "nobody-" + System.nanoTime() + "@example.com";
        String answer = form().formParam("email", stranger).formParam("lang", "en").post("/dashboard/sign-in/email")
                .then().statusCode(200).extract().asString();
        assertTrue(answer.contains("If this address belongs to a shop, a link is on its way."));
        outbox.sendDue();
        assertEquals(List.of(), SmtpResource.server().mailsTo(stranger));
        form().formParam("email", "not an address").post("/dashboard/sign-in/email").then().statusCode(400);
    }

    @Test
    void postsFromAnotherSiteAreRefused() {
        TestShop shop = Api.newShop();
        String cookie = signInWithKey(shop);
        String token = formToken(cookie, shop.slug());
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .cookie("shopscore_session", cookie).formParam("formToken", token).formParam("email", "x@example.com")
                .post("/dashboard/{slug}/colleagues", shop.slug()).then().statusCode(403);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .formParam("apiKey", shop.apiKey()).post("/dashboard/sign-in/key").then().statusCode(403).header("Set-Cookie", (String) null);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("apiKey", shop.apiKey()).post("/dashboard/sign-in/key").then().statusCode(403);
    }

    @Test
    void formTokenMissingOrWrongIsRefused() {
        TestShop shop = Api.newShop();
        String cookie = signInWithKey(shop);
        form().cookie("shopscore_session", cookie).formParam("email", "x@example.com")
                .post("/dashboard/{slug}/colleagues", shop.slug()).then().statusCode(403);
        form().cookie("shopscore_session", cookie).formParam("formToken", "wrong").formParam("email", "x@example.com")
                .post("/dashboard/{slug}/colleagues", shop.slug()).then().statusCode(403);
        form().cookie("shopscore_session", cookie).formParam("formToken", "wrong").post("/dashboard/sign-out").then().statusCode(403);
        String otherSession = signInWithKey(shop);
        form().cookie("shopscore_session", cookie).formParam("formToken", formToken(otherSession, shop.slug()))
                .post("/dashboard/sign-out").then().statusCode(403);
        given().cookie("shopscore_session", cookie).get("/dashboard/{slug}/colleagues", shop.slug()).then().statusCode(200)
                .body(not(containsString("x@example.com")));
    }

    /** A key is rotated because it may have leaked: whoever signed in with it must not stay in (and add themselves as a colleague). */
    @Test
    void rotatingTheApiKeyEndsTheSessionsItOpened() {
        TestShop shop = Api.newShop();
        String cookie = signInWithKey(shop);
        given().cookie("shopscore_session", cookie).get("/dashboard/{slug}", shop.slug()).then().statusCode(200);

        String newKey = Api.asOperator().post("/api/v1/shops/{slug}/api-key", shop.slug()).then().statusCode(200).extract().path("apiKey");

        given().redirects().follow(false).cookie("shopscore_session", cookie).get("/dashboard/{slug}", shop.slug()).then().statusCode(303)
                .header("Location", containsString("/dashboard/sign-in"));
        String fresh = signInWithKey(new TestShop(shop.slug(), newKey));
        given().cookie("shopscore_session", fresh).get("/dashboard/{slug}", shop.slug()).then().statusCode(200);
    }

    /** The contact address is a member only while it is the contact: replaced, its sessions end at once. */
    @Test
    void aReplacedContactAddressIsSignedOut() {
        String contact = "old-owner-" + System.nanoTime() + "@example.com";
        TestShop shop = shopWithContact(contact);
        form().formParam("email", contact).formParam("lang", "en").post("/dashboard/sign-in/email").then().statusCode(200);
        String token = mailedToken(contact);
        String cookie = form().post("/dashboard/sign-in/{token}", token).then().statusCode(303).extract().cookie("shopscore_session");
        given().cookie("shopscore_session", cookie).get("/dashboard/{slug}", shop.slug()).then().statusCode(200);

        form().cookie("shopscore_session", cookie).formParam("formToken", formToken(cookie, shop.slug()))
                .formParam("contactEmail", "new-owner@example.com").post("/dashboard/{slug}/settings/contact", shop.slug())
                .then().statusCode(303);

        given().redirects().follow(false).cookie("shopscore_session", cookie).get("/dashboard/{slug}", shop.slug()).then().statusCode(303);
    }

    @Test
    void signingOutEndsTheSessionAndEverywhereEndsAll() {
        TestShop shop = Api.newShop();
        String first = signInWithKey(shop);
        String second = signInWithKey(shop);
        form().cookie("shopscore_session", first).formParam("formToken", formToken(first, shop.slug()))
                .post("/dashboard/sign-out").then().statusCode(303);
        given().redirects().follow(false).cookie("shopscore_session", first).get("/dashboard/{slug}", shop.slug()).then().statusCode(303);
        given().cookie("shopscore_session", second).get("/dashboard/{slug}", shop.slug()).then().statusCode(200);

        String third = signInWithKey(shop);
        form().cookie("shopscore_session", second).formParam("formToken", formToken(second, shop.slug())).formParam("everywhere", "true")
                .post("/dashboard/sign-out").then().statusCode(303);
        given().redirects().follow(false).cookie("shopscore_session", second).get("/dashboard/{slug}", shop.slug()).then().statusCode(303);
        given().redirects().follow(false).cookie("shopscore_session", third).get("/dashboard/{slug}", shop.slug()).then().statusCode(303);
    }

    @Test
    void aSessionEndsAfterTwoIdleHoursAndTwelveHoursAfterSignInInAnyCase() {
        TestShop shop = Api.newShop();
        String idle = signInWithKey(shop);
        clock.advance(Duration.ofMinutes(119));
        given().cookie("shopscore_session", idle).get("/dashboard/{slug}", shop.slug()).then().statusCode(200);
        clock.advance(Duration.ofMinutes(121));
        given().redirects().follow(false).cookie("shopscore_session", idle).get("/dashboard/{slug}", shop.slug())
                .then().statusCode(303);

        // used every 110 minutes, never idle for 2 hours, it still ends 12 hours after its sign-in
        String busy = signInWithKey(shop);
        for (int minutes = 0; minutes <= 11 * 60; minutes += 110) {
            given().cookie("shopscore_session", busy).get("/dashboard/{slug}", shop.slug()).then().statusCode(200);
            clock.advance(Duration.ofMinutes(110));
        }
        given().redirects().follow(false).cookie("shopscore_session", busy).get("/dashboard/{slug}", shop.slug())
                .then().statusCode(303);
    }

    @Test
    void colleaguesAreAddedWithAMailAndRemovedWithTheirSessions() {
        String contact = "owner-" + System.nanoTime() + "@example.com";
        TestShop shop = shopWithContact(contact);
        String cookie = signInByMail(contact, outbox);
        String token = formToken(cookie, shop.slug());
        String colleague = "colleague-" + System.nanoTime() + "@example.com";
        form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("email", colleague).formParam("lang", "en")
                .post("/dashboard/{slug}/colleagues", shop.slug()).then().statusCode(303);
        outbox.sendDue();
        ReceivedMail added = SmtpResource.server().awaitMailsTo(colleague, 1, Duration.ofSeconds(10)).get(0);
        assertTrue(added.text().contains(contact + " added you"), added.text());

        String theirs = signInByMail(colleague, outbox);

        String page = given().cookie("shopscore_session", cookie).get("/dashboard/{slug}/colleagues", shop.slug()).then().statusCode(200)
                .body(containsString(colleague)).extract().asString();
        Matcher remove = Pattern.compile("/dashboard/" + shop.slug() + "/colleagues/(\\d+)/remove").matcher(page);
        assertTrue(remove.find());
        form().cookie("shopscore_session", cookie).formParam("formToken", token)
                .post("/dashboard/{slug}/colleagues/{id}/remove", shop.slug(), remove.group(1)).then().statusCode(303);
        given().cookie("shopscore_session", cookie).get("/dashboard/{slug}/colleagues", shop.slug()).then().statusCode(200)
                .body(not(containsString(colleague)));
        given().redirects().follow(false).cookie("shopscore_session", theirs).get("/dashboard/{slug}", shop.slug()).then().statusCode(303);
    }

    /**
     * Whoever holds a leaked key must not be able to keep a way in once it is revoked: a session
     * opened with the key sees the colleagues but cannot add or remove one (403, saying why), and
     * nothing changes.
     */
    @Test
    void aSessionOpenedWithTheKeyCannotAddOrRemoveColleagues() {
        String contact = "keeper-" + System.nanoTime() + "@example.com";
        TestShop shop = shopWithContact(contact);
        String member = signInByMail(contact, outbox);
        String colleague = "kept-" + System.nanoTime() + "@example.com";
        form().cookie("shopscore_session", member).formParam("formToken", formToken(member, shop.slug())).formParam("email", colleague)
                .post("/dashboard/{slug}/colleagues", shop.slug()).then().statusCode(303);
        String colleagueSession = signInByMail(colleague, outbox);
        String memberPage = given().cookie("shopscore_session", member).get("/dashboard/{slug}/colleagues", shop.slug()).then()
                .extract().asString();
        Matcher remove = Pattern.compile("/dashboard/" + shop.slug() + "/colleagues/(\\d+)/remove").matcher(memberPage);
        assertTrue(remove.find());

        String keySession = signInWithKey(shop);
        String token = formToken(keySession, shop.slug());
        String page = given().cookie("shopscore_session", keySession).get("/dashboard/{slug}/colleagues?lang=en", shop.slug())
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains(colleague), "the list is shown");
        assertTrue(page.contains("Sign in with your email address to manage API keys, colleagues and the contact address"), page);
        assertFalse(page.contains("/remove\""), "no remove buttons");
        assertFalse(page.contains("action=\"/dashboard/" + shop.slug() + "/colleagues\""), "no form to add one");

        String thief = "thief-" + System.nanoTime() + "@example.com";
        form().cookie("shopscore_session", keySession).formParam("formToken", token).formParam("email", thief).formParam("lang", "en")
                .post("/dashboard/{slug}/colleagues", shop.slug())
                .then().statusCode(403).header("Cache-Control", "no-store")
                .body(containsString("You signed in with the shop&#39;s API key"));
        form().cookie("shopscore_session", keySession).formParam("formToken", token).formParam("lang", "en")
                .post("/dashboard/{slug}/colleagues/{id}/remove", shop.slug(), remove.group(1))
                .then().statusCode(403).body(containsString("Sign in with your email address"));

        given().cookie("shopscore_session", member).get("/dashboard/{slug}/colleagues", shop.slug()).then().statusCode(200)
                .body(containsString(colleague)).body(not(containsString(thief)));
        given().cookie("shopscore_session", colleagueSession).get("/dashboard/{slug}", shop.slug()).then().statusCode(200);
        outbox.sendDue();
        assertEquals(List.of(), SmtpResource.server().mailsTo(thief), "nobody was told they were added");
        form().formParam("email", thief).post("/dashboard/sign-in/email").then().statusCode(200);
        outbox.sendDue();
        assertEquals(List.of(), SmtpResource.server().mailsTo(thief), "the address is no member");
    }

    /** The page that refuses a key session says why in each language. */
    @Test
    void theRefusalSaysWhyInEveryLanguage() {
        TestShop shop = Api.newShop();
        String keySession = signInWithKey(shop);
        String token = formToken(keySession, shop.slug());
        Map<String, String> why = Map.of(
                "en", "Sign in with your email address for this",
                "nl", "Log hiervoor in met je e-mailadres",
                "de", "Melden Sie sich dafür mit Ihrer E-Mail-Adresse an",
                "fr", "Connectez-vous avec votre adresse e-mail pour cela");
        why.forEach((lang, title) -> form().cookie("shopscore_session", keySession).formParam("formToken", token)
                .formParam("email", "x-" + lang + "@example.com").formParam("lang", lang)
                .post("/dashboard/{slug}/colleagues", shop.slug())
                .then().statusCode(403).header("Content-Language", lang).body(containsString(title)));
    }
}
