package io.shopscore.score;

import java.util.stream.IntStream;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.DistinctClientAddresses;
import io.shopscore.testing.MovableClock;

@QuarkusTest
class ScoreResourceTest {

    @Inject
    MovableClock clock;

    @Inject
    ScoreCache cache;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static ValidatableResponse score(TestShop shop) {
        return given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200);
    }

    @Test
    void shopWithoutReviewsHasNoAverage() {
        TestShop shop = Api.newShop();
        score(shop)
                .contentType("application/json")
                .body("slug", equalTo(shop.slug()))
                .body("name", equalTo("Shop " + shop.slug()))
                .body("average", nullValue())
                .body("stars", nullValue())
                .body("count", equalTo(0))
                .body("recommendPercentage", nullValue())
                .body("distribution", equalTo(Map.of("1", 0, "2", 0, "3", 0, "4", 0, "5", 0, "6", 0, "7", 0, "8", 0, "9", 0, "10", 0)))
                .body("last12Months.average", nullValue())
                .body("last12Months.count", equalTo(0))
                .body("last12Months.recommendPercentage", nullValue())
                .body("reviewPageUrl", equalTo("http://localhost:8080/shops/" + shop.slug()));
    }

    @Test
    void contractExampleTenEightSevenGivesEightPointThreeAndFourPointTwoStars() {
        TestShop shop = Api.newShop();
        shop.review(10, true);
        shop.review(8, true);
        shop.review(7, false);
        score(shop)
                .body("average", equalTo(8.3f))
                .body("stars", equalTo(4.2f))
                .body("count", equalTo(3))
                .body("recommendPercentage", equalTo(67))
                .body("distribution.'10'", equalTo(1))
                .body("distribution.'8'", equalTo(1))
                .body("distribution.'7'", equalTo(1))
                .body("last12Months.average", equalTo(8.3f))
                .body("last12Months.count", equalTo(3))
                .body("last12Months.recommendPercentage", equalTo(67));
    }

    @Test
    void halvesRoundUp() {
        TestShop eightAndNine = Api.newShop();
        eightAndNine.review(8, true);
        eightAndNine.review(9, false);
        // mean 8.5 exactly; stars 4.25 rounds up to 4.3; 1 of 2 recommend: 50 %
        score(eightAndNine).body("average", equalTo(8.5f)).body("stars", equalTo(4.3f)).body("recommendPercentage", equalTo(50));

        TestShop quarter = Api.newShop();
        for (int grade : new int[] { 8, 8, 8, 9 }) {
            quarter.review(grade, null);
        }
        // mean 8.25 rounds up to 8.3; stars 4.125 rounds down to 4.1; nobody answered: null
        score(quarter).body("average", equalTo(8.3f)).body("stars", equalTo(4.1f)).body("recommendPercentage", nullValue());

        TestShop eighth = Api.newShop();
        eighth.review(5, true);
        for (int i = 0; i < 7; i++) {
            eighth.review(5, false);
        }
        // 1 of 8 = 12.5 % rounds up to 13
        score(eighth).body("recommendPercentage", equalTo(13)).body("average", equalTo(5.0f)).body("stars", equalTo(2.5f));
    }

    @Test
    void lastTwelveMonthsLeavesOlderReviewsOut() {
        TestShop shop = Api.newShop();
        shop.review(2, false);
        clock.advance(Duration.ofDays(366));
        shop.review(10, true);
        score(shop)
                .body("count", equalTo(2))
                .body("average", equalTo(6.0f))
                .body("recommendPercentage", equalTo(50))
                .body("last12Months.count", equalTo(1))
                .body("last12Months.average", equalTo(10.0f))
                .body("last12Months.recommendPercentage", equalTo(100));
    }

    @Test
    void matchingEtagGetsNotModifiedUntilTheScoreChanges() {
        TestShop shop = Api.newShop();
        shop.review(7, true);
        String etag = score(shop).header("ETag", notNullValue())
                .header("Cache-Control", equalTo(ScoreResource.CACHE_CONTROL))
                .extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/shops/{slug}/score", shop.slug())
                .then().statusCode(304).header("ETag", etag).body(equalTo(""));
        given().header("If-None-Match", "\"other\", W/" + etag).get("/api/v1/shops/{slug}/score", shop.slug())
                .then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get("/api/v1/shops/{slug}/score", shop.slug())
                .then().statusCode(200);

        shop.review(9, true);
        String changed = given().header("If-None-Match", etag).get("/api/v1/shops/{slug}/score", shop.slug())
                .then().statusCode(200).body("count", equalTo(2)).extract().header("ETag");
        assertNotEquals(etag, changed);
    }

    /**
     * The first read after a change is loaded by ScoreResource; the next ones come from memory
     * through CachedScoreRoute. Clients must not be able to tell them apart.
     */
    @Test
    void aScoreFromMemoryIsAnsweredExactlyAsTheLoadedOne() {
        TestShop shop = Api.newShop();
        shop.review(9, true);
        var loaded = given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).extract();
        var fromMemory = given().get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200).extract();
        assertEquals(loaded.body().asString(), fromMemory.body().asString());
        for (String header : List.of("Content-Type", "ETag", "Cache-Control", "Access-Control-Allow-Origin",
                "Access-Control-Expose-Headers", "Content-Length")) {
            assertEquals(loaded.header(header), fromMemory.header(header), header);
        }
        var notModified = given().header("If-None-Match", "W/" + loaded.header("ETag"))
                .get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(304).extract();
        assertEquals(loaded.header("ETag"), notModified.header("ETag"));
        assertEquals(loaded.header("Cache-Control"), notModified.header("Cache-Control"));
        assertEquals("", notModified.body().asString());
        // a client that does not take JSON is refused, cached score or not
        given().accept("text/html").get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(406);
    }

    /**
     * The widget's request and a partner's: the first is loaded by ScoreBatchResource, the next ones
     * come from memory through CachedScoreRoute. Clients must not be able to tell them apart, in any
     * header, for a 200 or a 304, in whichever form the commas arrive.
     */
    @Test
    void aBatchFromMemoryIsAnsweredExactlyAsTheLoadedOne() {
        TestShop a = Api.newShop();
        TestShop b = Api.newShop();
        a.review(9, true);
        b.review(4, false);
        String unknown = "no-such-shop-" + System.nanoTime();
        for (String query : List.of(a.slug(), a.slug() + "," + unknown + "," + b.slug() + "," + a.slug(),
                a.slug() + "%2C" + b.slug(), a.slug() + "%2c" + b.slug() + ",")) {
            List<String> slugs = List.of(query.replace("%2C", ",").replace("%2c", ",").split(",")).stream().distinct().toList();
            slugs.forEach(slug -> cache.onScoreChanged(new ScoreChanged(slug)));
            var loaded = batch(query, null).statusCode(200).extract();
            assertNotNull(cache.batchIfCached(slugs), "all in memory now: the next request is the route's");
            var fromMemory = batch(query, null).statusCode(200).extract();
            assertEquals(loaded.body().asString(), fromMemory.body().asString(), query);
            for (String header : List.of("Content-Type", "ETag", "Cache-Control", "Access-Control-Allow-Origin",
                    "Access-Control-Expose-Headers", "Content-Length")) {
                assertEquals(loaded.header(header), fromMemory.header(header), header + " of " + query);
            }
            assertEquals(ScoreResource.CACHE_CONTROL, fromMemory.header("Cache-Control"));
            assertEquals("*", fromMemory.header("Access-Control-Allow-Origin"));

            var notModifiedFromMemory = batch(query, "\"other\", W/" + loaded.header("ETag")).statusCode(304).extract();
            slugs.forEach(slug -> cache.onScoreChanged(new ScoreChanged(slug)));
            var notModifiedLoaded = batch(query, loaded.header("ETag")).statusCode(304).extract();
            for (var notModified : List.of(notModifiedFromMemory, notModifiedLoaded)) {
                assertEquals(loaded.header("ETag"), notModified.header("ETag"));
                assertEquals(loaded.header("Cache-Control"), notModified.header("Cache-Control"));
                assertEquals("*", notModified.header("Access-Control-Allow-Origin"));
                assertEquals("", notModified.body().asString());
            }
        }
        given().queryParam("shops", a.slug()).get("/api/v1/scores").then().statusCode(200)
                .body("scores.slug", equalTo(List.of(a.slug()))).body("scores[0].average", equalTo(9.0f));
        // a client that does not take JSON is refused, cached scores or not
        given().accept("text/html").urlEncodingEnabled(false).get("/api/v1/scores?shops=" + a.slug()).then().statusCode(406);
    }

    @Test
    void aBatchFromMemoryChangesWithTheScore() {
        TestShop shop = Api.newShop();
        shop.review(6, true);
        String etag = batch(shop.slug(), null).statusCode(200).extract().header("ETag");
        batch(shop.slug(), etag).statusCode(304);
        shop.review(10, true);
        String changed = batch(shop.slug(), etag).statusCode(200).body("scores[0].count", equalTo(2)).extract().header("ETag");
        assertNotEquals(etag, changed);
    }

    /** Bad parameters are the REST layer's 400 problems, also when every shop they name is in memory. */
    @Test
    void badShopsParametersAreProblemsEvenWhenTheShopsAreInMemory() {
        TestShop a = Api.newShop();
        batch(a.slug(), null).statusCode(200);
        assertNotNull(cache.batchIfCached(List.of(a.slug())));
        String hundredAndOne = String.join(",", IntStream.range(0, 100).mapToObj(i -> a.slug()).toList()) + ","
                + String.join(",", IntStream.range(0, 101).mapToObj(i -> "shop-" + i).toList());
        // the long ones (under the 4 KB request line limit) once overflowed the stack of the route's parser: a 500, not a 400
        for (String query : List.of("", ",", a.slug() + ",Bad_Slug", a.slug() + ",x", a.slug() + ",-" + a.slug(), hundredAndOne,
                ",".repeat(3_000), "%2C".repeat(1_000), "ab-".repeat(1_000))) {
            batch(query, null).statusCode(400).contentType("application/problem+json")
                    .header("Access-Control-Allow-Origin", "*")
                    .body("status", equalTo(400))
                    .body("violations[0].field", equalTo("shops"));
        }
    }

    /** The route in front of the REST layer answers from memory, but after the rate limit, as everything public. */
    @Test
    void aBatchFromMemoryIsStillRateLimited() {
        TestShop shop = Api.newShop();
        batch(shop.slug(), null).statusCode(200);
        assertNotNull(cache.batchIfCached(List.of(shop.slug())), "answered from memory from here on (for 10 s)");
        String reader = "203.0.113." + (1 + (int) (System.nanoTime() % 250));
        ValidatableResponse last = null;
        for (int i = 0; i < 2000; i++) {
            last = given().header(DistinctClientAddresses.HEADER, reader).urlEncodingEnabled(false)
                    .get("/api/v1/scores?shops=" + shop.slug()).then();
            if (last.extract().statusCode() == 429) {
                break;
            }
        }
        last.statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue())
                .header("Access-Control-Allow-Origin", "*");
    }

    private static ValidatableResponse batch(String shops, String ifNoneMatch) {
        var request = given().urlEncodingEnabled(false).header("Origin", "https://shop.example");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.get("/api/v1/scores?shops=" + shops).then();
    }

    @Test
    void unknownShopIsNotFound() {
        given().get("/api/v1/shops/{slug}/score", "no-such-shop-" + System.nanoTime())
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/v1/shops/{slug}/score", "Not_A_Slug")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void batchReturnsKnownShopsInTheOrderAsked() {
        TestShop a = Api.newShop();
        TestShop b = Api.newShop();
        a.review(6, null);
        b.review(9, true);
        given().queryParam("shops", b.slug() + ",unknown-shop," + a.slug() + "," + b.slug())
                .get("/api/v1/scores")
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("scores", hasSize(2))
                .body("scores.slug", equalTo(List.of(b.slug(), a.slug())))
                .body("scores[0].average", equalTo(9.0f))
                .body("scores[1].average", equalTo(6.0f))
                .body("scores[1].distribution.'6'", equalTo(1));
        // served again, now from memory: the same document
        String first = given().queryParam("shops", a.slug() + "," + b.slug()).get("/api/v1/scores").asString();
        String second = given().queryParam("shops", a.slug() + "," + b.slug()).get("/api/v1/scores").asString();
        assertEquals(first, second);
    }

    @Test
    void batchIsValidated() {
        given().get("/api/v1/scores").then().statusCode(400).body("violations[0].field", equalTo("shops"));
        given().queryParam("shops", " , ").get("/api/v1/scores").then().statusCode(400);
        given().queryParam("shops", "ok-shop,Bad Slug").get("/api/v1/scores").then().statusCode(400);
        String tooMany = String.join(",", IntStream.range(0, 101).mapToObj(i -> "shop-" + i).toList());
        given().queryParam("shops", tooMany).get("/api/v1/scores").then().statusCode(400)
                .body("violations[0].message", equalTo("must list at most 100 slugs"));
        String hundred = String.join(",", IntStream.range(0, 100).mapToObj(i -> "absent-" + i).toList());
        given().queryParam("shops", hundred).get("/api/v1/scores").then().statusCode(200).body("scores", hasSize(0));
    }

    @Test
    void publicEndpointsAreOpenToEveryOriginAndPrivateOnesAreNot() {
        TestShop shop = Api.newShop();
        given().header("Origin", "https://partner.example").get("/api/v1/shops/{slug}/score", shop.slug())
                .then().statusCode(200).header("Access-Control-Allow-Origin", "*").header("Access-Control-Expose-Headers", "ETag");
        given().header("Origin", "https://partner.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "if-none-match")
                .options("/api/v1/shops/{slug}/reviews", shop.slug())
                .then().statusCode(204).header("Access-Control-Allow-Origin", "*");
        shop.asShop().header("Origin", "https://evil.example").get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/shops")
                .then().header("Access-Control-Allow-Origin", not(equalTo("*")));
    }
}
