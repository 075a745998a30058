package io.shopscore.feed.google;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** The merchant reviews feed through HTTP; tests run with pages of 3 reviews (application.properties). */
@QuarkusTest
class MerchantReviewsFeedTest {

    private static final String NS = "http://schemas.google.com/merchant_reviews/5.0";

    private static long review(TestShop shop, int score, String title, String text, String displayName) {
        Map<String, Object> body = new HashMap<>(Map.of("score", score, "text", text));
        if (title != null) {
            body.put("title", title);
        }
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/invitations/{token}/review", shop.invite())
                .then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private static byte[] feed(TestShop shop) {
        return given().get("/feeds/google/merchant-reviews/{slug}.xml", shop.slug())
                .then().statusCode(200)
                .contentType(containsString("application/xml"))
                .header("Cache-Control", containsString("public"))
                .header("ETag", notNullValue())
                .header("Access-Control-Allow-Origin", "*")
                .extract().asByteArray();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void everyPublishedReviewIsInAValidFeedAcrossPages() throws Exception {
        TestShop shop = Api.newShop(Api.freshSlug("bloemen"), "de");
        List<Long> ids = new ArrayList<>();
        ids.add(review(shop, 9, "Tolle <Blumen> & mehr", "Schön \uD83C\uDF37 verpackt, <script>alert(1)</script> & \"schnell\"", "Anna"));
        ids.add(review(shop, 3, null, "Zu spät \u0007 geliefert \uD83D\uDE20", null));
        for (int i = 0; i < 5; i++) {
            ids.add(shop.review(7, true));
        }

        byte[] xml = feed(shop);
        FeedSchemas.validate(FeedSchemas.MERCHANT_REVIEWS, xml);
        String text = new String(xml, StandardCharsets.UTF_8);
        assertFalse(text.contains("<script>"), "markup in a review is text, never markup");
        assertTrue(text.contains("\uD83C\uDF37"), "emoji arrive whole");

        Document document = parse(xml);
        Element merchant = (Element) document.getElementsByTagNameNS(NS, "merchant").item(0);
        assertEquals("Shop " + shop.slug(), merchant.getElementsByTagNameNS(NS, "name").item(0).getTextContent());
        NodeList reviews = document.getElementsByTagNameNS(NS, "review");
        List<Long> listed = new ArrayList<>();
        for (int i = 0; i < reviews.getLength(); i++) {
            Element review = (Element) reviews.item(i);
            listed.add(Long.parseLong(review.getAttribute("id")));
            assertEquals(merchant.getAttribute("id"), review.getAttribute("mid"));
            assertEquals("DE", review.getElementsByTagNameNS(NS, "country_code").item(0).getTextContent());
            assertEquals("after_fulfillment", review.getElementsByTagNameNS(NS, "collection_method").item(0).getTextContent());
        }
        assertEquals(ids, listed, "every review once, oldest first, over three pages of three");
        Element first = (Element) reviews.item(0);
        assertEquals("Tolle <Blumen> & mehr", first.getElementsByTagNameNS(NS, "title").item(0).getTextContent());
        assertEquals("Anna", first.getElementsByTagNameNS(NS, "reviewer_name").item(0).getTextContent());
        Element overall = (Element) first.getElementsByTagNameNS(NS, "overall").item(0);
        assertEquals("9", overall.getTextContent());
        assertEquals("1", overall.getAttribute("min"));
        assertEquals("10", overall.getAttribute("max"));
        Element second = (Element) reviews.item(1);
        assertEquals(0, second.getElementsByTagNameNS(NS, "reviewer_name").getLength(), "no name: no element, never an empty one");
        assertEquals(0, second.getElementsByTagNameNS(NS, "title").getLength());
    }

    @Test
    void removedReviewsLeaveTheFeedAndItsVersionMoves() throws Exception {
        TestShop shop = Api.newShop();
        long kept = shop.review(8, true);
        long removed = shop.review(2, false);
        String etag = given().get("/feeds/google/merchant-reviews/{slug}.xml", shop.slug()).then().statusCode(200)
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/feeds/google/merchant-reviews/{slug}.xml", shop.slug())
                .then().statusCode(304);

        Api.asOperator().body(Map.of("decision", "remove", "reason", "Not a customer", "category", "not_a_customer"))
                .post("/api/v1/moderation/reviews/{id}/decision", removed).then().statusCode(200);

        byte[] xml = given().header("If-None-Match", etag).get("/feeds/google/merchant-reviews/{slug}.xml", shop.slug())
                .then().statusCode(200).extract().asByteArray();
        FeedSchemas.validate(FeedSchemas.MERCHANT_REVIEWS, xml);
        NodeList reviews = parse(xml).getElementsByTagNameNS(NS, "review");
        assertEquals(1, reviews.getLength());
        assertEquals(Long.toString(kept), ((Element) reviews.item(0)).getAttribute("id"));
    }

    @Test
    void aShopWithoutReviewsHasAValidEmptyFeed() {
        FeedSchemas.validate(FeedSchemas.MERCHANT_REVIEWS, feed(Api.newShop()));
    }

    @Test
    void anUnknownShopIsNotFound() {
        given().get("/feeds/google/merchant-reviews/{slug}.xml", "no-such-shop")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/feeds/google/merchant-reviews/{slug}.xml", "NOT a slug!")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
