package io.shopscore.insight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;

/** Insights read from monthly totals: the arithmetic on known reviews, updates, drill-down, isolation, CSV and the page. */
@QuarkusTest
class InsightsTest {

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Writes a review through a new invitation; returns the token of the author's edit link. */
    private static String write(TestShop shop, int score, String text) {
        String token = shop.invite();
        long id = given().contentType("application/json").body(Map.of("score", score, "text", text))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201).extract().<Number>path("id").longValue();
        return Api.editToken(id);
    }

    /** Five reviews with clear complaints, and one to update later. */
    private static String fiveReviews(TestShop shop) {
        write(shop, 2, "Het pakket kwam twee weken te laat aan en de klantenservice reageerde niet op mijn mails.");
        write(shop, 3, "Na betaling kreeg ik te horen dat het artikel niet op voorraad was. Ik bestel hier nooit meer.");
        String late = write(shop, 4, "De levering duurde veel te lang.");
        write(shop, 9, "Snel geleverd en goed geholpen door de klantenservice.");
        write(shop, 7, "Mooi product, maar de levering duurde twee weken.");
        return late;
    }

    private static JsonPath insights(TestShop shop) {
        return shop.asShop().get("/api/v1/shops/{slug}/insights", shop.slug()).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath topic(JsonPath insights, String code) {
        return JsonPath.from(insights.prettify()).setRootPath("topics.find { it.topic == '" + code + "' }");
    }

    @Test
    void sharesOfNegativeAndOfAllReviewsPerTopic() {
        TestShop shop = Api.newShop();
        fiveReviews(shop);
        JsonPath insights = insights(shop);
        assertEquals(shop.slug(), insights.getString("scope"));
        assertEquals(12, insights.getInt("months"));
        assertEquals(5, insights.getInt("reviews"));
        assertEquals(3, insights.getInt("negativeReviews"));
        assertEquals(List.of("delivery", "customer_service", "stock"), insights.getList("topics.topic").subList(0, 3),
                "most named by unhappy customers first");
        assertEquals(2, topic(insights, "delivery").getInt("negative"));
        assertEquals(66.7f, topic(insights, "delivery").getFloat("negativeShare"));
        assertEquals(3, topic(insights, "delivery").getInt("all"), "a complaint in a 7 counts among all reviews");
        assertEquals(60.0f, topic(insights, "delivery").getFloat("allShare"));
        assertEquals(1, topic(insights, "customer_service").getInt("negative"));
        assertEquals(33.3f, topic(insights, "customer_service").getFloat("negativeShare"));
        assertEquals(20.0f, topic(insights, "stock").getFloat("allShare"));
        assertEquals(0, topic(insights, "website").getInt("negative"));
        assertEquals(0.0f, topic(insights, "website").getFloat("negativeShare"));

        assertEquals(1, insights.getInt("churn.count"));
        assertEquals(33.3f, insights.getFloat("churn.shareOfNegative"));
        assertEquals("stock", insights.getString("churn.topics[0].topic"), "the customer who left named the missing stock");
        assertEquals(100.0f, insights.getFloat("churn.topics[0].share"));

        List<Map<String, Object>> trend = insights.getList("trend");
        assertEquals(12, trend.size(), "one entry per month, empty ones too");
        Map<String, Object> now = trend.get(11);
        assertEquals(YearMonth.now(ZoneOffset.UTC).toString(), now.get("month"));
        assertEquals(5, now.get("reviews"));
        assertEquals(3, now.get("negative"));
        assertEquals(2, ((Map<?, ?>) now.get("negativeByTopic")).get("delivery"));
        assertEquals(0, trend.get(0).get("reviews"));
        assertEquals(3, insights.getInt("responses.negativeReviews"));
        assertEquals(null, (Object) insights.get("study"), "the study table is for the platform");
    }

    @Test
    void updatesMoveAReviewBetweenTopics() {
        TestShop shop = Api.newShop();
        String late = fiveReviews(shop);
        given().contentType("application/json").body(Map.of("score", 9, "text", "Toch nog snel opgelost door de winkel, top."))
                .put("/api/v1/review-edits/{editToken}", late).then().statusCode(200);
        JsonPath insights = insights(shop);
        assertEquals(5, insights.getInt("reviews"));
        assertEquals(2, insights.getInt("negativeReviews"));
        assertEquals(1, topic(insights, "delivery").getInt("negative"));
        assertEquals(50.0f, topic(insights, "delivery").getFloat("negativeShare"));
        assertEquals(2, topic(insights, "delivery").getInt("all"));
        shop.asShop().queryParam("topic", "delivery").get("/api/v1/shops/{slug}/insights/reviews", shop.slug())
                .then().body("total", equalTo(2));
    }

    @Test
    void drillDownListsTheReviewsBehindAFigure() {
        TestShop shop = Api.newShop();
        fiveReviews(shop);
        shop.asShop().queryParam("topic", "delivery").get("/api/v1/shops/{slug}/insights/reviews", shop.slug())
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(3))
                .body("items[0].topics", hasItem("delivery"))
                .body("items[0].churnIntent", equalTo(false))
                .body("items[0].score", equalTo(7))
                .body("items[0].text", notNullValue());
        shop.asShop().queryParam("topic", "delivery").queryParam("negative", "true")
                .get("/api/v1/shops/{slug}/insights/reviews", shop.slug()).then().body("total", equalTo(2));
        shop.asShop().queryParam("churn", "true").get("/api/v1/shops/{slug}/insights/reviews", shop.slug())
                .then().body("total", equalTo(1))
                .body("items[0].topics", equalTo(List.of("stock")))
                .body("items[0].churnIntent", equalTo(true));
        shop.asShop().queryParam("negative", "false").get("/api/v1/shops/{slug}/insights/reviews", shop.slug())
                .then().body("total", equalTo(2));
        shop.asShop().queryParam("topic", "weather").get("/api/v1/shops/{slug}/insights/reviews", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("topic"));
        shop.asShop().queryParam("churn", "maybe").get("/api/v1/shops/{slug}/insights/reviews", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("churn"));
    }

    @Test
    void aShopSeesOnlyItsOwnInsights() {
        TestShop shop = Api.newShop();
        TestShop other = Api.newShop();
        fiveReviews(shop);
        other.asShop().get("/api/v1/shops/{slug}/insights", shop.slug()).then().statusCode(403);
        other.asShop().get("/api/v1/shops/{slug}/insights/reviews", shop.slug()).then().statusCode(403);
        other.asShop().post("/api/v1/shops/{slug}/insights/link", shop.slug()).then().statusCode(403);
        given().get("/api/v1/shops/{slug}/insights", shop.slug()).then().statusCode(401);
        JsonPath theirs = insights(other);
        assertEquals(0, theirs.getInt("reviews"));
        assertEquals(0, theirs.getInt("churn.count"));
        other.asShop().get("/api/v1/shops/{slug}/insights/reviews", other.slug()).then().body("total", equalTo(0));
    }

    @Test
    void periodIsValidatedAndOlderMonthsFallOut() {
        TestShop shop = Api.newShop();
        write(shop, 3, "De levering duurde veel te lang.");
        for (String months : List.of("0", "37", "twelve", "-1")) {
            shop.asShop().queryParam("months", months).get("/api/v1/shops/{slug}/insights", shop.slug())
                    .then().statusCode(400).body("violations[0].field", equalTo("months"));
        }
        clock.advance(Duration.ofDays(95));
        write(shop, 9, "Prima");
        JsonPath lastTwo = shop.asShop().queryParam("months", 2).get("/api/v1/shops/{slug}/insights", shop.slug())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, lastTwo.getInt("reviews"));
        assertEquals(0, lastTwo.getInt("negativeReviews"));
        assertEquals(2, lastTwo.getList("trend").size());
        assertEquals(2, insights(shop).getInt("reviews"));
    }

    @Test
    void trendAsCsv() {
        TestShop shop = Api.newShop();
        fiveReviews(shop);
        String csv = shop.asShop().accept("text/csv").queryParam("months", 3).get("/api/v1/shops/{slug}/insights", shop.slug())
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(shop.slug() + "-insights.csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals(4, lines.length, "a header and three months");
        assertEquals("month,reviews,negative,churn,negative_customer_service,negative_delivery,negative_stock,negative_product,"
                + "negative_refund_return,negative_price,negative_website,negative_follow_up", lines[0]);
        assertEquals(YearMonth.now(ZoneOffset.UTC) + ",5,3,1,1,2,1,0,0,0,0,0", lines[3]);
    }

    @Test
    void operatorSeesThePlatformBesideTheStudy() {
        TestShop shop = Api.newShop();
        fiveReviews(shop);
        JsonPath platform = Api.asOperator().get("/api/v1/insights").then().statusCode(200).extract().jsonPath();
        assertEquals("platform", platform.getString("scope"));
        assertTrue(platform.getInt("reviews") >= 5);
        assertEquals(4, platform.getList("study").size());
        assertEquals(19.0f, platform.getFloat("study[0].study"));
        assertEquals(6.7f, platform.getFloat("study[1].study"));
        assertTrue(platform.getString("study[0].measure").contains("customer service or delivery"));
        shop.asShop().get("/api/v1/insights").then().statusCode(403);

        Api.asOperator().post("/api/v1/insights/reclassify").then().statusCode(202)
                .body("classifierVersion", notNullValue());
        Api.asOperator().get("/api/v1/insights/reclassify").then().statusCode(200).body("stale", equalTo(0));
    }

    @Test
    void insightsPageOpensFromAnHourLongLink() {
        TestShop shop = Api.newShop(Api.freshSlug("page"), "nl");
        fiveReviews(shop);
        String url = shop.asShop().post("/api/v1/shops/{slug}/insights/link", shop.slug())
                .then().statusCode(200).body("expiresAt", notNullValue()).extract().path("url");
        String path = url.substring(url.indexOf("/insights/"));
        given().get(path).then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("Inzichten voor Shop " + shop.slug()))
                .body(containsString("<svg class=\"chart\""))
                .body(containsString("Levering"))
                .body(containsString("66,7%"))
                .body(containsString("Voorraad: 1 (100,0%)"));
        given().get(path + "/export.csv").then().statusCode(200).body(containsString("negative_delivery"));
        given().get(path + "?lang=en&months=3").then().statusCode(200).body(containsString("Insights for Shop " + shop.slug()));
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        given().get(path).then().statusCode(410).body(containsString("verlopen"));
        given().get("/insights/" + "A".repeat(43)).then().statusCode(410);
    }
}
