package io.shopscore.limits;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shopscore.testing.Api;
import io.shopscore.testing.DistinctClientAddresses;

/**
 * The limits of docs/operations.md ("Limits"): token guesses per address at the default (30 a
 * minute), requests per API key, public reads per address and the daily invitation quota per shop
 * at the lower values application.properties sets for tests. Buckets refill gradually, so a slow
 * run gets more requests through than the limit: the counts allow for that.
 */
@QuarkusTest
class RateLimitTest {

    private static final String XFF = DistinctClientAddresses.HEADER;
    private static final int TOKEN_LIMIT = 30;
    private static final int TEST_KEY_LIMIT = 600;
    private static final int TEST_PUBLIC_LIMIT = 300;
    private static final int TEST_INVITATION_QUOTA = 320;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Test
    void guessingTokensFromOneAddressHitsAWallWithinTensOfTries() {
        String guesser = randomIpv4();
        int tries = 0;
        Response refused = null;
        while (refused == null && tries < 100) {
            tries++;
            Response response = given().header(XFF, guesser).get("/review/{token}", randomToken());
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(404, response.statusCode(), "an unknown token before the wall");
            }
        }
        assertTrue(tries > TOKEN_LIMIT && tries <= TOKEN_LIMIT + 10, "the first refused guess was number " + tries);
        assertProblem(429, refused.contentType(), refused.asString(), refused.header("Retry-After"), 60);

        // The same wall on every way in that a token opens, from the same address.
        assertRefusedWithinThreeTries(() -> given().header(XFF, guesser).contentType(ContentType.JSON)
                .body(Map.of("score", 8, "text", "Guess")).post("/api/v1/invitations/{token}/review", randomToken()));
        assertRefusedWithinThreeTries(() -> given().header(XFF, guesser).post("/review/{token}/unsubscribe", randomToken()));
        assertRefusedWithinThreeTries(() -> given().header(XFF, guesser).get("/insights/{token}", randomToken()));

        // Somebody else is not affected.
        given().header(XFF, randomIpv4()).get("/review/{token}", randomToken()).then().statusCode(404);
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        String prefix = String.format("2001:db8:%x:%x::", ThreadLocalRandom.current().nextInt(0x10000),
                ThreadLocalRandom.current().nextInt(0x10000));
        int tries = 0;
        int status = 0;
        while (status != 429 && tries < 100) {
            tries++;
            status = given().header(XFF, prefix + Integer.toHexString(tries)).get("/review/{token}", randomToken()).statusCode();
        }
        assertEquals(429, status);
        assertTrue(tries <= TOKEN_LIMIT + 10, "refused only after " + tries + " addresses of one /64");
        given().header(XFF, DistinctClientAddresses.randomAddress()).get("/review/{token}", randomToken()).then().statusCode(404);
    }

    @Test
    void aShopKeyHammeringItsEndpointsIsStoppedAndAnotherShopIsNot() throws Exception {
        Api.TestShop hammering = Api.newShop();
        Api.TestShop other = Api.newShop();

        List<HttpResponse<String>> responses = hammerUntilRefused(TEST_KEY_LIMIT, () -> HttpRequest
                .newBuilder(base.resolve("api/v1/shops/" + hammering.slug() + "/settings"))
                .header("Authorization", "Bearer " + hammering.apiKey()).GET().build());

        assertLimited(responses, TEST_KEY_LIMIT, 200);
        other.asShop().get("/api/v1/shops/{slug}/settings", other.slug()).then().statusCode(200);
    }

    @Test
    void publicReadsAreLimitedPerAddressEvenWhenAnsweredFromMemory() throws Exception {
        Api.TestShop shop = Api.newShop();
        String reader = randomIpv4();

        List<HttpResponse<String>> responses = hammerUntilRefused(TEST_PUBLIC_LIMIT, () -> HttpRequest
                .newBuilder(base.resolve("api/v1/shops/" + shop.slug() + "/score")).header(XFF, reader).GET().build());

        HttpResponse<String> refused = assertLimited(responses, TEST_PUBLIC_LIMIT, 200);
        assertEquals("*", refused.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "a page's script can read it");
        given().header(XFF, randomIpv4()).get("/api/v1/shops/{slug}/score", shop.slug()).then().statusCode(200);
    }

    @Test
    void aShopPastItsDailyInvitationQuotaIsRefused() throws Exception {
        Api.TestShop shop = Api.newShop();
        String body = "{\"orderRef\":\"QUOTA-1\",\"email\":\"customer@example.com\"}";

        // Retries of one order count too: the quota is charged before the order is looked up.
        // The quota refills by one every few minutes: the count is exact.
        List<HttpResponse<String>> responses = hammer(TEST_INVITATION_QUOTA + 20, () -> HttpRequest
                .newBuilder(base.resolve("api/v1/shops/" + shop.slug() + "/invitations"))
                .header("Authorization", "Bearer " + shop.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertEquals(TEST_INVITATION_QUOTA, responses.stream().filter(response -> response.statusCode() / 100 == 2).count());
        HttpResponse<String> refused = responses.stream().filter(response -> response.statusCode() == 429).findFirst().orElseThrow();
        assertProblem(429, refused.headers().firstValue("Content-Type").orElse(null), refused.body(),
                refused.headers().firstValue("Retry-After").orElse(null), 86_400);
        assertTrue(refused.body().contains("invitations"), refused.body());
        Api.newShop().invite();
    }

    /** At least {@code limit} answered (a few more as the bucket refills), the rest refused: returns a refusal. */
    private static HttpResponse<String> assertLimited(List<HttpResponse<String>> responses, int limit, int okStatus) throws Exception {
        long answered = responses.stream().filter(response -> response.statusCode() == okStatus).count();
        long refused = responses.stream().filter(response -> response.statusCode() == 429).count();
        assertEquals(responses.size(), answered + refused);
        assertTrue(answered >= limit && refused > 0, answered + " answered, " + refused + " refused");
        HttpResponse<String> first = responses.stream().filter(response -> response.statusCode() == 429).findFirst().orElseThrow();
        assertProblem(429, first.headers().firstValue("Content-Type").orElse(null), first.body(),
                first.headers().firstValue("Retry-After").orElse(null), 60);
        return first;
    }

    /** The one problem shape, from the route in front and from the exception mapper alike. */
    private static void assertProblem(int status, String contentType, String body, String retryAfter, long longestWait) {
        assertEquals("application/problem+json", contentType);
        try {
            JsonNode problem = JSON.readTree(body);
            assertEquals("urn:shopscore:problem:too-many-requests", problem.path("type").asText());
            assertEquals("Too many requests", problem.path("title").asText());
            assertEquals(status, problem.path("status").asInt());
            assertTrue(problem.path("detail").asText().contains("Try again in "), body);
            assertEquals(4, problem.size(), "type, title, status and detail: " + body);
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds >= 1 && seconds <= longestWait, "Retry-After " + seconds);
    }

    private static void assertRefusedWithinThreeTries(Supplier<Response> request) {
        for (int i = 0; i < 3; i++) {
            // A slow machine may see one token refilled (one every two seconds); a separate limit would answer all three.
            if (request.get().statusCode() == 429) {
                return;
            }
        }
        throw new AssertionError("not refused");
    }

    /**
     * Sends requests from a few threads at once, half a limit at a time, until one is refused: on a
     * busy machine the bucket refills while they run, so it can take more than the limit.
     */
    private static List<HttpResponse<String>> hammerUntilRefused(int limit, Supplier<HttpRequest> request) throws Exception {
        List<HttpResponse<String>> responses = new ArrayList<>();
        while (responses.stream().noneMatch(response -> response.statusCode() == 429) && responses.size() < 5 * limit) {
            responses.addAll(hammer(limit / 2, request));
        }
        return responses;
    }

    /** Sends the requests from a few threads at once. */
    private static List<HttpResponse<String>> hammer(int requests, Supplier<HttpRequest> request) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService threads = Executors.newFixedThreadPool(32);
        try {
            List<Future<HttpResponse<String>>> futures = IntStream.range(0, requests)
                    .mapToObj(i -> threads.submit(() -> client.send(request.get(), HttpResponse.BodyHandlers.ofString())))
                    .toList();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            threads.shutdown();
        }
    }

    private static String randomToken() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
    }

    /** A random private IPv4 address (10/8): a client of its own. */
    private static String randomIpv4() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
