package io.shopscore.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/**
 * A shop's imported reviews in the feeds: the KiYoh-compatible review list shows them (labelled by
 * nothing but being there, as KiYoh would) while its figures stay the score's, which never counts
 * them; Google's feeds leave them out, since Shopscore did not collect them.
 */
@QuarkusTest
class ImportedReviewsInFeedsTest {

    private static TestShop shopWithImportedAndInvitedReviews() {
        TestShop shop = Api.newShop();
        Map<String, Object> product = new HashMap<>(Map.of("sku", "VAAS-1", "name", "Vaas", "gtin", "8712345678906"));
        String token = shop.asShop()
                .body(Map.of("orderRef", "I-" + System.nanoTime(), "email", "c@example.com", "delivery", "link", "products", List.of(product)))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201).extract().path("token");
        given().contentType(ContentType.JSON)
                .body(Map.of("score", 9, "text", "Invited and verified", "displayName", "Vera", "recommend", true,
                        "products", List.of(Map.of("sku", "VAAS-1", "score", 8, "text", "Mooie vaas"))))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201);
        shop.review(7, false);
        // recent enough to land in every last-12-month figure, had they counted it
        String recent = LocalDate.now(ZoneOffset.UTC).minusDays(20).toString();
        String csv = "date,grade,title,text,displayName,recommend,response\n"
                + recent + ",1,Slecht,Imported from elsewhere,Ida,no,\n"
                + recent + ",2,,Also imported,,no,Sorry\n";
        shop.asShop().contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/shops/{slug}/imports", shop.slug())
                .then().statusCode(200).body("imported", equalTo(2));
        return shop;
    }

    @Test
    void kiyohListsImportedReviewsButItsFiguresAreTheScoresWhichNeverCountsThem() {
        TestShop shop = shopWithImportedAndInvitedReviews();
        JsonPath score = given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).extract().jsonPath();
        assertEquals(2, score.getInt("count"));

        JsonPath publication = given().queryParam("locationId", shop.slug()).get("/v1/publication/review/external")
                .then().statusCode(200).extract().jsonPath();
        List<String> authors = publication.getList("reviews.reviewAuthor");
        assertEquals(4, authors.size(), "every public review, imported ones too: " + authors);
        assertTrue(authors.contains("Ida"));
        assertTrue(publication.getList("reviews.rating", Integer.class).containsAll(List.of(1, 2, 9, 7)));

        JsonPath stats = given().queryParam("locationId", shop.slug()).get("/v1/publication/review/external/location/statistics")
                .then().statusCode(200).extract().jsonPath();
        for (JsonPath figures : List.of(publication, stats)) {
            assertEquals(8.0f, figures.getFloat("averageRating"));
            assertEquals(2, figures.getInt("numberReviews"));
            assertEquals(50, figures.getInt("percentageRecommendation"));
            assertEquals(8.0f, figures.getFloat("last12MonthAverageRating"));
            assertEquals(2, figures.getInt("last12MonthNumberReviews"));
            assertEquals(50, figures.getInt("last12MonthPercentageRecommendation"));
        }
        String feed = given().queryParam("hash", shop.slug()).get("/v1/review/feed.json").then().statusCode(200).extract().asString();
        assertTrue(feed.contains("Imported from elsewhere"));
        JsonPath feedJson = JsonPath.from(feed);
        assertEquals(2, feedJson.getInt("numberReviews"));
        assertEquals(4, feedJson.getList("reviews").size());
    }

    @Test
    void neitherGoogleFeedHasImportedReviews() {
        TestShop shop = shopWithImportedAndInvitedReviews();
        byte[] merchant = given().get("/feeds/google/merchant-reviews/{slug}.xml", shop.slug()).then().statusCode(200)
                .extract().asByteArray();
        FeedSchemas.validate(FeedSchemas.MERCHANT_REVIEWS, merchant);
        String merchantXml = new String(merchant, StandardCharsets.UTF_8);
        assertEquals(2, merchantXml.split("<review ", -1).length - 1);
        assertFalse(merchantXml.contains("imported") || merchantXml.contains("Ida"), merchantXml);

        byte[] products = given().get("/feeds/google/product-reviews/{slug}.xml", shop.slug()).then().statusCode(200)
                .extract().asByteArray();
        FeedSchemas.validate(FeedSchemas.PRODUCT_REVIEWS, products);
        String productXml = new String(products, StandardCharsets.UTF_8);
        assertEquals(1, productXml.split("<review>", -1).length - 1);
        assertTrue(productXml.contains("Mooie vaas"));
        assertFalse(productXml.contains("imported") || productXml.contains("Ida"), productXml);
    }
}
