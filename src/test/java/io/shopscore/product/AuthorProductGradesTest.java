package io.shopscore.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** The author of a review sees and gets everything they said about the products of their order. */
@QuarkusTest
class AuthorProductGradesTest {

    @Test
    void theAuthorsExportHoldsTheirProductGradesAndWords() {
        TestShop shop = Api.newShop();
        String token = ProductReviewsTest.invite(shop, List.of(ProductReviewsTest.product("MUG", "Mug <b>big</b>"),
                ProductReviewsTest.product("TEE", "Tee"), ProductReviewsTest.product("LAMP", "Lamp")));
        long id = ProductReviewsTest.review(token, 8, List.of(ProductReviewsTest.grade("MUG", 9, "Lovely \uD83D\uDE00"),
                ProductReviewsTest.grade("TEE", 4, null))).statusCode(201).extract().<Number>path("id").longValue();
        String edit = Api.editToken(id);

        given().get("/api/v1/review-edits/{edit}", edit).then().statusCode(200)
                .body("products.size()", equalTo(2))
                .body("products[0].sku", equalTo("MUG"))
                .body("products[0].name", equalTo("Mug <b>big</b>"))
                .body("products[0].score", equalTo(9))
                .body("products[0].text", equalTo("Lovely \uD83D\uDE00"))
                .body("products[1].sku", equalTo("TEE"))
                .body("products[1].score", equalTo(4))
                .body("products[1].text", nullValue());

        // a change by the author shows in the export at once
        given().contentType("application/json")
                .body(Map.of("score", 8, "text", "Good shop", "products", List.of(ProductReviewsTest.grade("TEE", 6, "Soft after all"))))
                .put("/api/v1/review-edits/{edit}", edit).then().statusCode(200);
        given().get("/api/v1/review-edits/{edit}", edit).then().statusCode(200)
                .body("products.sku", equalTo(List.of("TEE")))
                .body("products[0].text", equalTo("Soft after all"));
    }

    @Test
    void erasingTheAuthorsAddressTakesTheirProductWordsFromEveryPublicPlace() {
        TestShop shop = Api.newShop();
        String email = "erase-" + System.nanoTime() + "@example.com";
        String token = shop.asShop()
                .body(Map.of("orderRef", "E-" + System.nanoTime(), "email", email, "delivery", "link",
                        "products", List.of(ProductReviewsTest.product("MUG", "Mug"))))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201).extract().<String>path("token");
        long id = ProductReviewsTest.review(token, 8, List.of(ProductReviewsTest.grade("MUG", 9, "Secret words about the mug")))
                .statusCode(201).extract().<Number>path("id").longValue();
        String edit = Api.editToken(id);
        assertTrue(given().get("/feeds/google/product-reviews/{slug}.xml", shop.slug()).asString().contains("Secret words"));

        Api.asOperator().body(Map.of("email", email)).post("/api/v1/privacy/erasures").then().statusCode(200)
                .body("reviews", equalTo(1));

        given().get("/api/v1/review-edits/{edit}", edit).then().statusCode(404);
        given().get("/api/v1/shops/{slug}/products/{sku}/reviews", shop.slug(), "MUG").then()
                .body(not(containsString("Secret words")));
        String feed = given().get("/feeds/google/product-reviews/{slug}.xml", shop.slug()).then().statusCode(200).extract().asString();
        assertFalse(feed.contains("Secret words"), feed);
        assertEquals(0, feed.split("<review>", -1).length - 1);
    }

    @Test
    void thePageAfterWritingListsTheProductGrades() {
        TestShop shop = Api.newShop();
        String token = ProductReviewsTest.invite(shop, List.of(ProductReviewsTest.product("MUG", "Mug <b>big</b>"),
                ProductReviewsTest.product("TEE", "Tee"), ProductReviewsTest.product("LAMP", "Reading lamp")));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("score", "8").formParam("text", "Fine shop").formParam("lang", "en")
                .formParam("productSku", "MUG").formParam("productScore", "9").formParam("productText", "Sturdy <i>and</i> big")
                .formParam("productSku", "TEE").formParam("productScore", "3").formParam("productText", "")
                .formParam("productSku", "LAMP").formParam("productScore", "").formParam("productText", "")
                .post("/review/{token}", token).then().statusCode(303)
                .header("Location", endsWith("/review/" + token + "/thanks?lang=en"));

        String thanks = given().get("/review/{token}/thanks?lang=en", token).then().statusCode(200)
                .body(containsString("Thank you!"))
                .body(containsString("<h3>Your grades of the products</h3>"))
                .body(containsString("<strong class=\"product-name\">Mug &lt;b&gt;big&lt;/b&gt;</strong>"))
                .body(containsString("Sturdy &lt;i&gt;and&lt;/i&gt; big"))
                .body(containsString("Grade 9 out of 10"))
                .body(containsString("<strong class=\"product-name\">Tee</strong>"))
                .body(containsString("Grade 3 out of 10"))
                .body(not(containsString("<b>big</b>")))
                .extract().asString();
        String grades = thanks.substring(thanks.indexOf("<ul class=\"product-grades\">"), thanks.indexOf("</ul>", thanks.indexOf("product-grades")));
        assertFalse(grades.contains("Reading lamp"), "a product the author did not grade is not listed as graded");

        long id = given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().extract().<Number>path("items[0].id").longValue();
        given().get("/review/edit/{edit}?lang=nl", Api.editToken(id)).then().statusCode(200)
                .body(containsString("<h3>Jouw cijfers voor de producten</h3>"))
                .body(containsString("Sturdy &lt;i&gt;and&lt;/i&gt; big"));
    }
}
