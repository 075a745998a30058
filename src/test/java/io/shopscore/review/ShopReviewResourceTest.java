package io.shopscore.review;

import java.util.Set;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

@QuarkusTest
class ShopReviewResourceTest {

    @Test
    void publicReviewsAreNewestFirstAndPaged() {
        TestShop shop = Api.newShop();
        long first = shop.review(6, null);
        long second = shop.review(7, true);
        long third = shop.review(8, false);
        given().queryParam("size", 2).get("/api/v1/shops/{slug}/reviews", shop.slug())
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .header("Cache-Control", containsString("public"))
                .body("page", equalTo(0)).body("size", equalTo(2)).body("total", equalTo(3))
                .body("items.id", equalTo(List.of((int) third, (int) second)))
                .body("items[0].score", equalTo(8))
                .body("items[0].recommend", equalTo(false))
                .body("items[0].verified", equalTo(true));
        given().queryParam("page", 1).queryParam("size", 2).get("/api/v1/shops/{slug}/reviews", shop.slug())
                .then().body("items.id", equalTo(List.of((int) first)));
    }

    @Test
    void publicReviewsNeverShowPrivateData() {
        TestShop shop = Api.newShop();
        String token = shop.asShop()
                .body(Map.of("orderRef", "SECRET-ORDER-42", "email", "private.person@example.com", "name", "Private Person", "delivery", "link"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().extract().path("token");
        given().contentType("application/json").body(Map.of("score", 9, "text", "Fijn"))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201);
        String body = given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().statusCode(200).extract().asString();
        assertFalse(body.contains("SECRET-ORDER-42"));
        assertFalse(body.contains("private.person@example.com"));
        assertFalse(body.contains(token));
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then()
                .body("items[0].keySet()", equalTo(Set.of("id", "score", "title", "text", "displayName",
                        "recommend", "verified", "source", "createdAt", "updatedAt", "response", "status")));
    }

    @Test
    void reviewListingIsValidated() {
        TestShop shop = Api.newShop();
        given().queryParam("size", 500).get("/api/v1/shops/{slug}/reviews", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
        given().queryParam("size", 0).get("/api/v1/shops/{slug}/reviews", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
        given().get("/api/v1/shops/{slug}/reviews", "no-such-shop-here").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void shopRespondsPubliclyToItsReview() {
        TestShop shop = Api.newShop();
        long id = shop.review(4, false);
        shop.asShop().body(Map.of("text", "Sorry! We sturen een nieuw pakket."))
                .put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), id)
                .then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("response.text", equalTo("Sorry! We sturen een nieuw pakket."))
                .body("response.createdAt", notNullValue());
        given().get("/api/v1/shops/{slug}/reviews", shop.slug())
                .then().body("items[0].response.text", equalTo("Sorry! We sturen een nieuw pakket."));
        shop.asShop().body(Map.of("text", "Opgelost: nieuw pakket is bezorgd."))
                .put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), id)
                .then().statusCode(200).body("response.text", equalTo("Opgelost: nieuw pakket is bezorgd."));
    }

    @Test
    void responsesAreOnlyForTheShopsOwnReviews() {
        TestShop mine = Api.newShop();
        TestShop theirs = Api.newShop();
        long id = mine.review(3, false);
        long theirReview = theirs.review(9, true);
        Map<String, String> body = Map.of("text", "Not yours");
        theirs.asShop().body(body).put("/api/v1/shops/{slug}/reviews/{id}/response", mine.slug(), id).then().statusCode(403);
        given().contentType("application/json").body(body).put("/api/v1/shops/{slug}/reviews/{id}/response", mine.slug(), id)
                .then().statusCode(401);
        mine.asShop().body(body).put("/api/v1/shops/{slug}/reviews/{id}/response", mine.slug(), theirReview)
                .then().statusCode(404).contentType("application/problem+json");
        mine.asShop().body(Map.of("text", " ")).put("/api/v1/shops/{slug}/reviews/{id}/response", mine.slug(), id)
                .then().statusCode(400).body("violations[0].field", equalTo("text"));
        given().get("/api/v1/shops/{slug}/reviews", mine.slug()).then().body("items[0].response", equalTo(null));
        given().get("/api/v1/shops/{slug}/reviews", theirs.slug()).then().body("items[0].response", not(notNullValue()));
    }
}
