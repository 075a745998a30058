package io.shopscore.moderation;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.hasKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

@QuarkusTest
class ModerationTest {

    private static ValidatableResponse write(String token, Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/v1/invitations/{token}/review", token).then();
    }

    private static JsonPath score(TestShop shop) {
        return given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath queueItem(long reviewId) {
        for (int page = 0; ; page++) {
            JsonPath queue = Api.asOperator().queryParam("page", page).queryParam("size", 100).get("/api/v1/moderation/queue")
                    .then().statusCode(200).extract().jsonPath();
            List<Integer> ids = queue.getList("items.reviewId");
            if (ids.contains((int) reviewId)) {
                return queue.setRootPath("items.find { it.reviewId == " + reviewId + " }");
            }
            if (ids.isEmpty()) {
                return null;
            }
        }
    }

    @Test
    void reviewsWithLinksEmailsOrPhoneNumbersWaitForModeration() {
        TestShop shop = Api.newShop();
        shop.review(8, true);
        for (String text : List.of("Betere prijzen op www.concurrent.nl", "Mail me op jan.jansen@example.nl",
                "Bel mij terug: 06-12345678", "Zie https://example.com/klacht", "Call +31 20 123 4567 please")) {
            String token = shop.invite();
            long id = write(token, Map.of("score", 2, "text", text)).statusCode(201)
                    .body("status", equalTo("pending")).extract().<Number>path("id").longValue();
            JsonPath item = queueItem(id);
            assertEquals("pending", item.getString("status"), text);
            assertEquals(shop.slug(), item.getString("shop"));
            assertEquals("customer@example.com", item.getString("email"), "the operator may see who wrote it");
        }
        JsonPath score = score(shop);
        assertEquals(1, score.getInt("count"), "held reviews do not count");
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("total", equalTo(1)).body("items", hasSize(1));
    }

    @Test
    void ordinaryNumbersDatesAndPricesAreNotHeld() {
        TestShop shop = Api.newShop();
        for (String text : List.of("Besteld op 12-11-2026 voor € 24,95, bestelnummer ORD-10023.",
                "Delivered in 2 days, 10/10 would buy again. Order 2026111512.", "Maat 42 past prima, 3 stuks voor 19.99")) {
            write(shop.invite(), Map.of("score", 9, "text", text)).statusCode(201).body("status", equalTo("published"));
        }
        assertEquals(3, score(shop).getInt("count"));
    }

    @Test
    void operatorPublishesAHeldReviewAndTheScoreFollows() {
        TestShop shop = Api.newShop();
        shop.review(10, true);
        String token = shop.invite();
        long id = write(token, Map.of("score", 4, "text", "Nooit geleverd, zie mijn mail: a@b.nl", "recommend", false))
                .statusCode(201).extract().<Number>path("id").longValue();
        given().get("/review/{token}?lang=en", token).then().statusCode(200)
                .body(containsString("Your review is published as soon as Shopscore has checked it"));
        assertEquals(10.0f, score(shop).getFloat("average"));

        Api.asOperator().body(Map.of("decision", "publish")).post("/api/v1/moderation/reviews/{id}/decision", id)
                .then().statusCode(200)
                .body("action", equalTo(List.of("held", "published")))
                .body("actor", equalTo(List.of("system", "operator")))
                .body("at", hasItem(notNullValue()));
        JsonPath score = score(shop);
        assertEquals(2, score.getInt("count"));
        assertEquals(7.0f, score.getFloat("average"));
        assertEquals(50, score.getInt("recommendPercentage"));
        Api.asOperator().body(Map.of("decision", "publish")).post("/api/v1/moderation/reviews/{id}/decision", id)
                .then().statusCode(409);
    }

    @Test
    void shopReportsAndOperatorRemovesWithAPublicReason() {
        TestShop shop = Api.newShop(Api.freshSlug("removal"), "en");
        shop.review(9, true);
        long fake = shop.review(1, false);
        assertEquals(5.0f, score(shop).getFloat("average"));

        shop.asShop().body(Map.of("reason", "not_a_customer", "comment", "No order from this person."))
                .post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), fake)
                .then().statusCode(201).body("reason", equalTo("not_a_customer"));
        shop.asShop().body(Map.of("reason", "offensive")).post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), fake)
                .then().statusCode(409);
        JsonPath item = queueItem(fake);
        assertEquals("published", item.getString("status"), "a reported review stays up until the operator decides");
        assertEquals("not_a_customer", item.getString("reports[0].reason"));

        Api.asOperator().body(Map.of("decision", "remove", "category", "not_a_customer")).post("/api/v1/moderation/reviews/{id}/decision", fake)
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        Api.asOperator().body(Map.of("decision", "remove", "reason", "Not written by a customer of this shop"))
                .post("/api/v1/moderation/reviews/{id}/decision", fake)
                .then().statusCode(400).body("violations[0].field", equalTo("category"));
        Api.asOperator().body(Map.of("decision", "remove", "reason", "Not written by a customer of this shop", "category", "spam"))
                .post("/api/v1/moderation/reviews/{id}/decision", fake)
                .then().statusCode(400).body("violations[0].field", equalTo("category"));
        Api.asOperator().body(Map.of("decision", "remove", "reason", "Not written by a customer of this shop", "category", "not_a_customer"))
                .post("/api/v1/moderation/reviews/{id}/decision", fake).then().statusCode(200)
                .body("action", equalTo(List.of("reported", "removed")))
                .body("actor", equalTo(List.of("shop:" + shop.slug(), "operator")));

        JsonPath score = score(shop);
        assertEquals(1, score.getInt("count"), "a removed review leaves the score exactly");
        assertEquals(9.0f, score.getFloat("average"));
        assertEquals(0, score.getInt("distribution.'1'"));
        assertEquals(100, score.getInt("recommendPercentage"));
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("items.id", not(hasItem((int) fake)));
        given().get("/api/v1/shops/{slug}/reviews/removed", shop.slug()).then().statusCode(200)
                .body("items[0].id", equalTo((int) fake))
                .body("items[0].reason", equalTo("Not written by a customer of this shop"))
                .body("items[0]", not(hasKey("text")));
        given().get("/shops/{slug}", shop.slug()).then().body(containsString("was removed by Shopscore: Not written by a customer of this shop"));
        assertEquals(null, queueItem(fake), "decided reviews leave the queue");
        Api.asOperator().get("/api/v1/moderation/reviews/{id}/history", fake).then().statusCode(200).body("reason[1]",
                equalTo("not_a_customer: Not written by a customer of this shop"));
    }

    @Test
    void shopsCanOnlyReportTheirOwnReviewsAndNeverEditThem() {
        TestShop shop = Api.newShop();
        TestShop other = Api.newShop();
        long id = shop.review(2, false);
        other.asShop().body(Map.of("reason", "offensive")).post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), id)
                .then().statusCode(403);
        other.asShop().body(Map.of("reason", "offensive")).post("/api/v1/shops/{slug}/reviews/{id}/reports", other.slug(), id)
                .then().statusCode(404);
        shop.asShop().body(Map.of("reason", "spam")).post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), id)
                .then().statusCode(400).body("violations[0].field", equalTo("reason"));
        shop.asShop().body(Map.of("score", 10, "text", "Better")).put("/api/v1/shops/{slug}/reviews/{id}", shop.slug(), id)
                .then().statusCode(anyOf(equalTo(404), equalTo(405)));
        shop.asShop().delete("/api/v1/shops/{slug}/reviews/{id}", shop.slug(), id)
                .then().statusCode(anyOf(equalTo(404), equalTo(405)));
        shop.asShop().get("/api/v1/moderation/queue").then().statusCode(403);
        given().get("/api/v1/moderation/queue").then().statusCode(401);
        Api.asOperator().body(Map.of("decision", "publish")).post("/api/v1/moderation/reviews/{id}/decision", 999999999)
                .then().statusCode(404);
        Api.asOperator().body(Map.of("decision", "hide")).post("/api/v1/moderation/reviews/{id}/decision", id)
                .then().statusCode(400).body("violations[0].field", equalTo("decision"));
        assertEquals(2.0f, score(shop).getFloat("average"));
    }

    @Test
    void updatesKeepThePreviousVersionAndAreScreenedAgain() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        long id = write(token, Map.of("score", 3, "text", "Late", "title", "Slecht")).statusCode(201)
                .extract().<Number>path("id").longValue();
        given().contentType("application/json").body(Map.of("score", 8, "text", "Solved after all"))
                .put("/api/v1/review-edits/{editToken}", Api.editToken(id)).then().statusCode(200).body("updatedAt", notNullValue());
        shop.asShop().get("/api/v1/shops/{slug}/reviews/{id}/versions", shop.slug(), id).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].version", equalTo(1))
                .body("[0].score", equalTo(3))
                .body("[0].text", equalTo("Late"))
                .body("[0].title", equalTo("Slecht"));
        assertEquals(8.0f, score(shop).getFloat("average"));

        given().contentType("application/json").body(Map.of("score", 9, "text", "Solved, call 0612345678"))
                .put("/api/v1/review-edits/{editToken}", Api.editToken(id)).then().statusCode(200).body("status", equalTo("pending"));
        assertEquals(0, score(shop).getInt("count"), "held again: out of the score until the operator looks");
        Api.asOperator().body(Map.of("decision", "publish")).post("/api/v1/moderation/reviews/{id}/decision", id).then().statusCode(200);
        JsonPath score = score(shop);
        assertEquals(1, score.getInt("count"));
        assertEquals(9.0f, score.getFloat("average"));
        shop.asShop().get("/api/v1/shops/{slug}/reviews/{id}/versions", shop.slug(), id).then().body("", hasSize(2));
        Api.TestShop other = Api.newShop();
        other.asShop().get("/api/v1/shops/{slug}/reviews/{id}/versions", other.slug(), id).then().statusCode(404);
    }

    @Test
    void removedReviewCanNoLongerBeChangedByItsAuthor() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        long id = write(token, Map.of("score", 1, "text", "Rude words")).statusCode(201).extract().<Number>path("id").longValue();
        Api.asOperator().body(Map.of("decision", "remove", "reason", "Offensive language", "category", "offensive"))
                .post("/api/v1/moderation/reviews/{id}/decision", id).then().statusCode(200);
        given().contentType("application/json").body(Map.of("score", 10, "text", "Nice words now"))
                .put("/api/v1/review-edits/{editToken}", Api.editToken(id)).then().statusCode(409);
        given().get("/review/{token}?lang=en", token).then().statusCode(200)
                .body(containsString("Shopscore removed this review: Offensive language"));
        shop.asShop().body(Map.of("text", "Thanks")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), id)
                .then().statusCode(409);
        assertEquals(0, score(shop).getInt("count"));
    }
    private static ValidatableResponse notice(long reviewId, Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/v1/reviews/{id}/notices", reviewId).then();
    }

    private static ValidatableResponse decide(long reviewId, Map<String, Object> body) {
        return Api.asOperator().body(body).post("/api/v1/moderation/reviews/{id}/decision", reviewId).then();
    }

    @Test
    void anyoneCanNoticeAPublishedReviewAndItLandsInTheQueue() {
        TestShop shop = Api.newShop();
        long id = shop.review(2, false);

        notice(id, Map.of("reason", "personal_data", "explanation", "  It names our employee Anna de Vries.  ",
                "email", "notifier@example.org"))
                .statusCode(202)
                .body("id", notNullValue())
                .body("reviewId", equalTo((int) id))
                .body("reason", equalTo("personal_data"))
                .body("state", equalTo("open"))
                .body("$", not(hasKey("email")));
        notice(id, Map.of("reason", "fake", "explanation", "Written by a competitor, I think.")).statusCode(202);

        JsonPath item = queueItem(id);
        assertEquals("published", item.getString("status"), "a noticed review stays up until the operator decides");
        assertEquals(List.of("personal_data", "fake"), item.getList("notices.reason"));
        assertEquals("It names our employee Anna de Vries.", item.getString("notices[0].explanation"));
        assertEquals(true, item.getBoolean("notices[0].emailGiven"));
        assertEquals("notifier@example.org", item.getString("notices[0].email"), "the operator may answer the notifier");
        assertEquals(false, item.getBoolean("notices[1].emailGiven"));

        String history = Api.asOperator().get("/api/v1/moderation/reviews/{id}/history", id).then().statusCode(200)
                .body("action", equalTo(List.of("noticed", "noticed")))
                .body("actor", equalTo(List.of("notice", "notice")))
                .extract().asString();
        assertEquals(false, history.contains("notifier@example.org"), "the trail never names the notifier");
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body(not(containsString("notifier@example.org")));
    }

    @Test
    void onlyPublishedReviewsCanBeNoticedAndNoticesAreChecked() {
        TestShop shop = Api.newShop();
        long published = shop.review(3, false);
        long held = write(shop.invite(), Map.of("score", 3, "text", "Bel me: 06-12345678")).statusCode(201)
                .extract().<Number>path("id").longValue();
        Map<String, Object> valid = Map.of("reason", "offensive", "explanation", "Insults the delivery driver.");

        notice(999_999_999L, valid).statusCode(404).contentType(containsString("application/problem+json"));
        notice(held, valid).statusCode(404);
        notice(published, Map.of("reason", "spam", "explanation", "Insults the delivery driver."))
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        notice(published, Map.of("explanation", "Insults the delivery driver."))
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        notice(published, Map.of("reason", "offensive", "explanation", "   too short     "))
                .statusCode(400).body("violations[0].field", equalTo("explanation"));
        notice(published, Map.of("reason", "offensive", "explanation", "x".repeat(2001)))
                .statusCode(400).body("violations[0].field", equalTo("explanation"));
        notice(published, Map.of("reason", "offensive", "explanation", "Insults the delivery driver.", "email", "not an address"))
                .statusCode(400).body("violations[0].field", equalTo("email"));
        notice(published, Map.of("reason", "offensive", "explanation", "Insults the delivery driver.", "name", "Jan"))
                .statusCode(400).body("violations[0].field", equalTo("name"));
        notice(published, Map.of("reason", "offensive", "explanation", " " + "x".repeat(2000) + " ", "email", " "))
                .statusCode(202);
    }

    @Test
    void keepingAReportedReviewLeavesItUpAndClosesWhatWasOpen() {
        TestShop shop = Api.newShop();
        long id = shop.review(4, false);
        decide(id, Map.of("decision", "keep", "reason", "Nothing wrong")).statusCode(409);

        shop.asShop().body(Map.of("reason", "offensive")).post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), id)
                .then().statusCode(201);
        notice(id, Map.of("reason", "offensive", "explanation", "Rude about the staff.")).statusCode(202);
        decide(id, Map.of("decision", "keep")).statusCode(400).body("violations[0].field", equalTo("reason"));
        decide(id, Map.of("decision", "keep", "reason", "Harsh, but about the service", "category", "offensive"))
                .statusCode(400).body("violations[0].field", equalTo("category"));
        decide(id, Map.of("decision", "keep", "reason", "Harsh, but about the service")).statusCode(200)
                .body("action", equalTo(List.of("reported", "noticed", "kept")))
                .body("actor[2]", equalTo("operator"))
                .body("reason[2]", equalTo("Harsh, but about the service"));

        assertEquals(null, queueItem(id), "kept reviews leave the queue");
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("items.id", hasItem((int) id));
        assertEquals(1, score(shop).getInt("count"));
        decide(id, Map.of("decision", "keep", "reason", "Still fine")).statusCode(409);
        shop.asShop().body(Map.of("reason", "offensive")).post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), id)
                .then().statusCode(201);
    }

    @Test
    void onlyPublishedReviewsCanBeKept() {
        TestShop shop = Api.newShop();
        long held = write(shop.invite(), Map.of("score", 6, "text", "See www.example.org")).statusCode(201)
                .extract().<Number>path("id").longValue();
        decide(held, Map.of("decision", "keep", "reason", "Fine")).statusCode(409);
        assertEquals("pending", queueItem(held).getString("status"));
    }

    @Test
    void removalCarriesItsCategoryIntoTheTrailAndClosesNotices() {
        TestShop shop = Api.newShop();
        long id = shop.review(1, false);
        notice(id, Map.of("reason", "illegal", "explanation", "Accuses a named person of theft.")).statusCode(202);
        decide(id, Map.of("decision", "remove", "reason", "Accuses a named person of a crime", "category", "illegal")).statusCode(200)
                .body("action", equalTo(List.of("noticed", "removed")))
                .body("reason[1]", equalTo("illegal: Accuses a named person of a crime"));
        assertEquals(null, queueItem(id));
        notice(id, Map.of("reason", "illegal", "explanation", "Accuses a named person of theft.")).statusCode(404);
    }
}
