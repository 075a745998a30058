package io.shopscore.score;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;

/**
 * "Last 12 months" is read from month rows plus a few day rows at the window's oldest edge
 * (RecentWindow). These tests put reviews on the days where that could go wrong (the edges of the
 * window, the last day of a month, a leap day, just before and after midnight UTC) and check the
 * figures, and that the month rows always add up to the day rows, also under concurrent writers.
 */
@QuarkusTest
class LastTwelveMonthsTest {

    @Inject
    MovableClock clock;

    @Inject
    ScoreCache cache;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void windowThatTakesAwayTheOldestMonthsFirstDaysAcrossALeapDay() {
        TestShop shop = Api.newShop();
        // read on 2028-03-01 the window starts 2027-03-03 (2028 has a 29 February): its month's first two days are taken away
        long dayBefore = reviewAt(shop, "2027-03-02T23:59:30Z", 1);
        long firstDay = reviewAt(shop, "2027-03-03T00:00:30Z", 5);
        reviewAt(shop, "2027-03-31T23:59:30Z", 5);
        reviewAt(shop, "2028-02-29T00:00:30Z", 5);
        reviewAt(shop, "2028-02-29T23:59:30Z", 5);
        respondAfter(shop, dayBefore, "2027-03-02T23:59:30Z", Duration.ofHours(1));
        respondAfter(shop, firstDay, "2027-03-03T00:00:30Z", Duration.ofHours(100));
        reviewAt(shop, "2028-03-01T00:00:30Z", 5);

        JsonPath score = scoreAt(shop, "2028-03-01T23:59:00Z");
        assertEquals(6, score.getInt("count"));
        assertEquals(5, score.getInt("last12Months.count"));
        assertEquals(5.0f, score.getFloat("last12Months.average"), "the grade 1 of the day before is left out");
        assertEquals(5, score.getInt("responses.negativeReviews"), "grade 5 is negative; the day before is out");
        assertEquals(1, score.getInt("responses.responded"));
        float median = score.getFloat("responses.medianHours");
        assertTrue(median > 85 && median < 115, "the 100 hours of the first day, not the hour of the day before: " + median);

        JsonPath nextDay = scoreAt(shop, "2028-03-02T00:00:30Z");
        assertEquals(4, nextDay.getInt("last12Months.count"), "the window moved past 2027-03-03");
        assertEquals(0, nextDay.getInt("responses.responded"));
        assertNull(nextDay.get("responses.medianHours"));
        assertMonthsAddUpToDays(shop);
    }

    @Test
    void windowThatAddsTheDaysOfTheOldestMonthsEnd() {
        TestShop shop = Api.newShop();
        // read on 2028-03-20 the window starts 2027-03-22: the ten days from there to the month's end are added to April on
        long dayBefore = reviewAt(shop, "2027-03-21T23:59:30Z", 1);
        long firstDay = reviewAt(shop, "2027-03-22T00:00:30Z", 5);
        reviewAt(shop, "2027-03-31T23:59:30Z", 5);
        reviewAt(shop, "2027-04-01T00:00:30Z", 5);
        respondAfter(shop, dayBefore, "2027-03-21T23:59:30Z", Duration.ofHours(1));
        respondAfter(shop, firstDay, "2027-03-22T00:00:30Z", Duration.ofHours(100));

        JsonPath score = scoreAt(shop, "2028-03-20T23:59:00Z");
        assertEquals(4, score.getInt("count"));
        assertEquals(3, score.getInt("last12Months.count"));
        assertEquals(5.0f, score.getFloat("last12Months.average"));
        assertEquals(3, score.getInt("responses.negativeReviews"));
        assertEquals(1, score.getInt("responses.responded"));
        float median = score.getFloat("responses.medianHours");
        assertTrue(median > 85 && median < 115, "the 100 hours of the first day: " + median);

        assertEquals(2, scoreAt(shop, "2028-03-21T00:00:30Z").getInt("last12Months.count"));
        // 2028-03-31 is 365 days after 2027-04-01: only the review of 1 April is left, then nothing
        assertEquals(1, scoreAt(shop, "2028-03-30T12:00:00Z").getInt("last12Months.count"));
        assertEquals(0, scoreAt(shop, "2028-03-31T12:00:00Z").getInt("last12Months.count"));
        assertMonthsAddUpToDays(shop);
    }

    @Test
    void aReviewMovedOutAndInAgainMovesItsMonthToo() {
        TestShop shop = Api.newShop();
        long lastDayOfMonth = reviewAt(shop, "2027-04-30T23:59:30Z", 3);
        at("2027-05-01T00:00:30Z");
        given().contentType(ContentType.JSON).body(Map.of("score", 9, "text", "Opgelost"))
                .put("/api/v1/review-edits/{editToken}", Api.editToken(lastDayOfMonth)).then().statusCode(200);
        JsonPath score = scoreAt(shop, "2027-05-02T12:00:00Z");
        assertEquals(1, score.getInt("last12Months.count"));
        assertEquals(9.0f, score.getFloat("last12Months.average"), "the new grade, still in April");
        assertEquals(0, score.getInt("responses.negativeReviews"));
        assertMonthsAddUpToDays(shop);
    }

    /**
     * Reviews written by many clients at once while the clock passes midnight into a new month:
     * each counted once in its day, its month and the total, whichever side of midnight it fell.
     */
    @Test
    void concurrentReviewsAcrossMidnightAtAMonthsEndAreCountedExactlyOnce() throws Exception {
        int reviews = 150;
        TestShop shop = Api.newShop();
        at("2027-06-30T23:50:00Z");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < reviews; i++) {
            tokens.add(shop.invite());
        }
        List<Callable<Integer>> posts = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < reviews; i++) {
            String token = tokens.get(i);
            Map<String, Object> body = Map.of("score", 1 + i % 10, "text", "Review " + i, "recommend", i % 2 == 0);
            Callable<Integer> post = () -> {
                int status = given().contentType(ContentType.JSON).body(body).post("/api/v1/invitations/{token}/review", token).statusCode();
                done.incrementAndGet();
                return status;
            };
            posts.add(post);
            posts.add(post);
        }
        Collections.shuffle(posts);
        at("2027-06-30T23:59:50Z");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> statuses = posts.stream().map(pool::submit).toList();
            while (done.get() < posts.size() / 3) {
                Thread.sleep(1);
            }
            at("2027-07-01T00:00:00.500Z"); // midnight passes while the rest are being written
            int created = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get(2, TimeUnit.MINUTES);
                assertTrue(code == 201 || code == 409, "status " + code);
                created += code == 201 ? 1 : 0;
            }
            assertEquals(reviews, created);
        } finally {
            pool.shutdownNow();
        }

        Map<String, long[]> months = assertMonthsAddUpToDays(shop);
        assertTrue(months.containsKey("2027-06-01") && months.containsKey("2027-07-01"), "reviews on both sides of midnight: " + months.keySet());
        JsonPath score = scoreAt(shop, "2027-07-01T12:00:00Z");
        assertEquals(reviews, score.getInt("count"));
        assertEquals(reviews, score.getInt("last12Months.count"));
        assertEquals(reviews, months.values().stream().mapToLong(totals -> totals[0]).sum());
        assertEquals(score.getFloat("average"), score.getFloat("last12Months.average"));
    }

    private void at(String instant) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), Instant.parse(instant)));
    }

    private long reviewAt(TestShop shop, String instant, int grade) {
        at(instant);
        return shop.review(grade, grade > 5);
    }

    private void respondAfter(TestShop shop, long reviewId, String writtenAt, Duration delay) {
        at(writtenAt);
        clock.advance(delay);
        shop.asShop().body(Map.of("text", "We are sorry")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), reviewId)
                .then().statusCode(200);
    }

    /** The score as read at this instant: the cached copy is dropped, since moving the clock changes no score. */
    private JsonPath scoreAt(TestShop shop, String instant) {
        at(instant);
        cache.onScoreChanged(new ScoreChanged(shop.slug()));
        JsonPath single = given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).extract().jsonPath();
        cache.onScoreChanged(new ScoreChanged(shop.slug()));
        JsonPath batch = given().queryParam("shops", shop.slug()).get("/api/v1/scores").then().statusCode(200).extract().jsonPath();
        assertEquals(single.getMap(""), batch.getMap("scores[0]"), "the batch endpoint reads the same figures");
        return single;
    }

    /**
     * Checks, in the database, that every month row of the shop is the sum of its day rows (count,
     * sum, recommendations, negative and answered ones, and response delay buckets), and that the
     * months add up to the shop's total. Returns the month rows by month: count, sum.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, long[]> assertMonthsAddUpToDays(TestShop shop) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var db = ScoreMonth.getEntityManager();
            Object shopId = db.createNativeQuery("SELECT id FROM shop WHERE slug = ?1").setParameter(1, shop.slug()).getSingleResult();
            List<Object[]> months = db.createNativeQuery("""
                    SELECT CAST(review_month AS VARCHAR(10)), review_count, score_sum, recommend_yes, recommend_no,
                           negative_count, negative_responded
                    FROM score_month WHERE shop_id = ?1 ORDER BY review_month""").setParameter(1, shopId).getResultList();
            List<Object[]> days = db.createNativeQuery("""
                    SELECT CAST(CAST(DATE_TRUNC('month', review_day) AS DATE) AS VARCHAR(10)), SUM(review_count), SUM(score_sum),
                           SUM(recommend_yes), SUM(recommend_no), SUM(negative_count), SUM(negative_responded)
                    FROM score_day WHERE shop_id = ?1 AND review_count > 0
                    GROUP BY CAST(CAST(DATE_TRUNC('month', review_day) AS DATE) AS VARCHAR(10)) ORDER BY 1""").setParameter(1, shopId).getResultList();
            List<Object[]> nonEmptyMonths = months.stream().filter(month -> ((Number) month[1]).longValue() > 0).toList();
            assertEquals(rows(days), rows(nonEmptyMonths), "month rows against the day rows grouped by month");
            List<Object[]> delayMonths = db.createNativeQuery("""
                    SELECT CAST(review_month AS VARCHAR(10)), delay_bucket, response_count FROM response_delay_month
                    WHERE shop_id = ?1 AND response_count > 0 ORDER BY 1, 2""").setParameter(1, shopId).getResultList();
            List<Object[]> delayDays = db.createNativeQuery("""
                    SELECT CAST(CAST(DATE_TRUNC('month', review_day) AS DATE) AS VARCHAR(10)), delay_bucket, SUM(response_count)
                    FROM response_delay_day WHERE shop_id = ?1 AND response_count > 0
                    GROUP BY CAST(CAST(DATE_TRUNC('month', review_day) AS DATE) AS VARCHAR(10)), delay_bucket ORDER BY 1, 2""").setParameter(1, shopId).getResultList();
            assertEquals(rows(delayDays), rows(delayMonths), "response delay months against their days");
            Object[] total = (Object[]) db.createNativeQuery("""
                    SELECT review_count, score_sum, recommend_yes, recommend_no FROM shop_score WHERE shop_id = ?1""")
                    .setParameter(1, shopId).getSingleResult();
            for (int column = 0; column < 4; column++) {
                final int c = column + 1;
                assertEquals(((Number) total[column]).longValue(), months.stream().mapToLong(month -> ((Number) month[c]).longValue()).sum(),
                        "the months add up to the total, column " + c);
            }
            Map<String, long[]> byMonth = new java.util.TreeMap<>();
            nonEmptyMonths.forEach(month -> byMonth.put((String) month[0],
                    new long[] { ((Number) month[1]).longValue(), ((Number) month[2]).longValue() }));
            return byMonth;
        });
    }

    private static List<List<String>> rows(List<Object[]> rows) {
        return rows.stream().map(row -> java.util.Arrays.stream(row).map(String::valueOf).toList()).toList();
    }
}
