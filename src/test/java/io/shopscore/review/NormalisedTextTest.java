package io.shopscore.review;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** What customers type is measured and screened as it will be stored and read, not as it was sent. */
@QuarkusTest
class NormalisedTextTest {

    /** HEBREW LETTER SHIN WITH DAGESH AND SHIN DOT: one character that Unicode normalisation turns into three. */
    private static final String GROWS_THREEFOLD = "\uFB2C";

    @Test
    void textThatGrowsWhenNormalisedIsMeasuredAfterwards() {
        TestShop shop = Api.newShop();

        post(shop.invite(), Map.of("score", 8, "text", GROWS_THREEFOLD.repeat(5000)))
                .then().statusCode(400)
                .body("violations[0].field", equalTo("text"))
                .body("violations[0].message", equalTo("must be at most 5000 characters"));
        post(shop.invite(), Map.of("score", 8, "text", "ok", "title", GROWS_THREEFOLD.repeat(100)))
                .then().statusCode(400).body("violations[0].field", equalTo("title"));
        post(shop.invite(), Map.of("score", 8, "text", "ok", "displayName", GROWS_THREEFOLD.repeat(30)))
                .then().statusCode(400).body("violations[0].field", equalTo("displayName"));

        post(shop.invite(), Map.of("score", 8, "text", GROWS_THREEFOLD.repeat(1666)))
                .then().statusCode(201).body("text.length()", equalTo(4998));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(1));
    }

    @Test
    void invisibleCharactersThatReorderOrHideTextAreLeftOut() {
        TestShop shop = Api.newShop();

        post(shop.invite(), Map.of("score", 9, "text", "Good\u202E shop\u200B, fast\u2066 delivery\u2069\uFEFF",
                "title", "Top\u202D", "displayName", "\u200FAnn"))
                .then().statusCode(201)
                .body("text", equalTo("Good shop, fast delivery"))
                .body("title", equalTo("Top"))
                .body("displayName", equalTo("Ann"))
                .body("status", equalTo("published"));
        post(shop.invite(), Map.of("score", 9, "text", "Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 happy"))
                .then().statusCode(201).body("text", equalTo("Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 happy"));
    }

    @Test
    void linksAndNumbersHiddenWithInvisibleOrLookAlikeCharactersAreStillHeld() {
        TestShop shop = Api.newShop();

        post(shop.invite(), Map.of("score", 2, "text", "Buy at cheap\u200D-deals\u200C.com instead"))
                .then().statusCode(201).body("status", equalTo("pending"));
        post(shop.invite(), Map.of("score", 2, "text", "Go to \uFF57\uFF57\uFF57\uFF0Eexample\uFF0E\uFF4E\uFF4C now"))
                .then().statusCode(201).body("status", equalTo("pending"));
        post(shop.invite(), Map.of("score", 2, "text", "Call 06\u200D1234\u200D5678 for a refund"))
                .then().statusCode(201).body("status", equalTo("pending"));
        post(shop.invite(), Map.of("score", 8, "text", "Nothing to hide here"))
                .then().statusCode(201).body("status", equalTo("published"));
    }

    private static io.restassured.response.Response post(String token, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/invitations/{token}/review", token);
    }
}
