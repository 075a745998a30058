package io.shopscore.webhook;

import static org.hamcrest.Matchers.notNullValue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.outbox.OutboxRelay;
import io.shopscore.outbox.OutboxSender;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;
import io.shopscore.shop.ShopService;

/** A shop's own server receiving webhook calls, and checking each signature as docs/webhooks.md tells it to. */
@QuarkusTest
class WebhookTest {

    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

    /** One call the receiver got. */
    record Call(String path, String event, String eventId, String signature, String body, long receivedNanos) {
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
    OutboxRelay relay;

    @Inject
    MovableClock clock;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Shopscore-Event"),
                    exchange.getRequestHeaders().getFirst("Shopscore-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Shopscore-Signature"), body, System.nanoTime()));
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
    void aFailureHandsTheRestOfTheShopsDeliveriesBackUnsent() {
        TestShop shop = Api.newShop();
        register(shop);
        shop.review(9, true);
        shop.review(8, true);
        shop.review(7, true);
        failures.set(1);

        assertEquals(0, webhooks.deliverDue());
        assertEquals(1, callsFor(shop).size(), "the shop's first call failed; its other two were not made");
        shop.asShop().get("/api/v1/shops/{slug}/webhook/deliveries", shop.slug()).then()
                .body("total", equalTo(3))
                .body("items.state", equalTo(List.of("pending", "pending", "pending")))
                .body("items.attempts", equalTo(List.of(0, 0, 1))); // the two handed back unsent count no attempt
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

    /** The id of the shop's newest delivery. */
    private static long newestDelivery(TestShop shop) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.ofShop(ShopService.require(shop.slug()).id()).firstResult().id());
    }

    /**
     * A receiver that answers at once with headers and then sends its body one byte a second: it
     * would hold a call for as long as the body lasts (the JDK client's timeout ends with the
     * headers), and with one call after another it held every other shop's deliveries too.
     */
    @Test
    void slowDripReceiverIsCutOffWithinTheBudgetWhileAnotherShopIsDelivered() throws Exception {
        AtomicLong dripStarted = new AtomicLong();
        try (ServerSocket drip = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread dripper = new Thread(() -> {
                try (Socket connection = drip.accept()) {
                    InputStream in = connection.getInputStream();
                    String head = "";
                    while (!head.endsWith("\r\n\r\n")) {
                        head += (char) in.read();
                    }
                    Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
                    in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
                    OutputStream out = connection.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 30\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    dripStarted.set(System.nanoTime());
                    for (int i = 0; i < 30; i++) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(1000);
                    }
                } catch (IOException | InterruptedException e) {
                    // the sender hung up: what the test wants
                }
            });
            dripper.setDaemon(true);
            dripper.start();
            TestShop slow = Api.newShop();
            slow.asShop().body(Map.of("url", "http://127.0.0.1:" + drip.getLocalPort() + "/hook")).put("/api/v1/shops/{slug}/webhook", slow.slug())
                    .then().statusCode(200);
            TestShop other = Api.newShop();
            register(other);
            slow.review(3, false);
            other.review(9, true);

            long start = System.nanoTime();
            assertEquals(1, webhooks.deliverDue(Duration.ofSeconds(2)), "the other shop's event");
            long took = (System.nanoTime() - start) / 1_000_000;

            assertTrue(took < 8000, "the run ends soon after the budget, not after the 30 s drip: " + took + " ms");
            Call delivered = callsFor(other).get(0);
            assertTrue(delivered.receivedNanos() - dripStarted.get() < 1_500_000_000L,
                    "the other shop's receiver was called while the slow one was dripping, not after it");
            slow.asShop().get("/api/v1/shops/{slug}/webhook/deliveries", slow.slug()).then()
                    .body("items[0].state", equalTo("pending"))
                    .body("items[0].attempts", equalTo(1))
                    .body("items[0].lastError", startsWith("timed out"))
                    .body("items[0].log[0].durationMs", both(greaterThanOrEqualTo(2000)).and(lessThan(4000)));
            slow.asShop().delete("/api/v1/shops/{slug}/webhook", slow.slug()).then().statusCode(204);
        }
    }

    /**
     * A sender that took longer than its lease lost its claim to another sender; when it finally
     * has an outcome, it must not overwrite the current holder's.
     */
    @Test
    void onlyTheCurrentClaimantRecordsAnOutcome() {
        TestShop shop = Api.newShop();
        register(shop);
        shop.review(8, true);
        long id = newestDelivery(shop);

        OutboxSender<WebhookDelivery, WebhookService.Call, WebhookService.Attempt> sender = webhooks.sender(Duration.ofSeconds(5));
        assertEquals(1, relay.claim(sender, List.of(id), "first-sender"));
        WebhookService.Call late = relay.prepare(sender, List.of(id), "first-sender").get(0).message();
        clock.advance(Duration.ofMinutes(11)); // past the 10-minute lease: the first sender seems dead
        assertEquals(1, relay.claim(sender, List.of(id), "second-sender"), "an expired claim is taken over");
        WebhookService.Call current = relay.prepare(sender, List.of(id), "second-sender").get(0).message();

        failures.set(1);
        WebhookService.Attempt lateFailure = sender.send(late);
        assertEquals(500, lateFailure.status());
        assertTrue(relay.record(sender, "first-sender", Map.of(id, lateFailure)).isEmpty(), "the first sender's claim is gone");
        assertEquals(Set.of(id), relay.record(sender, "second-sender", Map.of(id, sender.send(current))));
        assertTrue(relay.record(sender, "first-sender", Map.of(id, lateFailure)).isEmpty(), "nor can it overwrite the finished delivery");
        assertTrue(relay.prepare(sender, List.of(id), "first-sender").isEmpty(), "nor send it again");

        shop.asShop().get("/api/v1/shops/{slug}/webhook/deliveries", shop.slug()).then()
                .body("items[0].state", equalTo("delivered"))
                .body("items[0].attempts", equalTo(2))
                .body("items[0].lastStatus", equalTo(204))
                .body("items[0].lastError", nullValue())
                .body("items[0].log.status", equalTo(List.of(204)));
    }

    @Test
    void aDeliveryThatCannotBeMadeFailsAndIsFinallyGivenUpInsteadOfStayingClaimed() {
        TestShop shop = Api.newShop();
        register(shop);
        long shopId = QuarkusTransaction.requiringNew().call(() -> ShopService.require(shop.slug()).id());
        // A URL that no longer parses (say, registered under older, laxer rules).
        QuarkusTransaction.requiringNew().run(() -> Webhook.<Webhook>findById(shopId).moveTo("http://bad host/hook"));
        shop.review(8, true);

        webhooks.deliverDue();
        shop.asShop().get("/api/v1/shops/{slug}/webhook/deliveries", shop.slug()).then()
                .body("items[0].state", equalTo("pending"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastError", startsWith("could not make the call"));
        for (int attempt = 2; attempt <= 8; attempt++) {
            clock.advance(Duration.ofHours(13));
            webhooks.deliverDue();
        }
        shop.asShop().get("/api/v1/shops/{slug}/webhook/deliveries", shop.slug()).then()
                .body("items[0].state", equalTo("failed"))
                .body("items[0].attempts", equalTo(8));
    }
}
