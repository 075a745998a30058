package io.shopscore.feed.google;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shopscore.feed.FeedSchemas;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** Google's product reviews feed through HTTP; tests run with pages of 3 (application.properties). */
@QuarkusTest
class ProductReviewsFeedTest {

    private static final String MUG_NAME = "Mok <groot> & blauw \uD83D\uDE00";

    private static Map<String, Object> mug() {
        return new HashMap<>(Map.of("sku", "MUG-1", "name", MUG_NAME, "url", "https://shop.example/p/mug?size=l&colour=blue",
                "gtin", "8712345678906", "mpn", "M-100", "brand", "Acme & Zn"));
    }

    /** A product without GTIN, MPN, brand or page of its own: only the shop's SKU identifies it. */
    private static Map<String, Object> tee() {
        return new HashMap<>(Map.of("sku", "TEE 2", "name", "T-shirt"));
    }

    private static String invite(TestShop shop, List<Map<String, Object>> products) {
        return shop.asShop()
                .body(Map.of("orderRef", "F-" + System.nanoTime(), "email", "customer@example.com", "delivery", "link", "products", products))
                .post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(201).extract().path("token");
    }

    private static Map<String, Object> grade(String sku, int score, String text) {
        Map<String, Object> grade = new HashMap<>(Map.of("sku", sku, "score", score));
        if (text != null) {
            grade.put("text", text);
        }
        return grade;
    }

    private static long review(TestShop shop, String text, String displayName, List<Map<String, Object>> grades) {
        Map<String, Object> body = new HashMap<>(Map.of("score", 8, "text", text, "products", grades));
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/invitations/{token}/review", invite(shop, List.of(mug(), tee())))
                .then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private static byte[] feed(TestShop shop) {
        byte[] xml = given().get("/feeds/google/product-reviews/{slug}.xml", shop.slug())
                .then().statusCode(200)
                .contentType(containsString("application/xml"))
                .header("Cache-Control", containsString("public"))
                .header("ETag", notNullValue())
                .header("Access-Control-Allow-Origin", "*")
                .extract().asByteArray();
        FeedSchemas.validate(FeedSchemas.PRODUCT_REVIEWS, xml);
        return xml;
    }

    private static NodeList reviews(byte[] xml) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        return document.getElementsByTagName("review");
    }

    private static String text(Element element, String name) {
        NodeList found = element.getElementsByTagName(name);
        return found.getLength() == 0 ? null : found.item(0).getTextContent();
    }

    @Test
    void everyPublishedProductGradeWithWordsIsInAValidFeedAcrossPages() throws Exception {
        TestShop shop = Api.newShop(Api.freshSlug("mokken"), "nl");
        long first = review(shop, "Goede winkel", "Anna <b>",
                List.of(grade("MUG-1", 9, "Mooie <script>alert(1)</script> & stevige mok \u0007 \uD83C\uDF37"), grade("TEE 2", 4, "Krimpt")));
        long second = review(shop, "Prima", null, List.of(grade("MUG-1", 6, null), grade("TEE 2", 7, "Zit goed")));
        // held for the operator (a link in a product text): not published, so in no feed
        review(shop, "Prima", "Piet", List.of(grade("MUG-1", 2, "Zie https://elders.example")));
        long third = review(shop, "Ok", "Carla", List.of(grade("MUG-1", 10, "Top")));

        byte[] xml = feed(shop);
        String raw = new String(xml, StandardCharsets.UTF_8);
        assertFalse(raw.contains("<script>"), "words are text, never markup");
        assertTrue(raw.contains("\uD83C\uDF37") && raw.contains("\uD83D\uDE00"), "emoji arrive whole, in texts and product names");
        assertFalse(raw.contains("\u0007"));

        NodeList reviews = reviews(xml);
        List<String> listed = new ArrayList<>();
        List<Long> reviewsOf = new ArrayList<>();
        for (int i = 0; i < reviews.getLength(); i++) {
            Element review = (Element) reviews.item(i);
            listed.add(text(review, "product_name") + " " + text(review, "overall"));
            assertEquals("post_fulfillment", text(review, "collection_method"));
            Element overall = (Element) review.getElementsByTagName("overall").item(0);
            assertEquals("1", overall.getAttribute("min"));
            assertEquals("10", overall.getAttribute("max"));
        }
        assertEquals(List.of(MUG_NAME + " 9", "T-shirt 4", "T-shirt 7", MUG_NAME + " 10"), listed,
                "each graded product with words once, oldest review first, over two pages of three; the grade without words "
                        + "and the held review left out");
        assertNotEquals(first, second);
        assertTrue(third > first);

        Element mug = (Element) reviews.item(0);
        assertEquals("Anna <b>", text(mug, "name"));
        assertEquals("Mooie <script>alert(1)</script> & stevige mok  \uD83C\uDF37", text(mug, "content"));
        assertEquals("8712345678906", text(mug, "gtin"));
        assertEquals("M-100", text(mug, "mpn"));
        assertEquals("MUG-1", text(mug, "sku"));
        assertEquals("Acme & Zn", text(mug, "brand"));
        assertEquals("https://shop.example/p/mug?size=l&colour=blue", text(mug, "product_url"));
        Element reviewUrl = (Element) mug.getElementsByTagName("review_url").item(0);
        assertTrue(reviewUrl.getTextContent().endsWith("/shops/" + shop.slug() + "/products/MUG-1"), reviewUrl.getTextContent());
        assertEquals("group", reviewUrl.getAttribute("type"));

        Element anonymousTee = (Element) reviews.item(2);
        Element name = (Element) anonymousTee.getElementsByTagName("name").item(0);
        assertEquals("true", name.getAttribute("is_anonymous"), "a review without a display name is anonymous");
        assertEquals("Anonymous", name.getTextContent());
        assertEquals(List.of("TEE 2"), List.of(text(anonymousTee, "sku")));
        assertEquals(null, text(anonymousTee, "gtin"), "no GTIN: no gtins element, never an empty one");
        assertEquals(null, text(anonymousTee, "brand"));
        assertTrue(text(anonymousTee, "product_url").endsWith("/shops/" + shop.slug() + "/products/TEE%202"),
                "without a page of its own the product is shown by its page here");
    }

    @Test
    void aWithdrawnOrRemovedReviewLeavesTheFeedAndItsVersionMoves() throws Exception {
        TestShop shop = Api.newShop();
        long kept = review(shop, "Goed", "Anna", List.of(grade("MUG-1", 9, "Mooi")));
        long withdrawn = review(shop, "Goed", "Bob", List.of(grade("MUG-1", 8, "Stevig"), grade("TEE 2", 3, "Te klein")));
        long removed = review(shop, "Slecht", "Cas", List.of(grade("TEE 2", 1, "Gescheurd")));
        assertEquals(4, reviews(feed(shop)).getLength());
        String etag = given().get("/feeds/google/product-reviews/{slug}.xml", shop.slug()).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get("/feeds/google/product-reviews/{slug}.xml", shop.slug()).then().statusCode(304)
                .header("ETag", equalTo(etag));

        given().delete("/api/v1/review-edits/{edit}", Api.editToken(withdrawn)).then().statusCode(204);

        String afterWithdrawal = given().header("If-None-Match", etag).get("/feeds/google/product-reviews/{slug}.xml", shop.slug())
                .then().statusCode(200).extract().header("ETag");
        NodeList reviews = reviews(feed(shop));
        assertEquals(2, reviews.getLength());
        String raw = new String(feed(shop), StandardCharsets.UTF_8);
        assertFalse(raw.contains("Stevig") || raw.contains("Te klein") || raw.contains("Bob"), "nothing of the withdrawn review is left");

        Api.asOperator().body(Map.of("decision", "remove", "reason", "Not a customer", "category", "not_a_customer"))
                .post("/api/v1/moderation/reviews/{id}/decision", removed).then().statusCode(200);
        given().header("If-None-Match", afterWithdrawal).get("/feeds/google/product-reviews/{slug}.xml", shop.slug())
                .then().statusCode(200);
        reviews = reviews(feed(shop));
        assertEquals(1, reviews.getLength());
        assertEquals("Anna", text((Element) reviews.item(0), "name"));
        assertTrue(kept > 0);
    }

    @Test
    void aRenamedProductMovesTheVersion() {
        TestShop shop = Api.newShop();
        review(shop, "Goed", "Anna", List.of(grade("MUG-1", 9, "Mooi")));
        String etag = given().get("/feeds/google/product-reviews/{slug}.xml", shop.slug()).then().statusCode(200).extract().header("ETag");
        Map<String, Object> renamed = mug();
        renamed.put("name", "Mok, nieuw");
        invite(shop, List.of(renamed));
        String body = given().header("If-None-Match", etag).get("/feeds/google/product-reviews/{slug}.xml", shop.slug())
                .then().statusCode(200).extract().asString();
        assertTrue(body.contains("<product_name>Mok, nieuw</product_name>"), body);
    }

    @Test
    void aShopWithoutProductReviewsHasAValidEmptyFeed() throws Exception {
        TestShop shop = Api.newShop();
        shop.review(9, true);
        assertEquals(0, reviews(feed(shop)).getLength());
    }

    @Test
    void anUnknownShopIsNotFound() {
        given().get("/feeds/google/product-reviews/{slug}.xml", "no-such-shop")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/feeds/google/product-reviews/{slug}.xml", "NOT a slug!")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
