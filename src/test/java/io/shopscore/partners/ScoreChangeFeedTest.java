package io.shopscore.partners;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shopscore.score.ScoreChangeLog;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

/**
 * The change feed (GET /api/v1/scores/changes) as a partner follows it: from the beginning, then
 * with each answer's next; every change is found, however the writers' commits race.
 */
@QuarkusTest
class ScoreChangeFeedTest {

    private static final String FEED = "/api/v1/scores/changes";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    ScoreChangeLog changeLog;

    @Inject
    DataSource dataSource;

    @Test
    void aNewShopAndItsReviewAppearAfterTheCursorWithTheCurrentScore() throws Exception {
        String cursor = endOfFeed();
        TestShop shop = Api.newShop();
        Map<String, Object> seen = follow(cursor, Set.of(shop.slug()), scores -> scores.containsKey(shop.slug())).seen();
        assertEquals(0, ((Number) score(seen, shop.slug()).get("count")).intValue(), "a new shop enters with its empty score");

        shop.review(9, true);
        Follower after = follow(cursor, Set.of(shop.slug()), scores -> count(scores, shop.slug()) == 1);
        Map<String, Object> current = given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(current, score(after.seen(), shop.slug()), "the feed carries the same score object as the score endpoint");
    }

    @Test
    void withoutACursorTheFeedStartsAtTheBeginning() {
        TestShop shop = Api.newShop();
        Set<String> slugs = new HashSet<>();
        String cursor = null;
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!slugs.contains(shop.slug()) && Instant.now().isBefore(deadline)) {
            JsonPath page = page(cursor, 500).then().statusCode(200).extract().jsonPath();
            List<String> pageSlugs = page.getList("items.slug");
            assertEquals(new HashSet<>(pageSlugs).size(), pageSlugs.size(), "each shop at most once per answer");
            slugs.addAll(pageSlugs);
            cursor = page.getString("next");
        }
        assertTrue(slugs.contains("demo"), "the demo shop, made at start-up, is in the feed from the beginning");
        assertTrue(slugs.contains(shop.slug()));
    }

    @Test
    void anEmptyAnswerStillGivesTheCursorToAskWith() {
        String end = endOfFeed();
        page(end, 10).then().statusCode(200)
                .body("items.size()", equalTo(0))
                .body("next", equalTo(end));
    }

    @Test
    void theFeedIsPublicAndCacheable() {
        String end = endOfFeed();
        Response first = page(end, 10);
        first.then().statusCode(200)
                .header("Cache-Control", startsWith("public"))
                .header("Access-Control-Allow-Origin", "*");
        given().header("If-None-Match", first.header("ETag")).queryParam("after", end).queryParam("limit", 10)
                .get(FEED).then().statusCode(304);
    }

    @Test
    void aCursorTheServiceDidNotIssueIsABadRequest() {
        String issued = endOfFeed();
        String position = issued.substring(0, issued.indexOf('.'));
        for (String forged : List.of("x", "0", "12", "-1.abc", position + ".AAAAAAAAAAAAAAAAAAAAAA",
                (Long.parseLong(position) + 1) + issued.substring(issued.indexOf('.')), "99999999999999999999.a", issued + "x")) {
            given().queryParam("after", forged).get(FEED)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("after"));
        }
        for (String limit : List.of("0", "501", "-5", "ten", "1e2")) {
            given().queryParam("limit", limit).get(FEED)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("limit"));
        }
    }

    /**
     * The race of commit order against sequence order: a writer that started first but commits last
     * (held open here, doing exactly what ScoreService does to the shop's feed row) must not be
     * skipped by a reader that already passed the changes that committed before it.
     */
    @Test
    void aChangeThatCommitsLateIsNotSkipped() throws Exception {
        TestShop late = Api.newShop();
        TestShop early = Api.newShop();
        String cursor = endOfFeed();
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement markChanged = held.prepareStatement(
                    "UPDATE score_change SET position = NULL, changed_at = CURRENT_TIMESTAMP "
                            + "WHERE shop_id = (SELECT id FROM shop WHERE slug = ?)")) {
                markChanged.setString(1, late.slug());
                assertEquals(1, markChanged.executeUpdate());
            }
            early.review(8, true);
            Follower reader = follow(cursor, Set.of(early.slug()), scores -> count(scores, early.slug()) == 1);
            cursor = reader.cursor();
            held.commit();
        }
        // a later change anywhere sets the placer going (in production the sweep does too)
        Api.newShop();
        Follower reader = follow(cursor, Set.of(late.slug()), scores -> scores.containsKey(late.slug()));
        assertTrue(reader.seen().containsKey(late.slug()), "the late commit is in the feed after the reader's cursor");
    }

    /**
     * Many customers review several shops at once while readers follow the feed and extra placers
     * (as other instances run them) number changes at the same time: every reader ends with every
     * shop's final score, positions only grow, and no answer names a shop twice.
     */
    @Test
    void concurrentWritersAndPlacersNeverMakeAReaderMissAChange() throws Exception {
        List<TestShop> shops = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            shops.add(Api.newShop());
        }
        Set<String> slugs = new HashSet<>();
        shops.forEach(shop -> slugs.add(shop.slug()));
        String start = endOfFeed();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> follow(start, slugs, scores -> !writing.get() && matchesFinalScores(scores, slugs), writing::get)));
            }
            List<Future<?>> placers = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                placers.add(pool.submit(() -> {
                    while (writing.get()) {
                        changeLog.placeWaiting();
                    }
                    return null;
                }));
            }
            List<Callable<Long>> reviews = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                TestShop shop = shops.get(i % shops.size());
                int grade = 1 + i % 10;
                String text = "Feed review " + i + " " + UUID.randomUUID();
                reviews.add(() -> {
                    String token = shop.invite();
                    given().contentType(ContentType.JSON).body(Map.of("score", grade, "text", text, "recommend", grade > 5))
                            .post("/api/v1/invitations/{token}/review", token).then().statusCode(201);
                    return (long) grade;
                });
            }
            for (Future<Long> review : pool.invokeAll(reviews)) {
                review.get();
            }
            writing.set(false);
            for (Future<?> placer : placers) {
                placer.get();
            }
            for (Future<?> reader : readers) {
                reader.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a reader saw: the last score it got for each shop, and where it stopped. */
    record Follower(Map<String, Object> seen, String cursor) {
    }

    /**
     * Follows the feed from a cursor, as a partner polls it, until {@code done} holds for the scores
     * seen of these shops; checks each answer on the way.
     */
    private static Follower follow(String cursor, Set<String> slugs, Predicate<Map<String, Object>> done)
            throws InterruptedException {
        return follow(cursor, slugs, done, () -> false);
    }

    /** As above; the patience starts only once {@code stillWriting} turns false. */
    private static Follower follow(String cursor, Set<String> slugs, Predicate<Map<String, Object>> done, BooleanSupplier stillWriting)
            throws InterruptedException {
        Map<String, Object> seen = new ConcurrentHashMap<>();
        long lastPosition = cursor == null ? 0 : position(cursor);
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!done.test(seen)) {
            if (stillWriting.getAsBoolean()) {
                deadline = Instant.now().plus(PATIENCE);
            } else if (Instant.now().isAfter(deadline)) {
                fail("Gave up following the feed; saw " + seen);
            }
            JsonPath page = page(cursor, 50).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            Set<String> inPage = new HashSet<>();
            for (Map<String, Object> item : items) {
                String slug = (String) item.get("slug");
                assertTrue(inPage.add(slug), "each shop at most once per answer: " + slug);
                if (slugs.contains(slug)) {
                    seen.put(slug, item);
                }
            }
            cursor = page.getString("next");
            long position = position(cursor);
            assertTrue(items.isEmpty() ? position == lastPosition : position > lastPosition, "the cursor only moves forward");
            lastPosition = position;
            if (items.isEmpty()) {
                Thread.sleep(50);
            }
        }
        return new Follower(seen, cursor);
    }

    private static boolean matchesFinalScores(Map<String, Object> seen, Set<String> slugs) {
        for (String slug : slugs) {
            Map<String, Object> current = given().get("/api/v1/shops/{slug}/score", slug).then().statusCode(200)
                    .extract().jsonPath().getMap("");
            if (!current.equals(seen.get(slug))) {
                return false;
            }
        }
        return true;
    }

    /** Follows the feed from the beginning to its current end; returns the cursor there. */
    private static String endOfFeed() {
        String cursor = null;
        while (true) {
            JsonPath page = page(cursor, 500).then().statusCode(200).extract().jsonPath();
            cursor = page.getString("next");
            if (page.getList("items").isEmpty()) {
                return cursor;
            }
        }
    }

    private static Response page(String cursor, int limit) {
        RequestSpecification request = given().queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("after", cursor);
        }
        return request.get(FEED);
    }

    private static long position(String cursor) {
        return Long.parseLong(cursor.substring(0, cursor.indexOf('.')));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> score(Map<String, Object> seen, String slug) {
        return (Map<String, Object>) seen.get(slug);
    }

    private static int count(Map<String, Object> seen, String slug) {
        Map<String, Object> score = score(seen, slug);
        return score == null ? -1 : ((Number) score.get("count")).intValue();
    }
}
