package io.shopscore.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.testing.Api;
import io.shopscore.testing.ManagementPort;
import io.shopscore.testing.Api.TestShop;

@QuarkusTest
class ObservabilityTest {

    private static double metric(String text, String name, String labels) {
        String labelPart = labels.isEmpty() ? "(\\{\\})?" : "\\{" + labels + "\\}";
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + labelPart + " (?<value>[0-9.E+-]+)$").matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group("value")) : 0.0;
    }

    private static String metrics() {
        return given().get(ManagementPort.url("/q/metrics")).then().statusCode(200).extract().asString();
    }

    @Test
    void countersFollowWhatTheServiceDid() {
        String before = metrics();
        TestShop shop = Api.newShop();
        String token = shop.invite();
        shop.asShop().body(Map.of("orderRef", "ORD-SAME", "email", "x@example.com")).post("/api/v1/shops/{slug}/invitations", shop.slug());
        shop.asShop().body(Map.of("orderRef", "ORD-SAME", "email", "x@example.com")).post("/api/v1/shops/{slug}/invitations", shop.slug());
        long id = given().contentType("application/json").body(Map.of("score", 8, "text", "Good")).post("/api/v1/invitations/{t}/review", token)
                .then().extract().<Number>path("id").longValue();
        given().contentType("application/json").body(Map.of("score", 9, "text", "Better")).put("/api/v1/review-edits/{t}", Api.editToken(id));
        given().contentType("application/json").body(Map.of("score", 99, "text", "Bad")).post("/api/v1/invitations/{t}/review", shop.invite());
        String after = metrics();

        assertEquals(3.0, metric(after, "shopscore_invitations_created_total", "") - metric(before, "shopscore_invitations_created_total", ""),
                "two new orders plus one, the retry is not counted");
        assertEquals(1.0, metric(after, "shopscore_reviews_total", "change=\"written\"") - metric(before, "shopscore_reviews_total", "change=\"written\""));
        assertEquals(1.0, metric(after, "shopscore_reviews_total", "change=\"updated\"") - metric(before, "shopscore_reviews_total", "change=\"updated\""));
        String validation = "status=\"400\",type=\"validation\"";
        assertEquals(1.0, metric(after, "shopscore_problems_total", validation) - metric(before, "shopscore_problems_total", validation));
        assertTrue(after.contains("http_server_requests_seconds_count{"), "request timings are recorded");
        assertTrue(after.contains("uri=\"/api/v1/shops/{slug}/score\"") || after.contains("uri=\"/api/v1/invitations/{token}/review\""),
                "timings are grouped by route, not by slug or token");
    }

    /**
     * Scores in memory are answered ahead of the REST layer (CachedScoreRoute), which would have named
     * the route for the request timings: they must still be counted per endpoint, never per shop.
     */
    @Test
    void cachedScoresAreTimedPerEndpointNotPerShop() {
        TestShop first = Api.newShop();
        TestShop second = Api.newShop();
        first.review(9, true);
        second.review(7, true);
        String single = Pattern.quote("method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/shops/{slug}/score\"");
        String batch = Pattern.quote("method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/scores\"");
        for (TestShop shop : List.of(first, second)) {
            given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200); // the first may load it
            given().get("/api/v1/scores?shops={slug}", shop.slug()).then().statusCode(200);
        }
        String before = metrics();
        for (TestShop shop : List.of(first, second)) {
            given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200);
            given().get("/api/v1/scores?shops={slug}", shop.slug()).then().statusCode(200);
        }
        String after = metrics();
        assertEquals(2.0, metric(after, "http_server_requests_seconds_count", single) - metric(before, "http_server_requests_seconds_count", single));
        assertEquals(2.0, metric(after, "http_server_requests_seconds_count", batch) - metric(before, "http_server_requests_seconds_count", batch));
        assertTrue(!after.contains(first.slug()) && !after.contains(second.slug()), "no series names a shop");
    }

    @Test
    void metricsAreOnlyOnTheManagementPort() {
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void everyHtmlPageIsSentWithSecurityHeaders() {
        for (String page : List.of("/widget/demo.html", "/q/swagger-ui/index.html", "/shops/demo")) {
            given().get(page).then().log().ifValidationFails().statusCode(200)
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", "DENY")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void onlyReadinessDependsOnTheDatabase() {
        // a process that cannot reach its database is not broken: restarting it would not bring the database back
        given().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("Database connections health check")))
                .body("checks.name", not(hasItem("database")));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'review writer' }.status", equalTo("UP"));
    }
}
