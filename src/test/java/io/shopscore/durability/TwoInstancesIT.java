package io.shopscore.durability;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shopscore.testing.Api;
import io.shopscore.testing.AppProcess;

/**
 * Two service processes on one PostgreSQL database behave as one: one invitation per order, every
 * review counted exactly once, and a new review visible through either instance within the score
 * cache's time (10 s).
 */
class TwoInstancesIT {

    private static final int REVIEWS = 200;
    private static final Duration CACHE_TIME = Duration.ofSeconds(10);

    @TempDir
    Path workDir;

    @Test
    void twoInstancesOnOneDatabaseBehaveAsOne() throws Exception {
        Assumptions.assumeTrue("postgresql".equals(System.getProperty("it.database")),
                "several instances share a PostgreSQL database; the embedded H2 file belongs to one process");
        try (AppProcess a = AppProcess.start(workDir.resolve("a"), Map.of());
                AppProcess b = AppProcess.start(workDir.resolve("b"), Map.of())) {
            String slug = Api.freshSlug("twin");
            String apiKey = given().baseUri(a.baseUrl()).auth().oauth2(Api.ADMIN_TOKEN).contentType(ContentType.JSON)
                    .body(Map.of("slug", slug, "name", "Twin Shop", "websiteUrl", "https://twin.example"))
                    .post("/api/v1/shops").then().statusCode(201).extract().path("apiKey");
            List<String> instances = List.of(a.baseUrl(), b.baseUrl());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                // The same order through both instances at once: one invitation.
                List<Callable<Response>> sameOrder = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String base = instances.get(i % 2);
                    sameOrder.add(() -> given().baseUri(base).auth().oauth2(apiKey).contentType(ContentType.JSON)
                            .body(Map.of("orderRef", "TWIN-ORDER", "email", "t@example.com", "delivery", "link"))
                            .post("/api/v1/shops/{slug}/invitations", slug));
                }
                Set<String> tokens = new HashSet<>();
                int created = 0;
                for (Future<Response> response : pool.invokeAll(sameOrder)) {
                    created += response.get().statusCode() == 201 ? 1 : 0;
                    tokens.add(response.get().path("token"));
                }
                assertEquals(1, created, "one invitation for the order");
                assertEquals(1, tokens.size());

                // Every review sent to both instances at once: counted once.
                List<String> reviewTokens = new ArrayList<>();
                for (int i = 0; i < REVIEWS; i++) {
                    reviewTokens.add(given().baseUri(instances.get(i % 2)).auth().oauth2(apiKey).contentType(ContentType.JSON)
                            .body(Map.of("orderRef", "TWIN-" + i, "email", "t" + i + "@example.com", "delivery", "link"))
                            .post("/api/v1/shops/{slug}/invitations", slug).then().statusCode(201).extract().<String>path("token"));
                }
                long[] perGrade = new long[11];
                List<Callable<Integer>> posts = new ArrayList<>();
                for (int i = 0; i < REVIEWS; i++) {
                    String token = reviewTokens.get(i);
                    int grade = 1 + i % 10;
                    perGrade[grade]++;
                    for (String base : instances) {
                        posts.add(() -> given().baseUri(base).contentType(ContentType.JSON)
                                .body(Map.of("score", grade, "text", "Twin review"))
                                .post("/api/v1/invitations/{token}/review", token).statusCode());
                    }
                }
                int accepted = 0;
                int refused = 0;
                for (Future<Integer> status : pool.invokeAll(posts)) {
                    int code = status.get();
                    accepted += code == 201 ? 1 : 0;
                    refused += code == 409 ? 1 : 0;
                }
                assertEquals(REVIEWS, accepted);
                assertEquals(REVIEWS, refused);
                for (String base : instances) {
                    JsonPath score = awaitCount(base, slug, REVIEWS);
                    for (int grade = 1; grade <= 10; grade++) {
                        assertEquals(perGrade[grade], score.getLong("distribution.'" + grade + "'"), base + " grade " + grade);
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            // A review through A: A shows it at once, B within the cache time.
            awaitCount(b.baseUrl(), slug, REVIEWS);
            String token = given().baseUri(a.baseUrl()).auth().oauth2(apiKey).contentType(ContentType.JSON)
                    .body(Map.of("orderRef", "TWIN-LAST", "email", "last@example.com", "delivery", "link"))
                    .post("/api/v1/shops/{slug}/invitations", slug).then().statusCode(201).extract().path("token");
            given().baseUri(a.baseUrl()).contentType(ContentType.JSON).body(Map.of("score", 10, "text", "Last one"))
                    .post("/api/v1/invitations/{token}/review", token).then().statusCode(201);
            Instant written = Instant.now();
            assertEquals(REVIEWS + 1, given().baseUri(a.baseUrl()).get("/api/v1/shops/{slug}/score", slug).then()
                    .extract().<Integer>path("count"), "the writing instance is exact at once");
            awaitCount(b.baseUrl(), slug, REVIEWS + 1);
            Duration lag = Duration.between(written, Instant.now());
            System.out.printf("Second instance showed the new review after %d ms (cache time %d s)%n", lag.toMillis(), CACHE_TIME.toSeconds());
            assertTrue(lag.compareTo(CACHE_TIME.plusSeconds(1)) <= 0, "visible on the other instance within the cache time: " + lag);
        }
    }

    private static JsonPath awaitCount(String base, String slug, int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(CACHE_TIME).plusSeconds(5);
        JsonPath score;
        do {
            score = given().baseUri(base).get("/api/v1/shops/{slug}/score", slug).then().statusCode(200).extract().jsonPath();
            if (score.getInt("count") == count) {
                return score;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(base + " shows " + score.getInt("count") + " reviews, not " + count);
    }
}
