package io.shopscore.product;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** The review form's product grades, and a product's public page with its JSON-LD. */
@QuarkusTest
class ProductPagesTest {

    private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    private static RequestSpecification browser() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    @Test
    void theFormAsksAGradePerProductAndStoresThem() {
        TestShop shop = Api.newShop();
        String token = ProductReviewsTest.invite(shop, List.of(ProductReviewsTest.product("MUG", "Mug <b>big</b>"),
                ProductReviewsTest.product("TEE", "Tee")));
        for (String lang : List.of("en", "nl", "de", "fr")) {
            given().get("/review/{token}?lang={lang}", token, lang).then().statusCode(200)
                    .body(containsString("name=\"productScore\""))
                    .body(containsString("<input type=\"hidden\" name=\"productSku\" value=\"MUG\">"))
                    .body(containsString("Mug &lt;b&gt;big&lt;/b&gt;"))
                    .body(not(containsString("<b>big</b>")));
        }
        given().get("/review/{token}?lang=nl", token).then().body(containsString("De producten die je bestelde"));

        // a grade out of range is shown again, naming the product, and nothing is written
        browser().formParam("score", "8").formParam("text", "Fine shop").formParam("lang", "en")
                .formParam("productSku", "MUG").formParam("productScore", "12").formParam("productText", "")
                .formParam("productSku", "TEE").formParam("productScore", "").formParam("productText", "")
                .post("/review/{token}", token).then().statusCode(400)
                .body(containsString("id=\"product-0-error\""))
                .body(not(containsString("id=\"product-1-error\"")));
        ProductReviewsTest.productScore(shop, "MUG").statusCode(404);

        // words for the second product, grade for it given: only the graded product counts
        browser().formParam("score", "8").formParam("text", "Fine shop").formParam("lang", "en")
                .formParam("productSku", "MUG").formParam("productScore", "").formParam("productText", "")
                .formParam("productSku", "TEE").formParam("productScore", "11").formParam("productText", "Soft")
                .post("/review/{token}", token).then().statusCode(400)
                .body(containsString("id=\"product-1-error\""))
                .body(containsString(">Soft</textarea>"));
        browser().formParam("score", "8").formParam("text", "Fine shop").formParam("lang", "en")
                .formParam("productSku", "MUG").formParam("productScore", "").formParam("productText", "")
                .formParam("productSku", "TEE").formParam("productScore", "9").formParam("productText", "Soft")
                .post("/review/{token}", token).then().statusCode(303);
        ProductReviewsTest.productScore(shop, "TEE").statusCode(200).body("count", equalTo(1)).body("average", equalTo(9.0f));
        ProductReviewsTest.productScore(shop, "MUG").statusCode(404);
    }

    /**
     * Grades belong to the product customers graded: once it has one, another GTIN, MPN or brand sent
     * under its SKU does not relabel it (Google would show the grades for another product); before
     * that, the shop may still correct them. The name and page may change.
     */
    @Test
    void aGradedProductKeepsItsIdentifiers() throws Exception {
        TestShop shop = Api.newShop();
        Map<String, Object> lamp = ProductReviewsTest.product("LAMP-2", "Lamp");
        lamp.putAll(Map.of("gtin", "8712345678906", "brand", "Acme"));
        Map<String, Object> corrected = ProductReviewsTest.product("LAMP-2", "Lamp");
        corrected.putAll(Map.of("gtin", "8712345678913", "brand", "Acme"));
        String first = ProductReviewsTest.invite(shop, List.of(lamp));
        ProductReviewsTest.invite(shop, List.of(corrected)); // not graded yet: the correction holds
        assertEquals("8712345678913", productJsonLd(shop, "LAMP-2").get("gtin").asText());

        ProductReviewsTest.review(first, 9, List.of(ProductReviewsTest.grade("LAMP-2", 9, "Bright"))).statusCode(201);
        Map<String, Object> other = ProductReviewsTest.product("LAMP-2", "Lamp, renamed");
        other.putAll(Map.of("gtin", "4006381333931", "brand", "Other"));
        ProductReviewsTest.invite(shop, List.of(other));

        JsonNode ld = productJsonLd(shop, "LAMP-2");
        assertEquals("8712345678913", ld.get("gtin").asText());
        assertEquals("Acme", ld.get("brand").get("name").asText());
        assertEquals("Lamp, renamed", ld.get("name").asText());
    }

    private static JsonNode productJsonLd(TestShop shop, String sku) throws Exception {
        String html = given().get("/shops/{slug}/products/{sku}?lang=en", shop.slug(), sku).then().statusCode(200).extract().asString();
        Matcher scripts = JSON_LD.matcher(html);
        assertTrue(scripts.find(), "one JSON-LD block");
        return new ObjectMapper().readTree(scripts.group(1));
    }

    @Test
    void theProductPageCarriesEscapedProductJsonLd() throws Exception {
        TestShop shop = Api.newShop();
        Map<String, Object> product = ProductReviewsTest.product("LAMP-1", "Lamp </script><script>alert(1)</script>");
        product.putAll(Map.of("gtin", "8712345678906", "mpn", "L-1", "brand", "Acme", "imageUrl", "https://shop.example/lamp.jpg"));
        String hostile = "Bright </script><script>alert('x')</script> & warm";
        given().contentType("application/json")
                .body(Map.of("score", 9, "text", "Good shop", "displayName", "Ann </script>",
                        "products", List.of(ProductReviewsTest.grade("LAMP-1", 8, hostile))))
                .post("/api/v1/invitations/{token}/review", ProductReviewsTest.invite(shop, List.of(product))).then().statusCode(201);
        ProductReviewsTest.review(ProductReviewsTest.invite(shop, List.of(product)), 7,
                List.of(ProductReviewsTest.grade("LAMP-1", 5, null))).statusCode(201);

        String html = given().get("/shops/{slug}/products/{sku}?lang=en", shop.slug(), "LAMP-1").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=60"))
                .body(containsString("Bright &lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; warm"))
                .extract().asString();
        Matcher scripts = JSON_LD.matcher(html);
        assertTrue(scripts.find(), "one JSON-LD block");
        String block = scripts.group(1);
        assertFalse(scripts.find(), "the JSON-LD block was not broken out of");
        assertFalse(block.contains("<"), "no markup inside the JSON-LD");
        JsonNode ld = new ObjectMapper().readTree(block);
        assertEquals("Product", ld.get("@type").asText());
        assertEquals("Lamp </script><script>alert(1)</script>", ld.get("name").asText());
        assertEquals("LAMP-1", ld.get("sku").asText());
        assertEquals("8712345678906", ld.get("gtin").asText());
        assertEquals("L-1", ld.get("mpn").asText());
        assertEquals("Acme", ld.get("brand").get("name").asText());
        assertEquals("https://shop.example/lamp.jpg", ld.get("image").asText());
        JsonNode rating = ld.get("aggregateRating");
        assertEquals("AggregateRating", rating.get("@type").asText());
        assertEquals("6.5", rating.get("ratingValue").asText());
        assertEquals("10", rating.get("bestRating").asText());
        assertEquals("1", rating.get("worstRating").asText());
        assertEquals(2, rating.get("ratingCount").asInt());
        JsonNode reviews = ld.get("review");
        assertEquals(2, reviews.size());
        JsonNode withText = reviews.get(1);
        assertEquals("Review", withText.get("@type").asText());
        assertEquals("Person", withText.get("author").get("@type").asText());
        assertEquals("Ann </script>", withText.get("author").get("name").asText());
        assertEquals(hostile, withText.get("reviewBody").asText());
        assertEquals("8", withText.get("reviewRating").get("ratingValue").asText());
        assertEquals("10", withText.get("reviewRating").get("bestRating").asText());
        assertTrue(withText.get("datePublished").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertFalse(reviews.get(0).has("reviewBody"), "a grade without words has no reviewBody");

        for (String lang : List.of("nl", "de", "fr")) {
            given().get("/shops/{slug}/products/{sku}?lang={lang}", shop.slug(), "LAMP-1", lang).then().statusCode(200)
                    .body(containsString("lang=\"" + lang + "\""));
        }
    }

    @Test
    void aProductWithoutPublishedReviewsHasNoRatingAndAnUnknownOneIsNotFound() throws Exception {
        TestShop shop = Api.newShop();
        ProductReviewsTest.invite(shop, List.of(ProductReviewsTest.product("NEW", "New thing")));
        String html = given().get("/shops/{slug}/products/{sku}?lang=en", shop.slug(), "NEW").then().statusCode(200)
                .body(containsString("No customer has graded this product yet.")).extract().asString();
        Matcher script = JSON_LD.matcher(html);
        assertTrue(script.find());
        JsonNode ld = new ObjectMapper().readTree(script.group(1));
        assertFalse(ld.has("aggregateRating"));
        assertFalse(ld.has("review"));
        given().get("/shops/{slug}/products/{sku}", shop.slug(), "UNKNOWN").then().statusCode(404);
        given().get("/shops/{slug}/products/{sku}", "no-such-shop", "NEW").then().statusCode(404);
    }
}
