package io.shopscore.durability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.AppProcess;

/**
 * An acknowledged review survives kill -9, and a restart on the same database file finds every
 * shop, invitation, review and score as it was: nothing lost, nothing counted twice.
 */
class CrashRecoveryIT {

    private static final int REVIEWS = 60;

    @TempDir
    Path workDir;

    @Test
    void acknowledgedReviewsSurviveKillNineAndARestart() throws Exception {
        String slug = Api.freshSlug("crash");
        String apiKey;
        List<String> tokens = new ArrayList<>();
        long[] perGrade = new long[11];
        int acknowledged = 0;

        AppProcess first = AppProcess.start(workDir, Map.of());
        try {
            String base = first.baseUrl();
            apiKey = given().baseUri(base).auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON)
                    .body(Map.of("slug", slug, "name", "Crash Test", "websiteUrl", "https://crash.example"))
                    .post("/api/v1/shops").then().statusCode(201).extract().path("apiKey");
            for (int i = 0; i < REVIEWS + 5; i++) {
                tokens.add(given().baseUri(base).auth().oauth2(apiKey).contentType(ContentType.JSON)
                        .body(Map.of("orderRef", "C-" + i, "email", "c" + i + "@example.com", "delivery", "link"))
                        .post("/api/v1/shops/{slug}/invitations", slug).then().statusCode(201).extract().path("token"));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Callable<Integer>> posts = new ArrayList<>();
            for (int i = 0; i < REVIEWS; i++) {
                String token = tokens.get(i);
                int grade = 1 + i % 10;
                posts.add(() -> given().baseUri(base).contentType(ContentType.JSON)
                        .body(Map.of("score", grade, "text", "Crash review " + token))
                        .post("/api/v1/invitations/{token}/review", token).statusCode() == 201 ? grade : 0);
            }
            for (Future<Integer> result : pool.invokeAll(posts)) {
                int grade = result.get();
                if (grade > 0) {
                    perGrade[grade]++;
                    acknowledged++;
                }
            }
            pool.shutdownNow();
        } finally {
            first.kill();
        }
        assertEquals(REVIEWS, acknowledged);
        if ("h2".equals(System.getProperty("it.database", "h2"))) {
            assertEquals(true, Files.exists(workDir.resolve("data")), "the embedded database lives under ./data");
        }

        try (AppProcess second = AppProcess.start(workDir, Map.of())) {
            String base = second.baseUrl();
            JsonPath score = given().baseUri(base).get("/api/v1/shops/{slug}/score", slug).then().statusCode(200).extract().jsonPath();
            assertEquals(acknowledged, score.getInt("count"));
            for (int grade = 1; grade <= 10; grade++) {
                assertEquals(perGrade[grade], score.getLong("distribution.'" + grade + "'"), "grade " + grade);
            }
            assertEquals(acknowledged, given().baseUri(base).get("/api/v1/shops/{slug}/reviews", slug)
                    .then().statusCode(200).extract().<Integer>path("total"));
            assertEquals(acknowledged, given().baseUri(base).auth().oauth2(apiKey).queryParam("state", "reviewed")
                    .get("/api/v1/shops/{slug}/invitations", slug).then().statusCode(200).extract().<Integer>path("total"));

            given().baseUri(base).contentType(ContentType.JSON).body(Map.of("score", 1, "text", "again"))
                    .post("/api/v1/invitations/{token}/review", tokens.get(0)).then().statusCode(409);
            given().baseUri(base).contentType(ContentType.JSON).body(Map.of("score", 10, "text", "after restart"))
                    .post("/api/v1/invitations/{token}/review", tokens.get(REVIEWS)).then().statusCode(201);
            assertEquals(acknowledged + 1, given().baseUri(base).get("/api/v1/shops/{slug}/score", slug)
                    .then().extract().<Integer>path("count"));
        }
    }
}
