package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.shopscore.mail.MailOutbox;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.ReceivedMail;
import io.shopscore.testing.SmtpResource;

/** The dashboard's Reviews page through HTTP as a browser uses it: filters, paging, responding, reporting and who did it. */
@QuarkusTest
class DashboardReviewsTest {

    private static final Pattern REVIEW_ID = Pattern.compile("<li class=\"review dash-review\" id=\"review-(\\d+)\"");
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/dashboard/sign-in/([A-Za-z0-9_-]{43})");

    @Inject
    MailOutbox outbox;

    @BeforeEach
    void emptyOutbox() {
        outbox.sendDue();
        SmtpResource.server().clear();
    }

    /** A shop, signed in with its key, with the session's cookie and form token. */
    record Signed(TestShop shop, String cookie, String formToken) {

        ValidatableResponse list(String query) {
            return given().urlEncodingEnabled(false).cookie(DashboardGate.COOKIE, cookie).redirects().follow(false)
                    .get("/dashboard/" + shop.slug() + "/reviews?lang=en" + (query.isEmpty() ? "" : "&" + query)).then();
        }

        List<Long> ids(String query) {
            return idsIn(list(query).statusCode(200).extract().asString());
        }

        ValidatableResponse details(Object id) {
            return given().cookie(DashboardGate.COOKIE, cookie).redirects().follow(false)
                    .get("/dashboard/{slug}/reviews/{id}?lang=en", shop.slug(), id).then();
        }

        ValidatableResponse post(long id, String action, Map<String, String> fields) {
            var request = DashboardTest.form().cookie(DashboardGate.COOKIE, cookie).formParam("formToken", formToken).formParam("lang", "en");
            fields.forEach(request::formParam);
            return request.post("/dashboard/{slug}/reviews/{id}/{action}", shop.slug(), id, action).then();
        }

        ValidatableResponse respond(long id, String text) {
            return post(id, "response", Map.of("text", text));
        }
    }

    private static Signed signIn(TestShop shop) {
        String cookie = DashboardTest.signInWithKey(shop);
        return new Signed(shop, cookie, DashboardTest.formToken(cookie, shop.slug()));
    }

    private static Signed newSignedShop() {
        return signIn(Api.newShop(Api.freshSlug("dashrev"), "en"));
    }

    /** Writes a review with this grade, title and text through a new invitation; returns its id. */
    private static long review(TestShop shop, int score, String title, String text) {
        String token = shop.invite();
        Map<String, Object> body = new HashMap<>(Map.of("score", score, "text", text));
        if (title != null) {
            body.put("title", title);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private static List<Long> idsIn(String page) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = REVIEW_ID.matcher(page);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private static String reviewGrade(TestShop shop, long id) {
        return given().get("/api/v1/shops/{slug}/reviews?size=100", shop.slug()).then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.id == " + id + " }.score");
    }

    @Test
    void listsEveryStateTheShopMaySeeNewestFirstWithImportedMarked() {
        Signed signed = newSignedShop();
        TestShop shop = signed.shop();
        shop.asShop().contentType("text/csv").body("date,grade,title,text,displayName,recommend,response\n2024-03-01,8,Old,From before,Anna,yes,Thanks Anna\n")
                .post("/api/v1/shops/{slug}/imports", shop.slug()).then().statusCode(200);
        long published = review(shop, 9, "Lovely", "Quick and friendly");
        long held = review(shop, 7, "Look", "See https://elsewhere.example for more");
        long removed = review(shop, 2, "Fake", "Never ordered here");
        Api.asOperator().body(Map.of("decision", "remove", "category", "not_a_customer", "reason", "Not written by a customer"))
                .post("/api/v1/moderation/reviews/{id}/decision", removed).then().statusCode(200);
        long withdrawn = review(shop, 5, "Gone", "I take it back");
        given().delete("/api/v1/review-edits/{token}", Api.editToken(withdrawn)).then().statusCode(204);

        String page = signed.list("").statusCode(200).header("Cache-Control", "no-store").extract().asString();
        List<Long> ids = idsIn(page);
        assertEquals(4, ids.size(), page);
        assertEquals(List.of(removed, held, published), ids.subList(0, 3), "newest first, the withdrawn one nowhere");
        assertFalse(ids.contains(withdrawn));
        assertTrue(page.contains("Reviews found: 4"), page);
        assertTrue(page.contains("Held: the operator checks it first"), page);
        assertTrue(page.contains("held for: link"), page);
        assertTrue(page.contains("Removed by moderation"), page);
        assertTrue(page.contains("Public reason for the removal: Not written by a customer"), page);
        assertTrue(page.contains("<strong>imported</strong>"), page);
        assertTrue(page.contains("Thanks Anna"), "an imported review's response shows");
        // a removed review can be neither answered nor reported
        assertFalse(page.contains("/reviews/" + removed + "/response"), page);
        assertFalse(page.contains("/reviews/" + removed + "/report"), page);
        assertTrue(page.contains("/reviews/" + held + "/response"), page);
    }

    @Test
    void everyFilterAloneAndCombined() {
        Signed signed = newSignedShop();
        TestShop shop = signed.shop();
        long late = review(shop, 2, "Never arrived", "The parcel never arrived and the delivery was weeks late.");
        long neutral = review(shop, 6, "Okay", "It was fine, nothing special.");
        long happy = review(shop, 9, "Great", "Lovely shop, would buy again.");
        shop.asShop().body(Map.of("text", "Thank you!")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), happy)
                .then().statusCode(200);
        shop.asShop().contentType("text/csv").body("date,grade,title,text,displayName,recommend,response\n2024-03-01,3,Meh,Imported complaint,Bob,no,\n")
                .post("/api/v1/shops/{slug}/imports", shop.slug()).then().statusCode(200);
        List<Long> all = signed.ids("");
        long imported = all.get(3);

        assertEquals(List.of(late, imported), signed.ids("grade=negative"));
        assertEquals(List.of(neutral), signed.ids("grade=neutral"));
        assertEquals(List.of(happy), signed.ids("grade=positive"));
        assertEquals(List.of(happy), signed.ids("answered=yes"));
        assertEquals(List.of(neutral, late, imported), signed.ids("answered=no"));
        assertEquals(List.of(late), signed.ids("topic=delivery"));
        assertEquals(List.of(), signed.ids("topic=customer_service"), "the underscore of a topic's code matches only itself");
        assertEquals(List.of(imported), signed.ids("source=imported"));
        assertEquals(List.of(happy, neutral, late), signed.ids("source=invited"));
        assertEquals(List.of(), signed.ids("source=connector"));
        assertEquals(List.of(), signed.ids("reported=yes"));

        signed.post(neutral, "report", Map.of("reason", "other", "comment", "Looks copied")).statusCode(303);
        assertEquals(List.of(neutral), signed.ids("reported=yes"));
        assertEquals(List.of(happy, late, imported), signed.ids("reported=no"));

        assertEquals(List.of(late), signed.ids("grade=negative&source=invited&answered=no"));
        assertEquals(List.of(), signed.ids("grade=positive&answered=no"));
        assertEquals(List.of(neutral), signed.ids("answered=no&reported=yes&q=FINE"));
        signed.list("grade=negative&topic=delivery").statusCode(200)
                .body(containsString("<option value=\"negative\" selected>Negative (1–5)</option>"))
                .body(containsString("<option value=\"delivery\" selected>"));
    }

    @Test
    void searchIsCaseInsensitiveAndTakesWildcardsLiterally() {
        Signed signed = newSignedShop();
        TestShop shop = signed.shop();
        long percent = review(shop, 8, "100% happy", "Everything was right.");
        long plain = review(shop, 8, "Happy", "1000 things went right.");
        long underscore = review(shop, 7, null, "My snake_case order arrived.");
        long lookalike = review(shop, 7, null, "My snakeXcase order arrived.");
        long quote = review(shop, 6, null, "It's o'clock somewhere.");

        assertEquals(List.of(percent), signed.ids("q=100%25"));
        assertEquals(List.of(plain, percent), signed.ids("q=HAPPY"));
        assertEquals(List.of(underscore), signed.ids("q=e_c"));
        assertEquals(List.of(lookalike, underscore), signed.ids("q=order"));
        assertEquals(List.of(quote), signed.ids("q=o%27clock"));
        assertEquals(List.of(), signed.ids("q=%27%20or%201%3D1%20--"));
        assertEquals(List.of(), signed.ids("q=!"));
        signed.list("q=%3Cscript%3E").statusCode(200).body(not(containsString("<script>")))
                .body(containsString("value=\"&lt;script&gt;\""));
    }

    @Test
    void pagesKeepTheirFiltersAndCountTheTotal() {
        Signed signed = newSignedShop();
        TestShop shop = signed.shop();
        List<Long> negative = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            negative.add(review(shop, 3, "Bad " + i, "Not good " + i));
        }
        review(shop, 9, "Good", "Fine shop");
        List<Long> newestFirst = new ArrayList<>(negative);
        Collections.reverse(newestFirst);

        String first = signed.list("grade=negative").statusCode(200).extract().asString();
        assertEquals(20, idsIn(first).size());
        assertEquals(newestFirst.subList(0, 20), idsIn(first));
        assertTrue(first.contains("Reviews found: 23"), first);
        assertTrue(first.contains("Page 1 of 2"), first);
        assertTrue(first.contains("href=\"/dashboard/" + shop.slug() + "/reviews?lang=en&amp;grade=negative&amp;page=2\" rel=\"next\""), first);
        assertFalse(first.contains("rel=\"prev\""));

        String second = signed.list("grade=negative&page=2").statusCode(200).extract().asString();
        assertEquals(newestFirst.subList(20, 23), idsIn(second));
        assertTrue(second.contains("href=\"/dashboard/" + shop.slug() + "/reviews?lang=en&amp;grade=negative\" rel=\"prev\""), second);
        assertFalse(second.contains("rel=\"next\""));
        assertTrue(second.contains("<input type=\"hidden\" name=\"grade\" value=\"negative\">"), "the forms carry the filters on");
        assertTrue(second.contains("<input type=\"hidden\" name=\"page\" value=\"2\">"));

        assertEquals(List.of(), signed.ids("grade=negative&page=9"), "past the end: an empty page, not an error");
    }

    @Test
    void aBadFilterValueIsA400NamingTheField() {
        Signed signed = newSignedShop();
        review(signed.shop(), 8, "Fine", "All good");
        for (String[] bad : new String[][] { { "grade=awful", "grade" }, { "grade=1", "grade" }, { "topic=weather", "topic" },
                { "answered=maybe", "answered" }, { "reported=1", "reported" }, { "source=email", "source" }, { "page=0", "page" },
                { "page=-1", "page" }, { "page=abc", "page" }, { "page=99999999", "page" }, { "q=" + "x".repeat(201), "q" } }) {
            String page = signed.list(bad[0]).statusCode(400).extract().asString();
            assertTrue(page.contains("The value of “" + bad[1] + "” is not one of the choices."), bad[0] + ": " + page);
            assertTrue(idsIn(page).isEmpty(), "no list under a bad filter");
        }
        signed.list("grade=awful").body(containsString("id=\"f-grade\" name=\"grade\" aria-invalid=\"true\""));
    }

    @Test
    void respondingAndEditingThroughTheFormKeepsTheListPositionAndRecordsWho() {
        Signed signed = newSignedShop();
        TestShop shop = signed.shop();
        long id = review(shop, 3, "Slow", "Took ages");

        signed.post(id, "response", Map.of("text", "  Sorry, we changed couriers.  ", "grade", "negative", "answered", "no", "page", "1"))
                .statusCode(303)
                .header("Location", endsWith("/dashboard/" + shop.slug() + "/reviews?lang=en&grade=negative&answered=no#review-" + id))
                .header("Cache-Control", "no-store");
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then()
                .body("items[0].response.text", equalTo("Sorry, we changed couriers."));
        signed.details(id).statusCode(200).body(containsString("Sorry, we changed couriers."))
                .body(containsString("by api-key"));

        signed.respond(id, "Sorry, and here is a voucher.").statusCode(303);
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then()
                .body("items[0].response.text", equalTo("Sorry, and here is a voucher."))
                .body("items[0].response.createdAt", not(nullValue()));
        String list = signed.list("").extract().asString();
        assertTrue(list.contains("Edit the response"), list);
        assertTrue(list.contains(">Sorry, and here is a voucher.</textarea>"), "the form holds the response to edit");
        assertFalse(list.contains("Sorry, we changed couriers."), "an edit replaces the one response");

        shop.asShop().body(Map.of("text", "From our system")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), id)
                .then().statusCode(200);
        signed.details(id).body(containsString("by api</p>"));
    }

    @Test
    void aBadResponseIsShownAgainWithA400AndChangesNothing() {
        Signed signed = newSignedShop();
        TestShop shop = signed.shop();
        long id = review(shop, 4, "Meh", "Could be better");

        String blank = signed.post(id, "response", Map.of("text", "   ", "grade", "negative")).statusCode(400).extract().asString();
        assertTrue(blank.contains("Write a response of at most 5000 characters."), blank);
        assertTrue(blank.contains("<details class=\"review-action\" open>"), "the form with the error is open");
        String tooLong = "x".repeat(5001);
        String page = signed.post(id, "response", Map.of("text", tooLong)).statusCode(400).extract().asString();
        assertTrue(page.contains(">" + tooLong + "</textarea>"), "what was typed is kept");
        signed.post(id, "response", Map.of("text", "fine", "grade", "awful")).statusCode(400)
                .body(containsString("The value of “grade” is not one of the choices."));
        signed.post(id, "response", Map.of()).statusCode(400);
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("items[0].response", nullValue());
        signed.respond(id, "x".repeat(5000)).statusCode(303);
    }

    @Test
    void reportingThroughTheFormShowsTheReviewAsReportedAndRecordsWho() {
        Signed signed = newSignedShop();
        TestShop shop = signed.shop();
        long id = review(shop, 1, "Liars", "You are all <b>crooks</b>");

        signed.post(id, "report", Map.of("reason", "nonsense")).statusCode(400).body(containsString("Choose one of the reasons."));
        signed.post(id, "report", Map.of()).statusCode(400).body(containsString("Choose one of the reasons."));
        signed.post(id, "report", Map.of("reason", "offensive", "comment", "y".repeat(1001))).statusCode(400)
                .body(containsString("Write at most 1000 characters."));
        signed.list("reported=yes").statusCode(200).body(containsString("Reviews found: 0"));

        signed.post(id, "report", Map.of("reason", "offensive", "comment", "Calls us <crooks>", "q", "crooks")).statusCode(303)
                .header("Location", endsWith("/dashboard/" + shop.slug() + "/reviews?lang=en&q=crooks#review-" + id));
        String list = signed.list("").extract().asString();
        assertTrue(list.contains("reported, waiting for the operator"), list);
        assertFalse(list.contains("/reviews/" + id + "/report\""), "reported once, no second form");
        assertTrue(list.contains("You are all &lt;b&gt;crooks&lt;/b&gt;"), "what customers wrote is escaped");

        signed.details(id).statusCode(200)
                .body(containsString("Offensive, reported by api-key on"))
                .body(containsString("Calls us &lt;crooks&gt;"))
                .body(containsString("Waiting for the operator"));
        signed.post(id, "report", Map.of("reason", "other")).statusCode(409)
                .body(containsString("the review was reported or removed in the meantime"));

        Api.asOperator().body(Map.of("decision", "keep", "reason", "Strong words, but an opinion"))
                .post("/api/v1/moderation/reviews/{id}/decision", id).then().statusCode(200);
        signed.details(id).body(containsString("Rejected: the review stays"))
                .body(containsString("Kept by the operator (Strong words, but an opinion)"));
        // the API's report records "api"
        shop.asShop().body(Map.of("reason", "other")).post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), id)
                .then().statusCode(201);
        signed.details(id).body(containsString("Other, reported by api on"));
    }

    @Test
    void aMemberSignedInByMailIsRecordedButNeverShownPublicly() {
        String contact = "owner-" + System.nanoTime() + "@example.com";
        String slug = Api.freshSlug("dashrev");
        String apiKey = Api.asOperator()
                .body(Map.of("slug", slug, "name", "Shop " + slug, "websiteUrl", "https://" + slug + ".example", "locale", "en",
                        "contactEmail", contact))
                .post("/api/v1/shops").then().statusCode(201).extract().path("apiKey");
        TestShop shop = new TestShop(slug, apiKey);
        long answered = review(shop, 5, "Hm", "Not great");
        long reported = review(shop, 2, "Bad", "Awful");

        DashboardTest.form().formParam("email", contact).post("/dashboard/sign-in/email").then().statusCode(200);
        outbox.sendDue();
        ReceivedMail mail = SmtpResource.server().awaitMailTo(contact, m -> LINK.matcher(m.text()).find(), Duration.ofSeconds(10));
        Matcher link = LINK.matcher(mail.text());
        assertTrue(link.find());
        String cookie = DashboardTest.form().post("/dashboard/sign-in/{token}", link.group(1)).then().statusCode(303)
                .extract().cookie(DashboardGate.COOKIE);
        Signed signed = new Signed(shop, cookie, DashboardTest.formToken(cookie, slug));

        signed.respond(answered, "We are sorry.").statusCode(303);
        signed.post(reported, "report", Map.of("reason", "not_a_customer")).statusCode(303);
        signed.details(answered).body(containsString("by " + contact));
        signed.details(reported).body(containsString("Not a customer, reported by " + contact));

        given().get("/api/v1/shops/{slug}/reviews", slug).then().statusCode(200).body(not(containsString(contact)))
                .body(containsString("We are sorry."));
        given().accept("text/html").get("/shops/{slug}?lang=en", slug).then().statusCode(200).body(not(containsString(contact)))
                .body(containsString("We are sorry."));
    }

    @Test
    void oneShopNeverSeesOrTouchesAnothersReviews() {
        Signed mine = newSignedShop();
        TestShop theirs = Api.newShop(Api.freshSlug("dashrev"), "en");
        long theirReview = review(theirs, 2, "Secret", "Their customer's words");

        mine.details(theirReview).statusCode(404).body(not(containsString("Their customer's words")))
                .body(containsString("Your shop has no review with this number."));
        mine.respond(theirReview, "Hijack").statusCode(404);
        mine.post(theirReview, "report", Map.of("reason", "other")).statusCode(404);
        mine.details("abc").statusCode(404);
        mine.details("99999999999").statusCode(404);

        given().cookie(DashboardGate.COOKIE, mine.cookie()).get("/dashboard/{slug}/reviews", theirs.slug()).then().statusCode(403);
        given().cookie(DashboardGate.COOKIE, mine.cookie()).get("/dashboard/{slug}/reviews/{id}", theirs.slug(), theirReview).then()
                .statusCode(403);
        DashboardTest.form().cookie(DashboardGate.COOKIE, mine.cookie()).formParam("formToken", mine.formToken()).formParam("text", "Hijack")
                .post("/dashboard/{slug}/reviews/{id}/response", theirs.slug(), theirReview).then().statusCode(403);
        given().get("/api/v1/shops/{slug}/reviews", theirs.slug()).then().body("items[0].response", nullValue());
        given().redirects().follow(false).get("/dashboard/{slug}/reviews", theirs.slug()).then().statusCode(303);
    }

    @Test
    void crossSitePostsAndPostsWithoutTheFormTokenAreRefused() {
        Signed signed = newSignedShop();
        long id = review(signed.shop(), 3, "Hm", "Hmm");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .cookie(DashboardGate.COOKIE, signed.cookie()).formParam("formToken", signed.formToken()).formParam("text", "Evil")
                .post("/dashboard/{slug}/reviews/{id}/response", signed.shop().slug(), id).then().statusCode(403);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                .cookie(DashboardGate.COOKIE, signed.cookie()).formParam("formToken", signed.formToken()).formParam("reason", "other")
                .post("/dashboard/{slug}/reviews/{id}/report", signed.shop().slug(), id).then().statusCode(403);
        DashboardTest.form().cookie(DashboardGate.COOKIE, signed.cookie()).formParam("text", "No token")
                .post("/dashboard/{slug}/reviews/{id}/response", signed.shop().slug(), id).then().statusCode(403);
        DashboardTest.form().cookie(DashboardGate.COOKIE, signed.cookie()).formParam("formToken", "forged").formParam("reason", "other")
                .post("/dashboard/{slug}/reviews/{id}/report", signed.shop().slug(), id).then().statusCode(403);
        given().get("/api/v1/shops/{slug}/reviews", signed.shop().slug()).then().body("items[0].response", nullValue());
        signed.list("reported=yes").body(containsString("Reviews found: 0"));
    }

    @Test
    void nothingHereHidesEditsOrRegradesAReview() {
        Signed signed = newSignedShop();
        TestShop shop = signed.shop();
        long id = review(shop, 2, "Terrible", "Awful service");

        signed.post(id, "response", Map.of("text", "Sorry", "score", "10", "title", "Great", "status", "removed", "displayName", "X"))
                .statusCode(303);
        signed.post(id, "report", Map.of("reason", "other", "score", "10", "status", "removed", "text", "Changed")).statusCode(303);
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().statusCode(200)
                .body("items[0].id", equalTo((int) id))
                .body("items[0].score", equalTo(2))
                .body("items[0].title", equalTo("Terrible"))
                .body("items[0].text", equalTo("Awful service"))
                .body("items[0].status", equalTo("published"));
        assertEquals("2", reviewGrade(shop, id));

        for (String path : List.of("", "/delete", "/hide", "/grade", "/edit", "/remove")) {
            int status = DashboardTest.form().cookie(DashboardGate.COOKIE, signed.cookie()).formParam("formToken", signed.formToken())
                    .formParam("score", "10").post("/dashboard/{slug}/reviews/{id}" + path, shop.slug(), id).statusCode();
            assertTrue(status == 404 || status == 405, path + " answered " + status);
        }
        String list = signed.list("").extract().asString();
        Matcher actions = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(list);
        while (actions.find()) {
            String action = actions.group(1);
            assertTrue(action.endsWith("/response") || action.endsWith("/report") || action.equals("/dashboard/sign-out"), action);
        }
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("items[0].score", equalTo(2))
                .body("items[0].status", equalTo("published"));
    }

    @Test
    void theDetailsPageTellsTheWholeStory() {
        Signed signed = newSignedShop();
        TestShop shop = signed.shop();
        long id = review(shop, 4, "First", "Call me on 0612345678 please");
        Api.asOperator().body(Map.of("decision", "publish")).post("/api/v1/moderation/reviews/{id}/decision", id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("score", 6, "title", "Second", "text", "Better after all"))
                .put("/api/v1/review-edits/{token}", Api.editToken(id)).then().statusCode(200);

        signed.details(id).statusCode(200).header("Cache-Control", "no-store")
                .body(containsString("Review " + id))
                .body(containsString("Better after all"))
                .body(containsString("Held for a check (contains: phone)"))
                .body(containsString("Published by the operator"))
                .body(containsString("Version 1, written on"))
                .body(containsString("Call me on 0612345678 please"))
                .body(containsString("You have not reported it."))
                .body(containsString("No response yet."));

        long personal = review(shop, 3, "Name", "My neighbour Jan Jansen did it");
        Api.asOperator().body(Map.of("decision", "remove", "category", "personal_data", "reason", "Names a person"))
                .post("/api/v1/moderation/reviews/{id}/decision", personal).then().statusCode(200);
        signed.details(personal).statusCode(200).body(containsString("Removed by moderation"))
                .body(containsString("Public reason for the removal: Names a person"))
                .body(containsString("Removed by the operator (personal_data: Names a person)"))
                .body(containsString("Not shown: moderation removed this review for personal data"));
    }
}
