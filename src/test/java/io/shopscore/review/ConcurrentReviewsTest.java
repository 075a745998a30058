package io.shopscore.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/** Hundreds of reviews for one shop at once, each token sent twice: every review counts exactly once. */
@QuarkusTest
class ConcurrentReviewsTest {

    private static final int REVIEWS = 300;

    @Test
    void simultaneousReviewsAreCountedExactlyOnce() throws Exception {
        TestShop shop = Api.newShop();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < REVIEWS; i++) {
            tokens.add(shop.invite());
        }
        List<Callable<Integer>> posts = new ArrayList<>();
        long[] expectedPerGrade = new long[11];
        long expectedSum = 0;
        int expectedYes = 0;
        int expectedNo = 0;
        for (int i = 0; i < REVIEWS; i++) {
            int grade = 1 + i % 10;
            Boolean recommend = i % 3 == 0 ? null : i % 3 == 1;
            expectedPerGrade[grade]++;
            expectedSum += grade;
            expectedYes += Boolean.TRUE.equals(recommend) ? 1 : 0;
            expectedNo += Boolean.FALSE.equals(recommend) ? 1 : 0;
            String token = tokens.get(i);
            Map<String, Object> body = recommend == null
                    ? Map.of("score", grade, "text", "Review " + i)
                    : Map.of("score", grade, "text", "Review " + i, "recommend", recommend);
            Callable<Integer> post = () -> given().contentType(ContentType.JSON).body(body)
                    .post("/api/v1/invitations/{token}/review", token).statusCode();
            posts.add(post);
            posts.add(post);
        }
        Collections.shuffle(posts);

        ExecutorService pool = Executors.newFixedThreadPool(32);
        int created = 0;
        int conflicts = 0;
        try {
            for (Future<Integer> status : pool.invokeAll(posts)) {
                switch (status.get()) {
                    case 201 -> created++;
                    case 409 -> conflicts++;
                    default -> throw new AssertionError("Unexpected status " + status.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(REVIEWS, created);
        assertEquals(REVIEWS, conflicts);

        JsonPath score = given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).extract().jsonPath();
        assertEquals(REVIEWS, score.getInt("count"));
        for (int grade = 1; grade <= 10; grade++) {
            assertEquals(expectedPerGrade[grade], score.getLong("distribution.'" + grade + "'"), "grade " + grade);
        }
        BigDecimal average = BigDecimal.valueOf(expectedSum).divide(BigDecimal.valueOf(REVIEWS), 1, RoundingMode.HALF_UP);
        assertEquals(average, new BigDecimal(score.getString("average")));
        int percentage = BigDecimal.valueOf(expectedYes * 100L)
                .divide(BigDecimal.valueOf(expectedYes + expectedNo), 0, RoundingMode.HALF_UP).intValue();
        assertEquals(percentage, score.getInt("recommendPercentage"));
        assertEquals(REVIEWS, score.getInt("last12Months.count"));
        assertEquals(REVIEWS, given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().extract().<Integer>path("total"));
    }
}
