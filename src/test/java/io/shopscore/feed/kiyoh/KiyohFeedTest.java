package io.shopscore.feed.kiyoh;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;

@QuarkusTest
class KiyohFeedTest {

    private static final String KIYOH_DATE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @Inject
    MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    /** Writes a review through a new invitation with exactly these fields (null ones left out). */
    static long review(TestShop shop, int score, String title, String text, String displayName, Boolean recommend) {
        Map<String, Object> body = new HashMap<>(Map.of("score", score, "text", text));
        if (title != null) {
            body.put("title", title);
        }
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        if (recommend != null) {
            body.put("recommend", recommend);
        }
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/invitations/{token}/review", shop.invite())
                .then().statusCode(201).extract().<Number>path("id").longValue();
    }

    static void respond(TestShop shop, long reviewId, String text) {
        shop.asShop().body(Map.of("text", text)).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), reviewId)
                .then().statusCode(200);
    }

    @Test
    void publicationAnswerHasKiyohsFieldsWhateverTheClientSendsAndNeverANull() {
        TestShop shop = Api.newShop();
        long full = review(shop, 9, "Snel", "Goed verpakt & snel <b>geleverd</b>", "Jan", true);
        respond(shop, full, "Dank je, Jan!");
        long bare = review(shop, 4, null, "Te laat", null, null);

        String body = given().header("X-Publication-Api-Token", "secret-token-of-the-shop").accept("text/html")
                .queryParam("locationId", shop.slug()).queryParam("tenantId", "98").queryParam("orderBy", "CREATE_DATE")
                .get("/v1/publication/review/external")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("Access-Control-Allow-Origin", "*")
                .header("ETag", notNullValue())
                .header("Cache-Control", containsString("public"))
                .extract().asString();
        assertFalse(body.contains("null"), body);
        JsonPath json = new JsonPath(body);
        assertEquals(Set.of("locationId", "locationName", "averageRating", "numberReviews", "percentageRecommendation",
                "last12MonthAverageRating", "last12MonthNumberReviews", "last12MonthPercentageRecommendation", "viewReviewUrl",
                "createReviewUrl", "reviews"), json.getMap("$").keySet());
        assertEquals(shop.slug(), json.getString("locationId"));
        assertEquals(2, json.getInt("numberReviews"));
        assertEquals(6.5f, json.getFloat("averageRating"));
        assertEquals(100, json.getInt("percentageRecommendation"));
        assertEquals(2, json.getList("reviews").size());

        Map<String, Object> newest = json.getMap("reviews[0]");
        assertEquals(Long.toString(bare), newest.get("reviewId"));
        assertEquals("", newest.get("reviewAuthor"));
        assertEquals("", newest.get("city"));
        assertEquals(4, newest.get("rating"));
        assertFalse(newest.containsKey("reviewComments"));
        assertEquals(List.of("DEFAULT_OVERALL", "DEFAULT_OPINION"), json.getList("reviews[0].reviewContent.questionGroup"));

        Map<String, Object> older = json.getMap("reviews[1]");
        assertEquals(Long.toString(full), older.get("reviewId"));
        assertEquals("Jan", older.get("reviewAuthor"));
        assertEquals(9, older.get("rating"));
        assertEquals("Dank je, Jan!", older.get("reviewComments"));
        assertEquals("nl", older.get("reviewLanguage"));
        assertTrue(((String) older.get("dateSince")).matches(KIYOH_DATE), (String) older.get("dateSince"));
        assertTrue(((String) older.get("updatedSince")).matches(KIYOH_DATE), (String) older.get("updatedSince"));
        assertEquals(List.of("DEFAULT_OVERALL", "DEFAULT_ONELINER", "DEFAULT_OPINION", "DEFAULT_RECOMMEND"),
                json.getList("reviews[1].reviewContent.questionGroup"));
        assertEquals(List.of("INT", "TEXT", "TEXT", "BOOLEAN"), json.getList("reviews[1].reviewContent.questionType"));
        assertEquals(List.of("9", "Snel", "Goed verpakt & snel <b>geleverd</b>", "true"), json.getList("reviews[1].reviewContent.rating"));
        assertEquals("Uw totaal oordeel", json.getString("reviews[1].reviewContent[0].questionTranslation"));
    }

    @Test
    void answersNotModifiedToItsOwnETag() {
        TestShop shop = Api.newShop();
        shop.review(8, true);
        String etag = given().queryParam("locationId", shop.slug()).get("/v1/publication/review/external")
                .then().statusCode(200).extract().header("ETag");
        given().queryParam("locationId", shop.slug()).header("If-None-Match", etag).get("/v1/publication/review/external")
                .then().statusCode(304);
        shop.review(3, false);
        given().queryParam("locationId", shop.slug()).header("If-None-Match", etag).get("/v1/publication/review/external")
                .then().statusCode(200).body("numberReviews", equalTo(2));
    }

    @Test
    void figuresAreTheShopsScore() {
        TestShop shop = Api.newShop();
        shop.review(10, true);
        shop.review(7, false);
        shop.review(8, null);
        JsonPath score = given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).extract().jsonPath();
        JsonPath stats = given().queryParam("locationId", shop.slug()).get("/v1/publication/review/external/location/statistics")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(score.getFloat("average"), stats.getFloat("averageRating"));
        assertEquals(score.getInt("count"), stats.getInt("numberReviews"));
        assertEquals(score.getInt("recommendPercentage"), stats.getInt("percentageRecommendation"));
        assertEquals(score.getInt("recommendPercentage"), stats.getInt("recommendation"));
        assertEquals(score.getFloat("last12Months.average"), stats.getFloat("last12MonthAverageRating"));
        assertEquals(score.getInt("last12Months.count"), stats.getInt("last12MonthNumberReviews"));
        assertEquals(score.getInt("last12Months.recommendPercentage"), stats.getInt("last12MonthRecommendation"));
        assertEquals(true, stats.getBoolean("locationActive"));
        assertFalse(stats.getMap("$").containsKey("reviews"));
        assertEquals(score.getString("reviewPageUrl"), stats.getString("viewReviewUrl"));
    }

    @Test
    void aShopWithoutReviewsHasZerosNotNulls() {
        TestShop shop = Api.newShop();
        String body = given().queryParam("locationId", shop.slug()).get("/v1/publication/review/external/location/statistics")
                .then().statusCode(200).extract().asString();
        assertFalse(body.contains("null"), body);
        JsonPath json = new JsonPath(body);
        assertEquals(0f, json.getFloat("averageRating"));
        assertEquals(0, json.getInt("percentageRecommendation"));
        given().queryParam("hash", shop.slug()).get("/v1/review/feed.json").then().statusCode(200).body("reviews", hasSize(0));
    }

    @Test
    void limitGivesTheNewestAndIsBounded() {
        TestShop shop = Api.newShop();
        for (int grade = 1; grade <= 12; grade++) {
            shop.review(Math.min(grade, 10), null);
        }
        given().queryParam("locationId", shop.slug()).get("/v1/publication/review/external")
                .then().statusCode(200).body("reviews", hasSize(10)).body("numberReviews", equalTo(12));
        given().queryParam("hash", shop.slug()).queryParam("limit", "2").get("/v1/review/feed.json")
                .then().statusCode(200).body("reviews.rating", equalTo(List.of(10, 10)));
        given().queryParam("locationId", shop.slug()).queryParam("limit", "999999999").get("/v1/publication/review/external")
                .then().statusCode(200).body("reviews", hasSize(12));
        for (String bad : List.of("abc", "0", "-1", "1.5", "99999999999")) {
            given().queryParam("locationId", shop.slug()).queryParam("limit", bad).get("/v1/publication/review/external")
                    .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("limit"));
        }
    }

    @Test
    void dateSinceAndUpdatedSinceFilterInKiyohsFormatAndIso() {
        TestShop shop = Api.newShop();
        long first = shop.review(6, null);
        clock.advance(Duration.ofDays(2));
        Instant between = clock.instant().minus(Duration.ofDays(1));
        long second = shop.review(9, null);
        clock.advance(Duration.ofDays(2));
        Instant beforeResponse = clock.instant().minus(Duration.ofHours(1));
        respond(shop, first, "Sorry!");

        String kiyohFormat = KiyohDates.format(between);
        for (String since : List.of(kiyohFormat, between.toString(), between.toString().replace("Z", "+00:00"),
                KiyohDates.format(between).replace("Z", "+0000"))) {
            given().queryParam("locationId", shop.slug()).queryParam("dateSince", since).get("/v1/publication/review/external")
                    .then().statusCode(200).body("reviews.reviewId", equalTo(List.of(Long.toString(second))));
        }
        given().queryParam("locationId", shop.slug()).queryParam("dateSince", "2000-01-01").get("/v1/publication/review/external")
                .then().statusCode(200).body("reviews", hasSize(2));
        JsonPath answered = given().queryParam("locationId", shop.slug()).queryParam("updatedSince", KiyohDates.format(beforeResponse))
                .get("/v1/publication/review/external")
                .then().statusCode(200).body("reviews.reviewId", equalTo(List.of(Long.toString(first))))
                .extract().jsonPath();
        assertTrue(answered.getString("reviews[0].updatedSince").compareTo(answered.getString("reviews[0].dateSince")) > 0,
                "the response moved updatedSince");
        for (String field : List.of("dateSince", "updatedSince")) {
            given().queryParam("locationId", shop.slug()).queryParam(field, "yesterday").get("/v1/publication/review/external")
                    .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(field));
        }
    }

    @Test
    void unknownLocationIsANotFoundProblemInKiyohsShapeToo() {
        given().queryParam("locationId", "no-such-shop").get("/v1/publication/review/external")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("httpCode", equalTo(404))
                .body("errorCode", equalTo("NOT_FOUND"))
                .body("detailedError[0].errorCode", equalTo("INVALID_LOCATION_ID"))
                .body("detailedError[0].message", containsString("no-such-shop"));
        given().queryParam("hash", "no-such-shop").get("/v1/review/feed.xml")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detailedError[0].errorCode", equalTo("INVALID_HASH"));
        given().queryParam("locationId", "../../etc").get("/v1/publication/review/external/location/statistics")
                .then().statusCode(404).body("httpCode", equalTo(404));
        given().get("/v1/publication/review/external").then().statusCode(400).body("violations[0].field", equalTo("locationId"));
    }

    @Test
    void feedXmlNestsListsTwiceAsKiyohDoesAndHoldsNoNull() throws Exception {
        TestShop shop = Api.newShop();
        long full = review(shop, 9, "Top", "Prima & snel <3", "Els", false);
        respond(shop, full, "Bedankt");
        review(shop, 5, null, "Matig", null, null);

        byte[] xml = given().queryParam("hash", shop.slug()).get("/v1/review/feed.xml")
                .then().statusCode(200).contentType(containsString("application/xml"))
                .header("ETag", notNullValue()).header("Access-Control-Allow-Origin", "*")
                .extract().asByteArray();
        assertFalse(new String(xml, StandardCharsets.UTF_8).contains("null"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element root = document.getDocumentElement();
        assertEquals("ReviewFeedDto", root.getNodeName());
        assertEquals(shop.slug(), child(root, "locationId").getTextContent());
        assertEquals("7.0", child(root, "averageRating").getTextContent());
        List<Element> reviews = children(child(root, "reviews"), "reviews");
        assertEquals(2, reviews.size());
        Element older = reviews.get(1);
        assertEquals("Els", child(older, "reviewAuthor").getTextContent());
        assertEquals("Bedankt", child(older, "reviewComments").getTextContent());
        List<Element> questions = children(child(older, "reviewContent"), "reviewContent");
        assertEquals(4, questions.size());
        assertEquals("Prima & snel <3", child(questions.get(2), "rating").getTextContent());
        assertEquals("false", child(questions.get(3), "rating").getTextContent());
        assertTrue(child(older, "dateSince").getTextContent().matches(KIYOH_DATE));
        assertEquals(0, reviews.get(0).getElementsByTagName("reviewComments").getLength());
    }

    @Test
    void kiyohsDateFormatEndsInALiteralZ() {
        assertEquals("2019-06-03T16:00:24.278Z", KiyohDates.format(Instant.parse("2019-06-03T16:00:24.278Z")));
        assertEquals("2024-01-01T00:00:00.000Z", KiyohDates.format(Instant.parse("2024-01-01T00:00:00Z")));
        assertEquals(Instant.parse("2019-06-03T14:00:24.278Z"), KiyohDates.parse("dateSince", "2019-06-03T16:00:24.278+0200"));
        assertEquals(Instant.parse("2019-06-03T00:00:00Z"), KiyohDates.parse("dateSince", "2019-06-03"));
    }

    /**
     * Reads the answer the way KiYoh's PHP clients do: {@code json_decode($body, true)}, then field by
     * field into typed models under {@code declare(strict_types=1)}, where a null or a number in place
     * of a string is a TypeError, and {@code isset()} guards only the optional reviewComments.
     */
    @Test
    void aPhpClientReadsEveryFieldWithTheTypeItExpects() throws Exception {
        TestShop shop = Api.newShop();
        long id = review(shop, 8, null, "Netjes", null, true);
        String body = given().queryParam("locationId", shop.slug()).get("/v1/publication/review/external")
                .then().statusCode(200).extract().asString();
        @SuppressWarnings("unchecked")
        Map<String, Object> company = new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);

        float averageRating = php((Number) company.get("averageRating")).floatValue();
        int numberReviews = php((Number) company.get("numberReviews")).intValue();
        float last12MonthAverageRating = php((Number) company.get("last12MonthAverageRating")).floatValue();
        int last12MonthNumberReviews = php((Number) company.get("last12MonthNumberReviews")).intValue();
        int percentageRecommendation = php((Number) company.get("percentageRecommendation")).intValue();
        String locationId = php((String) company.get("locationId"));
        String locationName = php((String) company.get("locationName"));
        assertEquals(8f, averageRating);
        assertEquals(1, numberReviews);
        assertEquals(8f, last12MonthAverageRating);
        assertEquals(1, last12MonthNumberReviews);
        assertEquals(100, percentageRecommendation);
        assertEquals(shop.slug(), locationId);
        assertEquals("Shop " + shop.slug(), locationName);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reviews = (List<Map<String, Object>>) company.get("reviews");
        Map<String, Object> review = reviews.get(0);
        assertEquals(Long.toString(id), php((String) review.get("reviewId")));
        assertEquals("", php((String) review.get("reviewAuthor")));
        assertEquals("", php((String) review.get("city")));
        assertEquals(8, php((Number) review.get("rating")).intValue());
        String comments = review.containsKey("reviewComments") ? php((String) review.get("reviewComments")) : "";
        assertEquals("", comments);
        assertTrue(php((String) review.get("dateSince")).matches(KIYOH_DATE));
        assertTrue(php((String) review.get("updatedSince")).matches(KIYOH_DATE));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> content = (List<Map<String, Object>>) review.get("reviewContent");
        Map<String, String> answers = new HashMap<>();
        for (Map<String, Object> question : content) {
            php((String) question.get("questionType"));
            php((Number) question.get("order")).intValue();
            php((String) question.get("questionTranslation"));
            answers.put(php((String) question.get("questionGroup")), php((String) question.get("rating")));
        }
        assertEquals(Map.of("DEFAULT_OVERALL", "8", "DEFAULT_OPINION", "Netjes", "DEFAULT_RECOMMEND", "true"), answers);
    }

    /** A value a strictly typed PHP parameter accepts: present and not null (a wrong type already failed the cast). */
    private static <T> T php(T value) {
        assertTrue(value != null, "a PHP client would get null here");
        return value;
    }

    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), name + " in " + parent.getNodeName());
        return found.get(0);
    }

    static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        List<Element> found = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE && nodes.item(i).getNodeName().equals(name)) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }
}
