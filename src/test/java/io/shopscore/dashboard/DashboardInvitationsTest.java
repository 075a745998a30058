package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shopscore.mail.MailOutbox;
import io.shopscore.mail.MailQueue;
import io.shopscore.shop.ShopService;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;
import io.shopscore.testing.SmtpResource;

/** The invitations page through HTTP as a browser uses it: the states, inviting one customer, uploading a file of orders. */
@QuarkusTest
class DashboardInvitationsTest {

    private static final String ORIGIN = DashboardTest.ORIGIN;

    @Inject
    MailOutbox outbox;

    @Inject
    MailQueue mails;

    @Inject
    MovableClock clock;

    @Inject
    EntityManager entities;

    @BeforeEach
    void emptyOutbox() {
        outbox.sendDue();
        SmtpResource.server().clear();
    }

    @AfterEach
    void reset() {
        clock.reset();
        SmtpResource.server().refuseNext(0, "550 reset");
    }

    /** A signed-in browser of one shop: its cookie and form token. */
    record Browser(TestShop shop, String cookie, String token) {

        static Browser of(TestShop shop) {
            String cookie = DashboardTest.signInWithKey(shop);
            return new Browser(shop, cookie, DashboardTest.formToken(cookie, shop.slug()));
        }

        String list(String query) {
            return given().cookie("shopscore_session", cookie).get("/dashboard/{slug}/invitations?lang=en" + query, shop.slug())
                    .then().statusCode(200).header("Cache-Control", "no-store").extract().asString();
        }

        RequestSpecification form() {
            return DashboardTest.form().cookie("shopscore_session", cookie).formParam("formToken", token).formParam("lang", "en");
        }

        RequestSpecification upload(String fileName, byte[] content) {
            return given().redirects().follow(false).header("Origin", ORIGIN).cookie("shopscore_session", cookie)
                    .multiPart("formToken", token).multiPart("lang", "en").multiPart("file", fileName, content, "text/csv");
        }

        /** Uploads the file, follows the 303 to its job and waits for the job to end; returns the job page. */
        String uploadAndWait(String content) {
            String location = upload("orders.csv", content.getBytes(StandardCharsets.UTF_8))
                    .post("/dashboard/{slug}/invitations/uploads", shop.slug())
                    .then().statusCode(303).extract().header("Location");
            assertTrue(location.contains("/dashboard/" + shop.slug() + "/invitations/uploads/"), location);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                String page = given().cookie("shopscore_session", cookie).get(location).then().statusCode(200).extract().asString();
                if (!page.contains("http-equiv=\"refresh\"")) {
                    return page;
                }
                pause();
            }
            return fail("the upload's job did not end within 30 seconds");
        }

        int apiTotal() {
            return shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(200).extract().path("total");
        }
    }

    private static void invite(TestShop shop, String orderRef, String email, Integer delayDays, String delivery) {
        Map<String, Object> body = new HashMap<>(Map.of("orderRef", orderRef, "email", email, "name", "Customer " + orderRef));
        if (delayDays != null) {
            body.put("delayDays", delayDays);
        }
        if (delivery != null) {
            body.put("delivery", delivery);
        }
        shop.asShop().body(body).post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201);
    }

    private static String state(String page, String orderRef) {
        int at = page.indexOf("<span class=\"inv-order\">" + orderRef + "</span>");
        assertTrue(at >= 0, orderRef + " is listed");
        int from = page.indexOf("class=\"inv-state ", at) + "class=\"inv-state ".length();
        return page.substring(from, page.indexOf('"', from));
    }

    @Test
    void everyInvitationShowsItsStateAsTheCustomersMailSeesIt() {
        TestShop shop = Api.newShop(Api.freshSlug("inv"), "en");
        Browser browser = Browser.of(shop);
        String sentTo = "sent-" + shop.slug() + "@example.com";
        invite(shop, "LATER", "later-" + shop.slug() + "@example.com", 3, null);
        invite(shop, "SENT", sentTo, 0, null);
        outbox.sendDue();
        assertEquals(1, SmtpResource.server().awaitMailsTo(sentTo, 1, Duration.ofSeconds(10)).size());

        String refused = "refused-" + shop.slug() + "@example.com";
        SmtpResource.server().refuseNext(1, "550 5.1.1 No such user");
        invite(shop, "BOUNCED", refused, 0, null);
        outbox.sendDue();

        String optedOut = "gone-" + shop.slug() + "@example.com";
        invite(shop, "OPTED", optedOut, 3, null);
        QuarkusTransaction.requiringNew().run(() -> mails.optOut(ShopService.require(shop.slug()).id(), optedOut, Instant.now()));

        String token = shop.asShop().body(Map.of("orderRef", "REVIEWED", "email", "r@example.com", "delivery", "link"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201).extract().path("token");
        given().contentType(ContentType.JSON).body(Map.of("score", 9, "text", "Fine shop"))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201);
        invite(shop, "HANDED", "h@example.com", 0, "link");

        String page = browser.list("");
        assertEquals("scheduled", state(page, "LATER"));
        assertEquals("sent", state(page, "SENT"));
        assertEquals("failed", state(page, "BOUNCED"));
        assertEquals("opted-out", state(page, "OPTED"));
        assertEquals("reviewed", state(page, "REVIEWED"));
        assertEquals("link", state(page, "HANDED"));
        assertTrue(page.contains("could not be mailed: mail server replied") && page.contains("550 5.1.1 No such user"), "a failure says why");
        assertTrue(page.contains("to be mailed on "), "a scheduled invitation says when");
        assertTrue(page.contains("s•••@example.com"), "the address is shown masked");
        assertFalse(page.contains(sentTo), "never in full");
        assertTrue(page.indexOf(">HANDED<") < page.indexOf(">LATER<"), "newest first");

        String sent = browser.list("&state=sent");
        assertTrue(sent.contains(">SENT<"));
        assertFalse(sent.contains(">LATER<"));
        assertTrue(sent.contains("1 invitation<") || sent.contains("1 invitation "), sent);
        assertFalse(sent.contains("1 invitations"), "one is singular");
        String opted = browser.list("&state=opted-out");
        assertTrue(opted.contains(">OPTED<") && !opted.contains(">SENT<"));

        clock.advance(Duration.ofDays(400));
        String expired = Browser.of(shop).list("&state=expired"); // the old session ended long ago
        assertTrue(expired.contains(">LATER<") && expired.contains(">SENT<") && !expired.contains(">REVIEWED<"), "unreviewed invitations expire");
    }

    @Test
    void theListIsPagedAndRefusesAnUnknownStateOrPage() {
        TestShop shop = Api.newShop(Api.freshSlug("inv"), "en");
        Browser browser = Browser.of(shop);
        for (int i = 1; i <= 21; i++) {
            invite(shop, "P-" + i, "p" + i + "@example.com", 3, null);
        }
        String first = browser.list("");
        assertTrue(first.contains("Page 1 of 2") && first.contains(">P-21<") && !first.contains(">P-1<"));
        String second = browser.list("&page=1");
        assertTrue(second.contains(">P-1<") && second.contains("rel=\"prev\""));
        given().cookie("shopscore_session", browser.cookie()).get("/dashboard/{slug}/invitations?state=<b>x</b>&lang=en", shop.slug())
                .then().statusCode(400).body(containsString("Choose one of the states")).body(not(containsString("<b>x</b>")));
        given().cookie("shopscore_session", browser.cookie()).get("/dashboard/{slug}/invitations?page=-1&lang=en", shop.slug())
                .then().statusCode(400).body(containsString("The page must be a whole number"));
    }

    @Test
    void invitingOneCustomerUsesTheApisRules() {
        TestShop shop = Api.newShop(Api.freshSlug("inv"), "en");
        Browser browser = Browser.of(shop);
        browser.form().formParam("orderRef", "ONE-1").formParam("email", "one@example.com").formParam("name", "Anna <b>")
                .formParam("language", "de").post("/dashboard/{slug}/invitations", shop.slug())
                .then().statusCode(303).header("Location", containsString("notice=invited"));
        Map<String, Object> created = shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(200)
                .extract().path("items[0]");
        assertEquals("ONE-1", created.get("orderRef"));
        assertEquals("de", created.get("locale"));
        assertTrue(browser.list("&notice=invited").contains("The customer is invited."));
        assertTrue(browser.list("").contains("Anna &lt;b&gt;"), "what the shop typed is escaped");

        browser.form().formParam("orderRef", "ONE-1").formParam("email", "other@example.com")
                .post("/dashboard/{slug}/invitations", shop.slug())
                .then().statusCode(303).header("Location", containsString("notice=already"));

        Response bad = browser.form().formParam("orderRef", "").formParam("email", "not-an-address").formParam("name", "A\u0007B")
                .formParam("language", "xx").post("/dashboard/{slug}/invitations", shop.slug());
        assertEquals(400, bad.statusCode());
        String page = bad.asString();
        assertTrue(page.contains("id=\"orderRef-error\">Enter the order number"), page);
        assertTrue(page.contains("id=\"email-error\">Enter an email address"));
        assertTrue(page.contains("id=\"name-error\">"));
        assertTrue(page.contains("id=\"language-error\">"));
        assertTrue(page.contains("value=\"not-an-address\""), "the form keeps what was typed");
        assertEquals(1, browser.apiTotal(), "nothing more was invited");
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesTheLineAndColumn() {
        TestShop shop = Api.newShop(Api.freshSlug("inv"), "en");
        Browser browser = Browser.of(shop);
        String page = browser.uploadAndWait("orderRef,email,name\nB-1,b1@example.com,Bea\nB-2,not-an-address,<script>x</script>\nB-3,b3@example.com,\n");
        assertTrue(page.contains("Not imported: rows to correct"), page);
        assertTrue(page.contains("<tr><td>3</td><td>email</td><td>must be an email address</td></tr>"), page);
        assertTrue(page.contains("1 problem found. Nothing was imported"), page);
        assertFalse(page.contains("<script>x"), "the file's content is never markup");
        assertEquals(0, browser.apiTotal());

        String corrected = browser.uploadAndWait("orderRef,email,name\nB-1,b1@example.com,Bea\nB-2,b2@example.com,<script>x</script>\nB-3,b3@example.com,\n");
        assertTrue(corrected.contains("3 customers invited; 0 orders already had an invitation"), corrected);
        assertEquals(3, browser.apiTotal());
        assertTrue(browser.list("").contains("&lt;script&gt;x&lt;/script&gt;"));
    }

    @Test
    void aFileIsReadWithBomCrlfQuotedFieldsAndColumnsInAnyOrder() {
        TestShop shop = Api.newShop(Api.freshSlug("inv"), "en");
        Browser browser = Browser.of(shop);
        invite(shop, "Q-0", "q0@example.com", 3, null);
        String file = "\uFEFFLanguage,email,Name,orderRef\r\n"
                + "nl,q1@example.com,\"Vries, Jan \"\"de\"\"\",Q-1\r\n"
                + "\r\n"
                + ",\"q2@example.com\",,Q-2\r\n"
                + "fr,q0@example.com,Zoë,Q-0\r\n";
        String page = browser.uploadAndWait(file);
        assertTrue(page.contains("2 customers invited; 1 order already had an invitation and keeps it."), page);
        List<Map<String, Object>> items = shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()).then().extract().path("items");
        Map<String, Object> jan = items.stream().filter(item -> "Q-1".equals(item.get("orderRef"))).findFirst().orElseThrow();
        assertEquals("Vries, Jan \"de\"", jan.get("name"));
        assertEquals("nl", jan.get("locale"));
        Map<String, Object> two = items.stream().filter(item -> "Q-2".equals(item.get("orderRef"))).findFirst().orElseThrow();
        assertEquals("en", two.get("locale"), "no language: the shop's");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedAtOnce() {
        TestShop shop = Api.newShop(Api.freshSlug("inv"), "en");
        Browser browser = Browser.of(shop);
        byte[] tooBig = ("orderRef,email\n" + "X-1,x@example.com\n".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
        assertTrue(tooBig.length > 5 * 1024 * 1024);
        browser.upload("big.csv", tooBig).post("/dashboard/{slug}/invitations/uploads", shop.slug())
                .then().statusCode(413).body(containsString("at most 5 MB"));
        StringBuilder many = new StringBuilder("orderRef,email\n");
        for (int i = 0; i <= 20_000; i++) {
            many.append("M-").append(i).append(",m@example.com\n");
        }
        browser.upload("many.csv", many.toString().getBytes(StandardCharsets.UTF_8)).post("/dashboard/{slug}/invitations/uploads", shop.slug())
                .then().statusCode(413).body(containsString("at most 20000 rows"));
        browser.upload("latin1.csv", "orderRef,email,name\nL-1,l@example.com,Zo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1))
                .post("/dashboard/{slug}/invitations/uploads", shop.slug())
                .then().statusCode(400).body(containsString("must be UTF-8"));
        browser.upload("header.csv", "order,email,<i>x</i>\nL-1,l@example.com,1\n".getBytes(StandardCharsets.UTF_8))
                .post("/dashboard/{slug}/invitations/uploads", shop.slug())
                .then().statusCode(400).body(containsString("order: is not a column")).body(containsString("&lt;i&gt;x&lt;/i&gt;"))
                .body(containsString("orderRef: is missing from the header"));
        // a header of 100,000 commas is one problem, not 100,000
        browser.upload("commas.csv", (",".repeat(100_000) + "\nL-1\n").getBytes(StandardCharsets.UTF_8))
                .post("/dashboard/{slug}/invitations/uploads", shop.slug())
                .then().statusCode(400).body(containsString("100001 columns in its header"))
                .body(not(containsString("is not a column of a file of orders")));
        assertEquals(0, browser.apiTotal());
    }

    /**
     * One file of a shop at a time: while one is checked or imported, a second is refused (409) and
     * nothing of it is stored; a job that has not reported for ten minutes (its process ended) no
     * longer holds the shop up. The running job is a row written here, as a job on another instance
     * would leave it: a real job on this instance ends in milliseconds, so a second upload could
     * not be made to meet it every time.
     */
    @Test
    void aSecondFileWhileOneIsRunningIsRefusedUntilTheFirstFallsSilent() {
        TestShop shop = Api.newShop(Api.freshSlug("inv"), "en");
        Browser browser = Browser.of(shop);
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("insert into invitation_upload (id, shop_id, file_name, state, "
                + "total_rows, done_rows, invited, already, problem_count, created_at, updated_at) select ?1, id, 'first.csv', 'IMPORTING', "
                + "20000, 500, 0, 0, 0, ?2, ?2 from shop where slug = ?3")
                .setParameter(1, -System.nanoTime()).setParameter(2, now).setParameter(3, shop.slug()).executeUpdate());

        browser.upload("second.csv", "orderRef,email\nS-1,s1@example.com\n".getBytes(StandardCharsets.UTF_8))
                .post("/dashboard/{slug}/invitations/uploads", shop.slug())
                .then().statusCode(409).body(containsString("still being checked or imported"));
        assertEquals(0, browser.apiTotal());

        clock.advance(Duration.ofMinutes(11));
        browser.uploadAndWait("orderRef,email\nS-1,s1@example.com\n");
        assertEquals(1, browser.apiTotal(), "the second file went in once the first fell silent");
    }

    @Test
    void anotherShopsSessionOpensNothingAndForeignPostsAreRefused() {
        TestShop mine = Api.newShop(Api.freshSlug("inv"), "en");
        TestShop theirs = Api.newShop(Api.freshSlug("inv"), "en");
        Browser me = Browser.of(mine);
        Browser them = Browser.of(theirs);
        String theirJob = them.upload("orders.csv", "orderRef,email\nT-1,t@example.com\n".getBytes(StandardCharsets.UTF_8))
                .post("/dashboard/{slug}/invitations/uploads", theirs.slug()).then().statusCode(303).extract().header("Location");
        String theirId = theirJob.substring(theirJob.lastIndexOf('/') + 1, theirJob.indexOf('?'));

        given().cookie("shopscore_session", me.cookie()).get("/dashboard/{slug}/invitations", theirs.slug()).then().statusCode(403);
        given().cookie("shopscore_session", me.cookie()).get("/dashboard/{slug}/invitations/uploads/{id}", theirs.slug(), theirId)
                .then().statusCode(403);
        given().cookie("shopscore_session", me.cookie()).get("/dashboard/{slug}/invitations/uploads/{id}", mine.slug(), theirId)
                .then().statusCode(404);
        me.form().formParam("orderRef", "X-1").formParam("email", "x@example.com").post("/dashboard/{slug}/invitations", theirs.slug())
                .then().statusCode(403);
        me.upload("orders.csv", "orderRef,email\nX-1,x@example.com\n".getBytes(StandardCharsets.UTF_8))
                .post("/dashboard/{slug}/invitations/uploads", theirs.slug()).then().statusCode(403);

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .cookie("shopscore_session", me.cookie()).formParam("formToken", me.token())
                .formParam("orderRef", "X-2").formParam("email", "x@example.com")
                .post("/dashboard/{slug}/invitations", mine.slug()).then().statusCode(403);
        given().redirects().follow(false).header("Origin", "https://evil.example").cookie("shopscore_session", me.cookie())
                .multiPart("formToken", me.token()).multiPart("file", "o.csv", "orderRef,email\nX-3,x@example.com\n".getBytes(StandardCharsets.UTF_8))
                .post("/dashboard/{slug}/invitations/uploads", mine.slug()).then().statusCode(403);
        DashboardTest.form().cookie("shopscore_session", me.cookie()).formParam("orderRef", "X-4").formParam("email", "x@example.com")
                .post("/dashboard/{slug}/invitations", mine.slug()).then().statusCode(403);
        given().redirects().follow(false).get("/dashboard/{slug}/invitations", mine.slug()).then().statusCode(303);
        assertEquals(0, me.apiTotal(), "nothing was invited by any of these");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
