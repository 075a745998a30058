package io.shopscore.webhook;

import static org.hamcrest.Matchers.notNullValue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;

/** A shop's own server receiving webhook calls, and checking each signature as docs/webhooks.md tells it to. */
@QuarkusTest
class WebhookTest {

    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    /** One call the receiver got. */
    record Call(String path, String event, String eventId, String signature, String body) {
        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private static HttpServer receiver;
    private static final List<Call> calls = new CopyOnWriteArrayList<>();
    private static final AtomicInteger failures = new AtomicInteger();

    @Inject
    WebhookService webhooks;

    @Inject
    MovableClock clock;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Shopscore-Event"),
                    exchange.getRequestHeaders().getFirst("Shopscore-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Shopscore-Signature"), body));
            int status = failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @BeforeEach
    void drain() {
        webhooks.deliverDue();
        calls.clear();
    }

    @AfterEach
    void reset() {
        clock.reset();
        failures.set(0);
    }

    private static String hookUrl(TestShop shop) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/" + shop.slug();
    }

    private static String register(TestShop shop) {
        return shop.asShop().body(Map.of("url", hookUrl(shop))).put("/api/v1/shops/{slug}/webhook", shop.slug())
                .then().statusCode(200)
                .body("url", equalTo(hookUrl(shop)))
                .body("secret", startsWith("whsec_"))
                .extract().path("secret");
    }

    private List<Call> callsFor(TestShop shop) {
        return calls.stream().filter(call -> call.path().equals("/hooks/" + shop.slug())).toList();
    }

    /** What the shop's receiver must do: recompute the HMAC over "t.body" and refuse old timestamps. */
    private static void assertGenuine(Call call, String secret) {
        Matcher header = SIGNATURE.matcher(call.signature());
        assertTrue(header.matches(), call.signature());
        long timestamp = Long.parseLong(header.group(1));
        assertEquals(WebhookSignature.hmac(secret, timestamp + "." + call.body()), header.group(2), "the signature matches the body");
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 300, "a fresh timestamp");
        assertTrue(!header.group(2).equals(WebhookSignature.hmac("whsec_wrong", timestamp + "." + call.body())));
    }

    @Test
    void everyNewUpdatedAndRemovedReviewIsPostedSigned() {
        TestShop shop = Api.newShop();
        String secret = register(shop);
        shop.asShop().get("/api/v1/shops/{slug}/webhook", shop.slug()).then().statusCode(200).body("secret", nullValue());

        JsonPath invitation = shop.asShop().body(Map.of("orderRef", "HOOK-1", "email", "h@example.com", "delivery", "link"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201).extract().jsonPath();
        long id = given().contentType("application/json").body(Map.of("score", 4, "text", "Te laat"))
                .post("/api/v1/invitations/{token}/review", invitation.getString("token"))
                .then().statusCode(201).extract().<Number>path("id").longValue();
        assertEquals(1, webhooks.deliverDue());
        Call created = callsFor(shop).get(0);
        assertGenuine(created, secret);
        assertEquals("review.created", created.event());
        assertTrue(created.eventId().startsWith("evt_"));
        JsonPath body = created.json();
        assertEquals("review.created", body.getString("type"));
        assertEquals(created.eventId(), body.getString("id"));
        assertEquals(shop.slug(), body.getString("shop"));
        assertEquals((int) id, body.getInt("review.id"));
        assertEquals(4, body.getInt("review.score"));
        assertEquals("HOOK-1", body.getString("review.orderRef"), "the shop learns which order it was");
        assertEquals("published", body.getString("review.status"));

        given().contentType("application/json").body(Map.of("score", 7, "text", "Opgelost"))
                .put("/api/v1/review-edits/{editToken}", Api.editToken(id)).then().statusCode(200);
        Api.asOperator().body(Map.of("decision", "remove", "reason", "Test removal", "category", "other"))
                .post("/api/v1/moderation/reviews/{id}/decision", id).then().statusCode(200);
        webhooks.deliverDue();
        List<Call> all = callsFor(shop);
        assertEquals(List.of("review.created", "review.updated", "review.removed"), all.stream().map(Call::event).toList());
        all.forEach(call -> assertGenuine(call, secret));
        assertEquals(7, all.get(1).json().getInt("review.score"));
        assertEquals("Test removal", all.get(2).json().getString("review.removalReason"));

        webhooks.deliverDue();
        assertEquals(3, callsFor(shop).size(), "each event once");
    }

    @Test
    void failingEndpointIsRetriedWithBackoffAndEveryAttemptIsLogged() {
        TestShop shop = Api.newShop();
        String secret = register(shop);
        failures.set(1);
        shop.review(9, true);
        webhooks.deliverDue();
        assertEquals(1, callsFor(shop).size());
        shop.asShop().get("/api/v1/shops/{slug}/webhook/deliveries", shop.slug()).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].state", equalTo("pending"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatus", equalTo(500))
                .body("items[0].log[0].status", equalTo(500));

        webhooks.deliverDue();
        assertEquals(1, callsFor(shop).size(), "not before the backoff");
        clock.advance(Duration.ofMinutes(1));
        webhooks.deliverDue();
        List<Call> both = callsFor(shop);
        assertEquals(2, both.size());
        assertEquals(both.get(0).eventId(), both.get(1).eventId(), "a retry is the same event");
        assertGenuine(both.get(1), secret);
        shop.asShop().get("/api/v1/shops/{slug}/webhook/deliveries", shop.slug()).then()
                .body("items[0].state", equalTo("delivered"))
                .body("items[0].attempts", equalTo(2))
                .body("items[0].log.status", equalTo(List.of(500, 204)))
                .body("items[0].deliveredAt", notNullValue());
    }

    @Test
    void webhookIsTheShopsOwnAndCanBeRemoved() {
        TestShop shop = Api.newShop();
        TestShop other = Api.newShop();
        other.asShop().body(Map.of("url", hookUrl(shop))).put("/api/v1/shops/{slug}/webhook", shop.slug()).then().statusCode(403);
        shop.asShop().body(Map.of("url", "ftp://example.com/x")).put("/api/v1/shops/{slug}/webhook", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("url"));
        shop.asShop().get("/api/v1/shops/{slug}/webhook", shop.slug()).then().statusCode(404);
        register(shop);
        shop.asShop().body(Map.of("url", hookUrl(shop) + "/moved")).put("/api/v1/shops/{slug}/webhook", shop.slug())
                .then().statusCode(200).body("secret", nullValue());
        shop.asShop().delete("/api/v1/shops/{slug}/webhook", shop.slug()).then().statusCode(204);
        shop.asShop().delete("/api/v1/shops/{slug}/webhook", shop.slug()).then().statusCode(404);
        shop.review(8, true);
        webhooks.deliverDue();
        assertEquals(0, calls.stream().filter(call -> call.path().startsWith("/hooks/" + shop.slug())).count());
    }
}
