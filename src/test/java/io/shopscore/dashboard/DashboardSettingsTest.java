package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;
import static io.shopscore.dashboard.DashboardTest.form;
import static io.shopscore.dashboard.DashboardTest.formToken;
import static io.shopscore.dashboard.DashboardTest.signInWithKey;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.mail.MailOutbox;
import io.shopscore.session.SignInCleanup;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;
import io.shopscore.testing.SmtpResource;

/** The settings pages through HTTP as a browser uses them: the API's rules, secrets shown once, keys with overlap, cleanup. */
@QuarkusTest
class DashboardSettingsTest {

    private static final Pattern NEW_KEY = Pattern.compile("id=\"new-api-key\">(sk_[A-Za-z0-9_-]{43})<");
    private static final Pattern REVOKE = Pattern.compile("/settings/api-keys/(\\d+)/revoke");

    @Inject
    MovableClock clock;

    @Inject
    SignInCleanup cleanup;

    @Inject
    MailOutbox outbox;

    @Inject
    EntityManager entities;

    @AfterEach
    void reset() {
        clock.reset();
    }

    private static TestShop shop(String name, String contact) {
        String slug = Api.freshSlug("set");
        Map<String, Object> body = new java.util.HashMap<>(Map.of("slug", slug, "name", name, "websiteUrl", "https://" + slug + ".example",
                "locale", "en"));
        if (contact != null) {
            body.put("contactEmail", contact);
        }
        String apiKey = Api.asOperator().body(body).post("/api/v1/shops").then().statusCode(201).extract().path("apiKey");
        return new TestShop(slug, apiKey);
    }

    private static String page(String cookie, String path, String slug) {
        return given().cookie("shopscore_session", cookie).redirects().follow(false).get("/dashboard/{slug}/settings" + path + "?lang=en", slug)
                .then().statusCode(200).extract().asString();
    }

    private static List<Long> revocableKeys(String cookie, String slug) {
        Matcher matcher = REVOKE.matcher(page(cookie, "/api-keys", slug));
        List<Long> ids = new ArrayList<>();
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    @Test
    void profileIsChangedWithTheApisRulesAndABadFieldIsNamedButNotTheContactAddress() {
        TestShop shop = shop("Fietsen " + System.nanoTime(), null);
        String cookie = signInWithKey(shop);
        String token = formToken(cookie, shop.slug());

        form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("lang", "en")
                .formParam("name", "Bloemen <3 & Co").formParam("websiteUrl", " https://bloemen.example/shop ").formParam("locale", "de")
                .formParam("contactEmail", "thief@bloemen.example")
                .post("/dashboard/{slug}/settings/profile", shop.slug())
                .then().statusCode(303).header("Location", containsString("/dashboard/" + shop.slug() + "/settings?saved=true"));
        Api.asOperator().get("/api/v1/shops/{slug}", shop.slug()).then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("Bloemen <3 & Co"))
                .body("websiteUrl", org.hamcrest.Matchers.equalTo("https://bloemen.example/shop"))
                .body("locale", org.hamcrest.Matchers.equalTo("de"));
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200)
                .body("contactEmail", nullValue());
        assertTrue(page(cookie, "", shop.slug()).contains("value=\"Bloemen &lt;3 &amp; Co\""));

        form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("lang", "en")
                .formParam("name", "Still fine").formParam("websiteUrl", "ftp://bloemen.example").formParam("locale", "de")
                .post("/dashboard/{slug}/settings/profile", shop.slug())
                .then().statusCode(400)
                .body(containsString("id=\"websiteUrl-error\""))
                .body(containsString("Give a full address starting with http:// or https://."))
                .body(containsString("value=\"ftp://bloemen.example\""));
        form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("lang", "en")
                .formParam("name", "Line\nbreak").formParam("websiteUrl", "https://bloemen.example").formParam("locale", "de")
                .post("/dashboard/{slug}/settings/profile", shop.slug())
                .then().statusCode(400).body(containsString("id=\"name-error\""));
        form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("lang", "en")
                .formParam("name", "Fine").formParam("websiteUrl", "https://bloemen.example").formParam("locale", "xx")
                .post("/dashboard/{slug}/settings/profile", shop.slug())
                .then().statusCode(400).body(containsString("id=\"locale-error\""));
        Api.asOperator().get("/api/v1/shops/{slug}", shop.slug()).then().body("name", org.hamcrest.Matchers.equalTo("Bloemen <3 & Co"));
    }

    /** The score document names the shop: a rename drops this instance's cached copy, so the next read has the new name. */
    @Test
    void aRenameShowsInTheNextScoreRead() {
        String before = "Before " + System.nanoTime();
        TestShop shop = shop(before, null);
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo(before));
        given().get("/api/v1/scores?shops=" + shop.slug()).then().statusCode(200)
                .body("scores[0].name", org.hamcrest.Matchers.equalTo(before));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo(before));

        String cookie = signInWithKey(shop);
        String after = "After " + System.nanoTime();
        form().cookie("shopscore_session", cookie).formParam("formToken", formToken(cookie, shop.slug()))
                .formParam("name", after).formParam("websiteUrl", "https://" + shop.slug() + ".example").formParam("locale", "en")
                .post("/dashboard/{slug}/settings/profile", shop.slug()).then().statusCode(303);

        // well within the cache's 10 seconds: only dropping the entry explains the new name
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo(after));
        given().get("/api/v1/scores?shops=" + shop.slug()).then().statusCode(200)
                .body("scores[0].name", org.hamcrest.Matchers.equalTo(after));
    }

    @Test
    void aMemberChangesTheContactAddressWithTheApisRuleAndItsOldSessionsEnd() {
        String contact = "old-" + System.nanoTime() + "@example.com";
        TestShop shop = shop("Contact " + System.nanoTime(), contact);
        String colleague = "col-" + System.nanoTime() + "@example.com";
        String contactCookie = DashboardTest.signInByMail(contact, outbox);
        String token = formToken(contactCookie, shop.slug());
        form().cookie("shopscore_session", contactCookie).formParam("formToken", token).formParam("email", colleague)
                .post("/dashboard/{slug}/colleagues", shop.slug()).then().statusCode(303);
        String colleagueCookie = DashboardTest.signInByMail(colleague, outbox);
        String settings = page(contactCookie, "", shop.slug());
        assertTrue(settings.contains("value=\"" + contact + "\""), "a member gets the form with the address");

        form().cookie("shopscore_session", contactCookie).formParam("formToken", token).formParam("lang", "en")
                .formParam("contactEmail", "not an address")
                .post("/dashboard/{slug}/settings/contact", shop.slug())
                .then().statusCode(400).body(containsString("id=\"contactEmail-error\"")).body(containsString("value=\"not an address\""));
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().body("contactEmail", org.hamcrest.Matchers.equalTo(contact));

        String replacement = "new-" + System.nanoTime() + "@example.com";
        form().cookie("shopscore_session", colleagueCookie).formParam("formToken", formToken(colleagueCookie, shop.slug()))
                .formParam("contactEmail", " " + replacement + " ")
                .post("/dashboard/{slug}/settings/contact", shop.slug())
                .then().statusCode(303).header("Location", containsString("/settings?saved=true"));
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().body("contactEmail", org.hamcrest.Matchers.equalTo(replacement));

        given().cookie("shopscore_session", contactCookie).redirects().follow(false).get("/dashboard/{slug}/settings", shop.slug())
                .then().statusCode(303).header("Location", containsString("/dashboard/sign-in"));
        page(colleagueCookie, "", shop.slug());
    }

    @Test
    void invitationDelayAndReminderAreTheSettingsApis() {
        TestShop shop = Api.newShop();
        String cookie = signInWithKey(shop);
        String token = formToken(cookie, shop.slug());

        form().cookie("shopscore_session", cookie).formParam("formToken", token)
                .formParam("invitationDelayDays", "5").formParam("reminderAfterDays", "0")
                .post("/dashboard/{slug}/settings/mails", shop.slug()).then().statusCode(303);
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200)
                .body("invitationDelayDays", org.hamcrest.Matchers.equalTo(5))
                .body("reminderAfterDays", org.hamcrest.Matchers.equalTo(0));

        form().cookie("shopscore_session", cookie).formParam("formToken", token)
                .formParam("invitationDelayDays", "2").formParam("reminderAfterDays", "")
                .post("/dashboard/{slug}/settings/mails", shop.slug()).then().statusCode(303);
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then()
                .body("invitationDelayDays", org.hamcrest.Matchers.equalTo(2))
                .body("reminderAfterDays", nullValue());

        for (String[] bad : new String[][] { { "61", "", "invitationDelayDays" }, { "", "", "invitationDelayDays" },
                { "three", "", "invitationDelayDays" }, { "1", "-1", "reminderAfterDays" }, { "1", "9999999999", "reminderAfterDays" } }) {
            form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("lang", "en")
                    .formParam("invitationDelayDays", bad[0]).formParam("reminderAfterDays", bad[1])
                    .post("/dashboard/{slug}/settings/mails", shop.slug())
                    .then().statusCode(400).body(containsString("id=\"" + bad[2] + "-error\""));
        }
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().body("invitationDelayDays", org.hamcrest.Matchers.equalTo(2));
    }

    /**
     * Saving the mail timing changes the timing only: a contact address replaced at the same moment
     * (here held uncommitted while the save runs, so the save reads the old one) stays replaced.
     */
    @Test
    void savingTheMailTimingLeavesAContactAddressChangedMeanwhileAlone() throws Exception {
        TestShop shop = shop("Timing " + System.nanoTime(), "before-" + System.nanoTime() + "@example.com");
        String cookie = signInWithKey(shop);
        String token = formToken(cookie, shop.slug());
        String replacement = "after-" + System.nanoTime() + "@example.com";

        CompletableFuture<Integer> save = QuarkusTransaction.requiringNew().call(() -> {
            entities.createNativeQuery("update shop set contact_email = :contact where slug = :slug")
                    .setParameter("contact", replacement).setParameter("slug", shop.slug()).executeUpdate();
            CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> form().cookie("shopscore_session", cookie)
                    .formParam("formToken", token).formParam("invitationDelayDays", "5").formParam("reminderAfterDays", "3")
                    .post("/dashboard/{slug}/settings/mails", shop.slug()).statusCode());
            Thread.sleep(1500); // the save reads the shop and waits for this transaction's row lock
            return running;
        });

        assertEquals(303, save.get(20, TimeUnit.SECONDS));
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200)
                .body("contactEmail", org.hamcrest.Matchers.equalTo(replacement))
                .body("invitationDelayDays", org.hamcrest.Matchers.equalTo(5))
                .body("reminderAfterDays", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void mailPreviewRendersTheRealMailsWithTheShopNameEscapedAndSendsNothing() {
        TestShop shop = shop("Kaas <b>& Co " + System.nanoTime(), null);
        String cookie = signInWithKey(shop);
        outbox.sendDue();
        SmtpResource.server().clear();

        String german = given().cookie("shopscore_session", cookie).get("/dashboard/{slug}/settings/mail-preview?lang=en&mailLang=de", shop.slug())
                .then().statusCode(200).extract().asString();
        assertTrue(german.contains("Kaas &lt;b&gt;&amp; Co"), "the name is escaped once in the text part and subject");
        assertTrue(german.contains("Kaas &amp;lt;b&amp;gt;&amp;amp; Co"), "the HTML part is shown as its escaped source");
        assertFalse(german.contains("<b>&"), "the shop's name never reaches the page as markup");
        assertTrue(german.contains("ORDER-1001"));
        assertTrue(german.contains("lang=\"de\""));
        String english = given().cookie("shopscore_session", cookie).get("/dashboard/{slug}/settings/mail-preview?lang=en", shop.slug())
                .then().statusCode(200).extract().asString();
        assertTrue(english.contains("Invitation") && english.contains("Reminder"));
        assertTrue(!german.equals(english), "each language renders its own mail");

        outbox.sendDue();
        assertEquals(List.of(), SmtpResource.server().mailsTo("customer@example.com"), "a preview sends nothing");
    }

    @Test
    void webhookFollowsTheApisRulesAndItsDeliveriesAreListed() {
        TestShop shop = Api.newShop();
        String cookie = signInWithKey(shop);
        String token = formToken(cookie, shop.slug());

        for (String bad : new String[] { "ftp://hooks.example/x", "not a url", "https://user:pw@hooks.example/x", "" }) {
            form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("lang", "en").formParam("url", bad)
                    .post("/dashboard/{slug}/settings/webhook", shop.slug())
                    .then().statusCode(400).body(containsString("id=\"url-error\""));
        }
        shop.asShop().get("/api/v1/shops/{slug}/webhook", shop.slug()).then().statusCode(404);

        // Tests allow private networks (other tests receive webhooks on 127.0.0.1); DestinationsTest covers the refusal.
        String created = form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("lang", "en")
                .formParam("url", "http://127.0.0.1:9/hook")
                .post("/dashboard/{slug}/settings/webhook", shop.slug())
                .then().statusCode(200).body(containsString("id=\"webhook-secret\"")).extract().asString();
        assertTrue(created.contains("http://127.0.0.1:9/hook"));
        String page = page(cookie, "/webhook", shop.slug());
        assertFalse(page.contains("webhook-secret"), "the secret is shown once only");

        shop.review(4, false);
        page = page(cookie, "/webhook", shop.slug());
        assertTrue(page.contains("<td>review.created</td>"), page);
        assertTrue(page.contains("<td>waiting</td>") || page.contains("<td>failed</td>"), page);

        form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("url", "http://127.0.0.1:10/other")
                .post("/dashboard/{slug}/settings/webhook", shop.slug()).then().statusCode(303);
        shop.asShop().get("/api/v1/shops/{slug}/webhook", shop.slug()).then().statusCode(200)
                .body("url", org.hamcrest.Matchers.equalTo("http://127.0.0.1:10/other"));

        form().cookie("shopscore_session", cookie).formParam("formToken", token)
                .post("/dashboard/{slug}/settings/webhook/remove", shop.slug()).then().statusCode(303);
        shop.asShop().get("/api/v1/shops/{slug}/webhook", shop.slug()).then().statusCode(404);
        given().cookie("shopscore_session", cookie).get("/dashboard/{slug}/settings/webhook?page=x", shop.slug()).then().statusCode(400);
    }

    /** A shop and the session of its contact address, signed in by a mailed link: only such a member manages keys. */
    private record Owned(TestShop shop, String member) {
    }

    private Owned shopWithMember() {
        String contact = "keys-" + System.nanoTime() + "@example.com";
        TestShop shop = shop("Keys " + System.nanoTime(), contact);
        return new Owned(shop, DashboardTest.signInByMail(contact, outbox));
    }

    @Test
    void aSecondKeyOverlapsAndRevokingTheOldOneEndsItAndItsSessionsAtOnce() {
        Owned owned = shopWithMember();
        TestShop shop = owned.shop();
        String member = owned.member();
        String token = formToken(member, shop.slug());
        String oldCookie = signInWithKey(shop);
        assertEquals(List.of(), revocableKeys(member, shop.slug()), "the only key cannot be revoked");

        String answer = form().cookie("shopscore_session", member).formParam("formToken", token).formParam("lang", "en")
                .formParam("label", "Shop server <2027>")
                .post("/dashboard/{slug}/settings/api-keys", shop.slug())
                .then().statusCode(200).header("Cache-Control", "no-store").extract().asString();
        Matcher shown = NEW_KEY.matcher(answer);
        assertTrue(shown.find(), answer);
        TestShop renewed = new TestShop(shop.slug(), shown.group(1));
        assertTrue(answer.contains("Shop server &lt;2027&gt;"));
        assertFalse(page(member, "/api-keys", shop.slug()).contains(renewed.apiKey()), "the key is shown once only");

        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);
        renewed.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);
        String newCookie = signInWithKey(renewed);

        form().cookie("shopscore_session", member).formParam("formToken", token).formParam("lang", "en")
                .post("/dashboard/{slug}/settings/api-keys", shop.slug())
                .then().statusCode(409).body(containsString("Two keys work already"));

        List<Long> live = revocableKeys(member, shop.slug());
        assertEquals(2, live.size());
        long oldKey = live.get(1); // newest first
        form().cookie("shopscore_session", member).formParam("formToken", token)
                .post("/dashboard/{slug}/settings/api-keys/{id}/revoke", shop.slug(), oldKey)
                .then().statusCode(303).header("Location", containsString("/settings/api-keys"));

        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(401);
        renewed.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);
        form().formParam("apiKey", shop.apiKey()).post("/dashboard/sign-in/key").then().statusCode(400);
        given().cookie("shopscore_session", oldCookie).redirects().follow(false).get("/dashboard/{slug}/settings", shop.slug())
                .then().statusCode(303).header("Location", containsString("/dashboard/sign-in"));
        page(newCookie, "", shop.slug());
        assertTrue(page(member, "/api-keys", shop.slug()).contains("revoked"));

        form().cookie("shopscore_session", member).formParam("formToken", token).formParam("lang", "en")
                .post("/dashboard/{slug}/settings/api-keys/{id}/revoke", shop.slug(), oldKey)
                .then().statusCode(404).body(containsString("does not exist or was revoked already"));
        long newKey = live.get(0);
        form().cookie("shopscore_session", member).formParam("formToken", token).formParam("lang", "en")
                .post("/dashboard/{slug}/settings/api-keys/{id}/revoke", shop.slug(), newKey)
                .then().statusCode(409).body(containsString("only working key"));
        renewed.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);
    }

    /**
     * The leaked-key case: a session opened with the key sees the keys and the contact address but
     * can neither create nor revoke a key nor replace the address (403, saying why), and nothing
     * changes; so revoking the leaked key shuts its holder out.
     */
    @Test
    void aSessionOpenedWithTheKeyCannotCreateOrRevokeKeysNorChangeTheContactAddress() {
        Owned owned = shopWithMember();
        TestShop shop = owned.shop();
        String member = owned.member();
        String contact = shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().extract().path("contactEmail");
        Matcher shown = NEW_KEY.matcher(form().cookie("shopscore_session", member).formParam("formToken", formToken(member, shop.slug()))
                .post("/dashboard/{slug}/settings/api-keys", shop.slug()).then().statusCode(200).extract().asString());
        assertTrue(shown.find());
        TestShop second = new TestShop(shop.slug(), shown.group(1));
        List<Long> live = revocableKeys(member, shop.slug());
        assertEquals(2, live.size());

        String keySession = signInWithKey(shop);
        String token = formToken(keySession, shop.slug());
        String keysPage = page(keySession, "/api-keys", shop.slug());
        assertTrue(keysPage.contains("Sign in with your email address to manage API keys, colleagues and the contact address"), keysPage);
        assertFalse(keysPage.contains("/revoke\""), "no revoke buttons");
        assertFalse(keysPage.contains("action=\"/dashboard/" + shop.slug() + "/settings/api-keys\""), "no form to create one");
        String settings = page(keySession, "", shop.slug());
        assertTrue(settings.contains(contact) && !settings.contains("id=\"contactEmail\""), "the address is shown, not offered for change");
        assertTrue(settings.contains("id=\"access-needs-member\""));

        form().cookie("shopscore_session", keySession).formParam("formToken", token).formParam("lang", "en").formParam("label", "mine")
                .post("/dashboard/{slug}/settings/api-keys", shop.slug())
                .then().statusCode(403).body(containsString("You signed in with the shop&#39;s API key")).body(not(containsString("sk_")));
        for (long key : live) {
            form().cookie("shopscore_session", keySession).formParam("formToken", token).formParam("lang", "en")
                    .post("/dashboard/{slug}/settings/api-keys/{id}/revoke", shop.slug(), key)
                    .then().statusCode(403).body(containsString("Sign in with your email address"));
        }
        form().cookie("shopscore_session", keySession).formParam("formToken", token).formParam("lang", "en")
                .formParam("contactEmail", "thief@example.com")
                .post("/dashboard/{slug}/settings/contact", shop.slug())
                .then().statusCode(403).body(containsString("Sign in with your email address"));

        assertEquals(live, revocableKeys(member, shop.slug()), "no key was created or revoked");
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200)
                .body("contactEmail", org.hamcrest.Matchers.equalTo(contact));
        second.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);
        page(keySession, "", shop.slug());
        page(member, "", shop.slug());
    }

    @Test
    void theOperatorsRotationStillRevokesEveryKeyAtOnce() {
        Owned owned = shopWithMember();
        TestShop shop = owned.shop();
        String member = owned.member();
        String cookie = signInWithKey(shop);
        String answer = form().cookie("shopscore_session", member).formParam("formToken", formToken(member, shop.slug()))
                .post("/dashboard/{slug}/settings/api-keys", shop.slug()).then().statusCode(200).extract().asString();
        Matcher shown = NEW_KEY.matcher(answer);
        assertTrue(shown.find());
        TestShop second = new TestShop(shop.slug(), shown.group(1));
        String secondCookie = signInWithKey(second);

        String rotated = Api.asOperator().post("/api/v1/shops/{slug}/api-key", shop.slug()).then().statusCode(200)
                .body("slug", org.hamcrest.Matchers.equalTo(shop.slug())).extract().path("apiKey");
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(401);
        second.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(401);
        new TestShop(shop.slug(), rotated).asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200);
        for (String ended : new String[] { cookie, secondCookie }) {
            given().cookie("shopscore_session", ended).redirects().follow(false).get("/dashboard/{slug}", shop.slug()).then().statusCode(303);
        }
        page(member, "", shop.slug());
    }

    @Test
    void cleanupDeletesLongEndedSignInsAndKeepsLiveOnes() {
        String contact = "clean-" + System.nanoTime() + "@example.com";
        TestShop shop = shop("Cleanup " + System.nanoTime(), contact);
        signInWithKey(shop);
        form().formParam("email", contact).post("/dashboard/sign-in/email").then().statusCode(200);
        long shopId = QuarkusTransaction.requiringNew().call(() -> ((Number) entities.createNativeQuery("select id from shop where slug = :slug")
                .setParameter("slug", shop.slug()).getSingleResult()).longValue());
        assertEquals(1, rows("dashboard_session", shopId));
        assertEquals(1, rows("sign_in_link", shopId));

        clock.advance(Duration.ofDays(29));
        cleanup.clean();
        assertEquals(1, rows("dashboard_session", shopId), "expired, but not 30 days ago");
        assertEquals(1, rows("sign_in_link", shopId));

        clock.advance(Duration.ofDays(2));
        String live = signInWithKey(shop);
        cleanup.clean();
        assertEquals(1, rows("dashboard_session", shopId), "the old session went, the live one stays");
        assertEquals(0, rows("sign_in_link", shopId));
        page(live, "", shop.slug());
    }

    private long rows(String table, long shopId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entities
                .createNativeQuery("select count(*) from " + table + " where shop_id = :shop").setParameter("shop", shopId)
                .getSingleResult()).longValue());
    }

    @Test
    void aPostFromAnotherSiteOrWithoutTheFormTokenIsRefused() {
        Owned owned = shopWithMember();
        TestShop shop = owned.shop();
        String cookie = owned.member();
        String token = formToken(cookie, shop.slug());
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .cookie("shopscore_session", cookie).formParam("formToken", token)
                .post("/dashboard/{slug}/settings/api-keys", shop.slug()).then().statusCode(403);
        form().cookie("shopscore_session", cookie).formParam("invitationDelayDays", "9")
                .post("/dashboard/{slug}/settings/mails", shop.slug()).then().statusCode(403);
        assertEquals(List.of(), revocableKeys(cookie, shop.slug()), "no key was created");
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().body("invitationDelayDays", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void anotherShopsSessionOpensNoSettingsPage() {
        TestShop mine = Api.newShop();
        TestShop theirs = Api.newShop();
        String cookie = signInWithKey(mine);
        String token = formToken(cookie, mine.slug());
        for (String path : new String[] { "", "/mail-preview", "/webhook", "/api-keys" }) {
            given().cookie("shopscore_session", cookie).redirects().follow(false).get("/dashboard/{slug}/settings" + path, theirs.slug())
                    .then().statusCode(403).body(not(containsString(theirs.slug() + ".example")));
            given().redirects().follow(false).get("/dashboard/{slug}/settings" + path, theirs.slug())
                    .then().statusCode(303).header("Location", containsString("/dashboard/sign-in"));
        }
        form().cookie("shopscore_session", cookie).formParam("formToken", token)
                .post("/dashboard/{slug}/settings/api-keys", theirs.slug()).then().statusCode(403);
        form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("url", "http://127.0.0.1:9/x")
                .post("/dashboard/{slug}/settings/webhook", theirs.slug()).then().statusCode(403);
        theirs.asShop().get("/api/v1/shops/{slug}/webhook", theirs.slug()).then().statusCode(404);
        form().cookie("shopscore_session", cookie).formParam("formToken", token)
                .post("/dashboard/{slug}/settings/api-keys/1/revoke", theirs.slug()).then().statusCode(403);
    }
}
