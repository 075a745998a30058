package io.shopscore.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;

@QuarkusTest
class CustomerReviewResourceTest {

    @Inject
    MovableClock clock;

    @Inject
    EditLinks editLinks;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestSpecification customer() {
        return given().contentType(ContentType.JSON);
    }

    private static void assertScore(TestShop shop, int count, Float average) {
        given().get("/api/v1/shops/{slug}/score", shop.slug())
                .then().statusCode(200)
                .body("count", equalTo(count))
                .body("average", average == null ? nullValue() : equalTo(average));
    }

    @Test
    void customerWritesVerifiedReviewThatCountsAtOnce() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        customer().body(Map.of("score", 8, "text", "Snel geleverd.", "title", "Prima", "recommend", true, "displayName", "Jan"))
                .post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", notNullValue())
                .body("score", equalTo(8))
                .body("text", equalTo("Snel geleverd."))
                .body("title", equalTo("Prima"))
                .body("recommend", equalTo(true))
                .body("displayName", equalTo("Jan"))
                .body("verified", equalTo(true))
                .body("createdAt", notNullValue())
                .body("response", nullValue());
        assertScore(shop, 1, 8.0f);
    }

    @Test
    void secondReviewForOneInvitationIsRefusedAndChangesNothing() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        customer().body(Map.of("score", 9, "text", "Goed")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201);
        customer().body(Map.of("score", 1, "text", "Nog een keer")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(409).contentType("application/problem+json").body("status", equalTo(409));
        assertScore(shop, 1, 9.0f);
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("total", equalTo(1)).body("items[0].text", equalTo("Goed"));
    }

    @Test
    void badReviewsAreRefusedFieldByFieldAndLeaveNoTrace() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        customer().body(Map.of("score", 0, "text", "x".repeat(5001)))
                .post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasSize(2))
                .body("violations.field", hasItem("score"))
                .body("violations.field", hasItem("text"));
        customer().body(Map.of("score", 11, "text", "ok")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(400).body("violations[0].field", equalTo("score"));
        customer().body(Map.of("text", "no score")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(400).body("violations[0].field", equalTo("score"));
        customer().body("{\"score\":\"ten\",\"text\":\"ok\"}").post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(400).body("violations[0].field", equalTo("score"))
                .body("violations[0].message", equalTo("must be a whole number"));
        customer().body("{\"score\":7.5,\"text\":\"ok\"}").post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(400).body("violations[0].field", equalTo("score"));
        customer().body(Map.of("score", 7, "text", "ok", "email", "x@example.com")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(400).body("violations[0].field", equalTo("email"));
        customer().body(Map.of("score", 7, "text", "   ")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(400).body("violations[0].field", equalTo("text"));
        customer().body(Map.of("score", 7, "text", "\u0000\u0001")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(400).body("violations[0].field", equalTo("text"));
        customer().body("[1,2]").post("/api/v1/invitations/{token}/review", token).then().statusCode(400);
        customer().body("{").post("/api/v1/invitations/{token}/review", token).then().statusCode(400);
        customer().contentType(ContentType.TEXT).body("score=7").post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(415).contentType("application/problem+json");

        assertScore(shop, 0, null);
        customer().body(Map.of("score", 7, "text", "x".repeat(5000))).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201);
        assertScore(shop, 1, 7.0f);
    }

    @Test
    void unknownAndMalformedTokensAreNotFound() {
        Map<String, Object> body = Map.of("score", 7, "text", "ok");
        customer().body(body).post("/api/v1/invitations/{token}/review", "A".repeat(43))
                .then().statusCode(404).contentType("application/problem+json");
        customer().body(body).post("/api/v1/invitations/{token}/review", "not-a-token")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void expiredInvitationIsGone() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        clock.advance(Duration.ofDays(90).plusMinutes(1));
        customer().body(Map.of("score", 7, "text", "late")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(410).contentType("application/problem+json").body("title", equalTo("Gone"));
        assertScore(shop, 0, null);
    }

    @Test
    void customerUpdatesReviewAndTheScoreMovesWithIt() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        shop.review(10, true);
        long id = customer().body(Map.of("score", 4, "text", "Pakket kwijt", "recommend", false))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201).extract().<Number>path("id").longValue();
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then()
                .body("average", equalTo(7.0f)).body("recommendPercentage", equalTo(50))
                .body("distribution.'4'", equalTo(1)).body("distribution.'9'", equalTo(0));

        clock.advance(Duration.ofDays(29));
        customer().body(Map.of("score", 9, "text", "Toch nog opgelost!", "recommend", true))
                .put("/api/v1/review-edits/{editToken}", editLinks.token(id))
                .then().statusCode(200)
                .body("score", equalTo(9))
                .body("text", equalTo("Toch nog opgelost!"))
                .body("updatedAt", notNullValue());
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then()
                .body("count", equalTo(2))
                .body("average", equalTo(9.5f))
                .body("recommendPercentage", equalTo(100))
                .body("distribution.'4'", equalTo(0))
                .body("distribution.'9'", equalTo(1))
                .body("last12Months.count", equalTo(2))
                .body("last12Months.average", equalTo(9.5f));
    }

    @Test
    void updatesEndAfterThirtyDays() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        long id = customer().body(Map.of("score", 6, "text", "Matig")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        customer().body(Map.of("score", 10, "text", "Later")).put("/api/v1/review-edits/{editToken}", editLinks.token(id))
                .then().statusCode(409).contentType("application/problem+json");
        assertScore(shop, 1, 6.0f);
    }

    @Test
    void updateNeedsAnExistingReviewAndValidInput() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        customer().body(Map.of("score", 6, "text", "Nothing yet")).put("/api/v1/invitations/{token}/review", token)
                .then().statusCode(404);
        long id = customer().body(Map.of("score", 6, "text", "Matig")).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201).extract().<Number>path("id").longValue();
        customer().body(Map.of("score", 12, "text", "Beter")).put("/api/v1/review-edits/{editToken}", editLinks.token(id))
                .then().statusCode(400).body("violations[0].field", equalTo("score"));
        assertScore(shop, 1, 6.0f);
    }

    @Test
    void customerTextIsStoredAsWrittenAndNormalised() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        Map<String, Object> body = new HashMap<>();
        body.put("score", 7);
        body.put("text", "  <script>alert('x')</script>\r\nTweede regel  ");
        body.put("title", "Line\nbreak");
        body.put("displayName", "   ");
        customer().body(body).post("/api/v1/invitations/{token}/review", token)
                .then().statusCode(201)
                .body("text", equalTo("<script>alert('x')</script>\nTweede regel"))
                .body("title", equalTo("Line break"))
                .body("displayName", nullValue())
                .body("recommend", nullValue());
    }
}
