package io.shopscore.score;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;

/** How a shop answers its negative reviews, in the score object (an addition to api-v1). */
@QuarkusTest
class ResponseFiguresTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static JsonPath responses(TestShop shop) {
        return given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).extract().jsonPath().setRootPath("responses");
    }

    private static void respond(TestShop shop, long id) {
        shop.asShop().body(Map.of("text", "We are sorry")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), id)
                .then().statusCode(200);
    }

    @Test
    void shareOfNegativeReviewsAnsweredAndTheMedianTime() {
        TestShop shop = Api.newShop();
        assertEquals(0, responses(shop).getInt("negativeReviews"));
        assertNull(responses(shop).get("percentage"));
        assertNull(responses(shop).get("medianHours"));

        long positive = shop.review(9, true);
        long three = shop.review(3, false);
        long four = shop.review(4, false);
        long five = shop.review(5, false);
        shop.review(2, false);
        clock.advance(Duration.ofHours(1));
        respond(shop, three);
        respond(shop, positive);
        clock.advance(Duration.ofHours(2));
        respond(shop, four);
        clock.advance(Duration.ofHours(7));
        respond(shop, five);
        respond(shop, three);

        JsonPath figures = responses(shop);
        assertEquals(4, figures.getInt("negativeReviews"), "grades 5 and lower");
        assertEquals(3, figures.getInt("responded"), "an answer to a positive review does not count");
        assertEquals(75, figures.getInt("percentage"));
        float median = figures.getFloat("medianHours");
        assertTrue(median >= 2.7f && median <= 3.4f, "the middle of 1, 3 and 10 hours, from buckets 25 % wide: " + median);
    }

    @Test
    void anUpdatedGradeMovesTheReviewOutOfTheNegativeOnes() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        long id = given().contentType("application/json").body(Map.of("score", 2, "text", "Kapot"))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201).extract().<Number>path("id").longValue();
        clock.advance(Duration.ofMinutes(30));
        respond(shop, id);
        assertEquals(1, responses(shop).getInt("responded"));
        assertEquals(0.5f, responses(shop).getFloat("medianHours"));

        given().contentType("application/json").body(Map.of("score", 8, "text", "Opgelost door de winkel"))
                .put("/api/v1/review-edits/{editToken}", Api.editToken(id)).then().statusCode(200);
        JsonPath figures = responses(shop);
        assertEquals(0, figures.getInt("negativeReviews"));
        assertEquals(0, figures.getInt("responded"));
        assertNull(figures.get("medianHours"));
    }

    @Test
    void onlyTheLastTwelveMonthsCount() {
        TestShop shop = Api.newShop();
        long old = shop.review(1, false);
        respond(shop, old);
        clock.advance(Duration.ofDays(366));
        shop.review(4, false);
        JsonPath figures = responses(shop);
        assertEquals(1, figures.getInt("negativeReviews"));
        assertEquals(0, figures.getInt("responded"));
        assertEquals(0, figures.getInt("percentage"));
    }
}
