package io.shopscore.transparency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;

@QuarkusTest
class TransparencyTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    private static JsonPath transparency(TestShop shop) {
        return given().get("/api/v1/shops/{slug}/transparency", shop.slug()).then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
    }

    private static void report(TestShop shop, long reviewId) {
        shop.asShop().body(Map.of("reason", "not_a_customer")).post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), reviewId)
                .then().statusCode(201);
    }

    private static void decide(long reviewId, Map<String, Object> decision) {
        Api.asOperator().body(decision).post("/api/v1/moderation/reviews/{id}/decision", reviewId).then().statusCode(200);
    }

    @Test
    void newShopShowsEveryKeyWithZeros() {
        TestShop shop = Api.newShop();
        JsonPath json = transparency(shop);
        assertEquals(Set.of("slug", "collection", "sources", "removedLast12Months", "reportsByShopLast12Months", "responseRate"),
                json.getMap("$").keySet());
        assertEquals(shop.slug(), json.getString("slug"));
        assertEquals(Set.of("verification", "allReviewsPublished", "scoreMethod"), json.getMap("collection").keySet());
        assertEquals(true, json.getBoolean("collection.allReviewsPublished"));
        assertEquals(Map.of("invitation-email", 0, "invitation-link", 0, "imported", 0), json.getMap("sources"));
        assertEquals(Map.of("illegal", 0, "personal_data", 0, "not_a_customer", 0, "fake", 0, "offensive", 0, "other", 0),
                json.getMap("removedLast12Months"));
        assertEquals(Map.of("total", 0, "upheld", 0, "rejected", 0), json.getMap("reportsByShopLast12Months"));
        assertEquals(Map.of("negative", 0, "answered", 0), json.getMap("responseRate"));
    }

    @Test
    void collectionIsDescribedHonestlyInTheLanguageAskedFor() {
        TestShop shop = Api.newShop(Api.freshSlug("words"), "nl");
        JsonPath english = transparency(shop);
        String verification = english.getString("collection.verification");
        for (String fact : List.of("invites them after an order", "personal link that works for one review",
                "Only the author can change or withdraw", "never edit, hide or delete", "checked by Shopscore")) {
            assertEquals(true, verification.contains(fact), fact + " in: " + verification);
        }
        String method = english.getString("collection.scoreMethod");
        assertEquals(true, method.contains("mean of the grades (1 to 10)") && method.contains("Imported reviews never count"), method);

        given().queryParam("lang", "nl").get("/api/v1/shops/{slug}/transparency", shop.slug()).then().statusCode(200)
                .body("collection.verification", containsString("Alleen klanten kunnen een review schrijven"));
        given().queryParam("lang", "xx").get("/api/v1/shops/{slug}/transparency", shop.slug()).then().statusCode(200)
                .body("collection.verification", containsString("Only customers can write a review"));
    }

    @Test
    void figuresFollowSourcesReportsRemovalsAndResponses() {
        TestShop shop = Api.newShop();
        long good = shop.review(9, true);
        long rude = shop.review(3, false);
        long angry = shop.review(2, false);
        shop.asShop().body(Map.of("orderRef", "MAIL-" + System.nanoTime(), "email", "mailed@example.com", "delivery", "email"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201).body("token", emptyOrNullString());
        shop.asShop().body(Map.of("text", "Sorry, we sent a new one."))
                .put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), angry).then().statusCode(200);

        JsonPath before = transparency(shop);
        assertEquals(3, before.getInt("sources.'invitation-link'"));
        assertEquals(0, before.getInt("sources.'invitation-email'"), "an invitation is no review");
        assertEquals(Map.of("negative", 2, "answered", 1), before.getMap("responseRate"));

        report(shop, angry);
        decide(angry, Map.of("decision", "keep", "reason", "An honest complaint"));
        report(shop, rude);
        decide(rude, Map.of("decision", "remove", "reason", "Names an employee", "category", "personal_data"));
        report(shop, good);

        JsonPath after = transparency(shop);
        assertEquals(Map.of("invitation-email", 0, "invitation-link", 2, "imported", 0), after.getMap("sources"),
                "a removed review is no longer a published one");
        assertEquals(1, after.getInt("removedLast12Months.personal_data"));
        assertEquals(0, after.getInt("removedLast12Months.other"));
        assertEquals(Map.of("total", 3, "upheld", 1, "rejected", 1), after.getMap("reportsByShopLast12Months"),
                "the open report counts in the total only");
        assertEquals(Map.of("negative", 1, "answered", 1), after.getMap("responseRate"));
    }

    @Test
    void keptReviewsCountAsRejectedReports() {
        TestShop shop = Api.newShop();
        long id = shop.review(1, false);
        report(shop, id);
        assertEquals(Map.of("total", 1, "upheld", 0, "rejected", 0), transparency(shop).getMap("reportsByShopLast12Months"));
        decide(id, Map.of("decision", "keep", "reason", "About the delivery, not a person"));
        assertEquals(Map.of("total", 1, "upheld", 0, "rejected", 1), transparency(shop).getMap("reportsByShopLast12Months"),
                "this instance drops its cached figures when a decision commits");
        assertEquals(1, transparency(shop).getInt("sources.'invitation-link'"));
    }

    @Test
    void cacheableWithETagAndOpenToEveryOrigin() {
        TestShop shop = Api.newShop();
        shop.review(8, true);
        String etag = given().header("Origin", "https://partner.example").get("/api/v1/shops/{slug}/transparency", shop.slug())
                .then().statusCode(200)
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
                .header("Access-Control-Allow-Origin", "*")
                .header("ETag", not(emptyOrNullString()))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/shops/{slug}/transparency", shop.slug())
                .then().statusCode(304).header("ETag", equalTo(etag));
        String dutch = given().queryParam("lang", "nl").get("/api/v1/shops/{slug}/transparency", shop.slug())
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(etag, dutch, "each language is its own representation");

        shop.review(7, true);
        given().header("If-None-Match", etag).get("/api/v1/shops/{slug}/transparency", shop.slug())
                .then().statusCode(200).body("sources.'invitation-link'", equalTo(2));
    }

    @Test
    void unknownShopIsAProblem() {
        given().get("/api/v1/shops/{slug}/transparency", "no-such-shop-" + System.nanoTime())
                .then().statusCode(404).contentType(containsString("application/problem+json"));
        given().get("/api/v1/shops/{slug}/transparency", "NOT_A_SLUG")
                .then().statusCode(404).contentType(containsString("application/problem+json"));
    }
    @Test
    void openApiDocumentDescribesTransparencyNoticesAndDecisions() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/shops/{slug}/transparency'.get.responses.'304'", notNullValue())
                .body("paths.'/api/v1/reviews/{id}/notices'.post.responses.'202'", notNullValue())
                .body("components.schemas.Transparency.properties.keySet()", hasItems("slug", "collection",
                        "sources", "removedLast12Months", "reportsByShopLast12Months", "responseRate"))
                .body("components.schemas.CreateNotice.properties.keySet()", hasItems("reason", "explanation", "email"))
                .body("components.schemas.ModerationDecision.properties.decision.enum", hasItems("publish", "remove", "keep"))
                .body("components.schemas.ModerationDecision.properties.keySet()", hasItems("category"))
                .body("components.schemas.RemovalCategory.enum", hasItems("illegal", "personal_data", "not_a_customer", "fake",
                        "offensive", "other"));
    }
    @Test
    void figuresCoverTheLast12Months() {
        TestShop shop = Api.newShop();
        long negative = shop.review(4, false);
        shop.asShop().body(Map.of("text", "Sorry")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), negative)
                .then().statusCode(200);
        long fake = shop.review(10, true);
        report(shop, fake);
        decide(fake, Map.of("decision", "remove", "reason", "Written by the shop's owner", "category", "fake"));
        JsonPath now = transparency(shop);
        assertEquals(1, now.getInt("removedLast12Months.fake"));
        assertEquals(Map.of("total", 1, "upheld", 1, "rejected", 0), now.getMap("reportsByShopLast12Months"));
        assertEquals(Map.of("negative", 1, "answered", 1), now.getMap("responseRate"));

        clock.advance(Duration.ofDays(366));
        shop.review(8, true);
        JsonPath later = transparency(shop);
        assertEquals(0, later.getInt("removedLast12Months.fake"));
        assertEquals(Map.of("total", 0, "upheld", 0, "rejected", 0), later.getMap("reportsByShopLast12Months"));
        assertEquals(Map.of("negative", 0, "answered", 0), later.getMap("responseRate"));
        assertEquals(2, later.getInt("sources.'invitation-link'"), "published reviews count whatever their age");
    }
}
