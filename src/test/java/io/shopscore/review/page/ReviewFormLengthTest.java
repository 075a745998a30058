package io.shopscore.review.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** The form takes every review the page promises to take: 5,000 characters of any script. */
@QuarkusTest
class ReviewFormLengthTest {

    @Test
    void theFormTakesFiveThousandAccentedCharacters() {
        TestShop shop = Api.newShop();
        browser().formParam("score", "9").formParam("text", "é".repeat(5000)).formParam("title", "è".repeat(200))
                .formParam("displayName", "ü".repeat(60)).formParam("lang", "en")
                .post("/review/{token}", shop.invite())
                .then().statusCode(303);
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("items[0].text.length()", equalTo(5000));
    }

    @Test
    void theFormTakesFiveThousandCharactersOfThreeBytesEach() {
        TestShop shop = Api.newShop();
        browser().formParam("score", "7").formParam("text", "\u4E00".repeat(5000)).formParam("lang", "en")
                .post("/review/{token}", shop.invite())
                .then().statusCode(303);
    }

    private static RequestSpecification browser() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }
}
