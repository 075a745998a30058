package io.shopscore.connector;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.Tables;

/**
 * WooCommerce and Shopify posting their order webhooks, with the bodies and headers the platforms
 * document (src/test/resources/connector/README.md): each order's customer is invited once,
 * whatever arrives how often and in which order, and nothing unsigned gets in.
 */
@QuarkusTest
class ConnectorTest {

    private static final String WOO_SECRET = "wc-secret: 8]Yq{v~ 3kN.Z;/?|x";
    private static final String SHOPIFY_SECRET = "2f7c9d1b8e4a6f3c5d0b9a8e7f6c1d2b3a4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a";

    @Inject
    DataSource dataSource;

    // --- setting up a connector

    @Test
    void aConnectorAnswersItsSettingsButNeverItsSecret() throws Exception {
        TestShop shop = Api.newShop();

        String put = shop.asShop().body(Map.of("secret", WOO_SECRET))
                .put("/api/v1/shops/{slug}/connectors/woocommerce", shop.slug())
                .then().statusCode(200)
                .body("platform", equalTo("woocommerce"))
                .body("inviteOn", equalTo("completed"))
                .body("deliveryUrl", equalTo("http://localhost:8080/api/v1/shops/" + shop.slug() + "/connectors/woocommerce"))
                .body("secret", nullValue())
                .extract().asString();
        String get = shop.asShop().get("/api/v1/shops/{slug}/connectors/woocommerce", shop.slug())
                .then().statusCode(200).body("inviteOn", equalTo("completed")).extract().asString();

        assertFalse(put.contains("8]Yq") || get.contains("8]Yq"), "the secret is never echoed");
        assertEquals(List.of(), Tables.columnsContaining(dataSource, "8]Yq{v~"), "the secret is not stored as it is");
    }

    @Test
    void aConnectorTakesOnlyAValidSecretAndAStatusItsPlatformKnows() {
        TestShop shop = Api.newShop();
        String path = "/api/v1/shops/{slug}/connectors/{platform}";

        shop.asShop().body(Map.of("secret", "too-short-secret".substring(1))).put(path, shop.slug(), "woocommerce")
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("secret"));
        shop.asShop().body(Map.of("secret", "sixteen chars ok\u0007")).put(path, shop.slug(), "woocommerce")
                .then().statusCode(400).body("violations.field", hasItem("secret"));
        shop.asShop().body(Map.of("secret", "x".repeat(201))).put(path, shop.slug(), "woocommerce")
                .then().statusCode(400).body("violations.field", hasItem("secret"));
        shop.asShop().body(Map.of("inviteOn", "completed")).put(path, shop.slug(), "woocommerce")
                .then().statusCode(400).body("violations.field", hasItem("secret"));
        shop.asShop().body(Map.of("secret", SHOPIFY_SECRET, "inviteOn", "completed")).put(path, shop.slug(), "shopify")
                .then().statusCode(400).body("violations.field", hasItem("inviteOn"));
        shop.asShop().body(Map.of("secret", WOO_SECRET, "inviteOn", "Completed!")).put(path, shop.slug(), "woocommerce")
                .then().statusCode(400).body("violations.field", hasItem("inviteOn"));
        shop.asShop().body(Map.of("secret", WOO_SECRET)).put(path, shop.slug(), "magento")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body(Map.of("secret", WOO_SECRET)).put(path, shop.slug(), "woocommerce")
                .then().statusCode(401);
        Api.newShop().asShop().body(Map.of("secret", WOO_SECRET)).put(path, shop.slug(), "woocommerce")
                .then().statusCode(403);
        shop.asShop().get(path, shop.slug(), "woocommerce").then().statusCode(404);

        shop.asShop().body(Map.of("secret", SHOPIFY_SECRET, "inviteOn", "paid")).put(path, shop.slug(), "shopify")
                .then().statusCode(200).body("inviteOn", equalTo("paid"));
        shop.asShop().body(Map.of("secret", WOO_SECRET, "inviteOn", "on-hold")).put(path, shop.slug(), "woocommerce")
                .then().statusCode(200).body("inviteOn", equalTo("on-hold"));
    }

    @Test
    void aRemovedConnectorTakesNoMoreOrders() {
        TestShop shop = connected(Platform.WOOCOMMERCE, null);

        shop.asShop().delete("/api/v1/shops/{slug}/connectors/woocommerce", shop.slug()).then().statusCode(204);

        woo(shop, "order.updated", woo("completed"), WOO_SECRET).then().statusCode(404);
        assertEquals(0, invitations(shop).size());
    }

    // --- WooCommerce

    @Test
    void aCompletedWooCommerceOrderInvitesItsCustomerOnceHoweverOftenItArrives() {
        TestShop shop = connected(Platform.WOOCOMMERCE, null);
        byte[] order = woo("completed");

        Response first = woo(shop, "order.updated", order, WOO_SECRET);
        first.then().statusCode(200).body("outcome", equalTo("invited"));
        for (int i = 0; i < 3; i++) {
            woo(shop, i == 0 ? "order.updated" : "order.created", order, WOO_SECRET)
                    .then().statusCode(200).body("outcome", equalTo("duplicate"))
                    .body("invitationId", equalTo(first.path("invitationId")));
        }

        List<Map<String, Object>> invitations = invitations(shop);
        assertEquals(1, invitations.size());
        Map<String, Object> invitation = invitations.get(0);
        assertEquals("727", invitation.get("orderRef"));
        assertEquals("john.doe@example.com", invitation.get("email"));
        assertEquals("John Doe", invitation.get("name"));
        assertEquals("email", invitation.get("delivery"));
        assertEquals("nl", invitation.get("locale"), "WooCommerce sends no language: the shop's");
        assertEquals(null, invitation.get("reviewUrl"), "an email invitation: the link goes to the customer only");
    }

    @Test
    void aWooCommerceOrderThatIsNotCompletedYetInvitesWhenItIs() {
        TestShop shop = connected(Platform.WOOCOMMERCE, null);

        woo(shop, "order.created", woo("processing"), WOO_SECRET).then().statusCode(200)
                .body("outcome", equalTo("ignored")).body("reason", containsString("processing"));
        woo(shop, "order.updated", woo("processing"), WOO_SECRET).then().statusCode(200).body("outcome", equalTo("ignored"));
        assertEquals(0, invitations(shop).size());

        woo(shop, "order.updated", woo("completed"), WOO_SECRET).then().statusCode(200).body("outcome", equalTo("invited"));
        woo(shop, "order.updated", woo("refunded"), WOO_SECRET).then().statusCode(200).body("outcome", equalTo("ignored"));
        woo(shop, "order.updated", woo("completed"), WOO_SECRET).then().statusCode(200).body("outcome", equalTo("duplicate"));
        assertEquals(1, invitations(shop).size());
    }

    @Test
    void aShopInvitesOnTheWooCommerceStatusItChose() {
        TestShop shop = connected(Platform.WOOCOMMERCE, "processing");

        woo(shop, "order.created", woo("processing"), WOO_SECRET).then().statusCode(200).body("outcome", equalTo("invited"));
        woo(shop, "order.updated", woo("completed"), WOO_SECRET).then().statusCode(200).body("outcome", equalTo("ignored"));
        assertEquals(1, invitations(shop).size());
    }

    @Test
    void wooCommercesPingWhenAWebhookIsSavedAnswers200AndCreatesNothing() {
        TestShop shop = connected(Platform.WOOCOMMERCE, null);

        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .header("User-Agent", "WooCommerce/9.4.2 Hookshot (WordPress/6.7.1)")
                .body("webhook_id=17")
                .post("/api/v1/shops/{slug}/connectors/woocommerce", shop.slug())
                .then().statusCode(200).body("outcome", equalTo("ping"));

        assertEquals(0, invitations(shop).size());
    }

    @Test
    void aMissingOrWrongSignatureIs401AndCreatesNothing() {
        TestShop shop = connected(Platform.WOOCOMMERCE, null);
        byte[] order = woo("completed");

        woo(shop, "order.updated", order, null).then().statusCode(401)
                .contentType("application/problem+json").body("detail", containsString("X-WC-Webhook-Signature"));
        woo(shop, "order.updated", order, "another secret of sufficient length").then().statusCode(401)
                .contentType("application/problem+json");
        wooSigned(shop, "order.updated", order, "bm90IGEgc2lnbmF0dXJl").then().statusCode(401);
        wooSigned(shop, "order.updated", order, "%%% not base64 %%%").then().statusCode(401);
        // Signed, then changed on the way: another customer's address
        byte[] tampered = new String(order, StandardCharsets.UTF_8).replace("john.doe@example.com", "mallory@example.com")
                .getBytes(StandardCharsets.UTF_8);
        wooSigned(shop, "order.updated", tampered, signature(order, WOO_SECRET)).then().statusCode(401);
        // A "ping" that is not one: unsigned, so refused
        wooSigned(shop, "order.updated", "webhook_id=17&status=completed".getBytes(StandardCharsets.UTF_8), null).then().statusCode(401);

        assertEquals(0, invitations(shop).size());
    }

    @Test
    void aSignedBodyThatIsNotJsonIs400() {
        TestShop shop = connected(Platform.WOOCOMMERCE, null);

        woo(shop, "order.updated", "<order><id>727</id></order>".getBytes(StandardCharsets.UTF_8), WOO_SECRET)
                .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem("body"));
        woo(shop, "order.updated", "[1,2]".getBytes(StandardCharsets.UTF_8), WOO_SECRET).then().statusCode(400);
        woo(shop, "order.updated", "{\"id\":727} trailing".getBytes(StandardCharsets.UTF_8), WOO_SECRET).then().statusCode(400);
        assertEquals(0, invitations(shop).size());
    }

    @Test
    void otherTopicsAndOrdersWithoutAnEmailAddressAreTakenAndIgnored() {
        TestShop shop = connected(Platform.WOOCOMMERCE, null);

        woo(shop, "order.deleted", woo("completed"), WOO_SECRET).then().statusCode(200)
                .body("outcome", equalTo("ignored")).body("reason", containsString("order.deleted"));
        woo(shop, "product.updated", "{\"id\":93,\"name\":\"Woo Single #1\"}".getBytes(StandardCharsets.UTF_8), WOO_SECRET)
                .then().statusCode(200).body("outcome", equalTo("ignored"));
        byte[] noEmail = replace(woo("completed"), "\"email\": \"john.doe@example.com\"", "\"email\": \"\"");
        woo(shop, "order.updated", noEmail, WOO_SECRET).then().statusCode(200)
                .body("outcome", equalTo("ignored")).body("reason", containsString("email"));
        byte[] badEmail = replace(woo("completed"), "john.doe@example.com", "john.doe at example");
        woo(shop, "order.updated", badEmail, WOO_SECRET).then().statusCode(200).body("outcome", equalTo("ignored"));

        assertEquals(0, invitations(shop).size());
    }

    @Test
    void wooCommerceNamesArriveWithoutTheirHtmlEntities() {
        TestShop shop = connected(Platform.WOOCOMMERCE, null);
        byte[] order = replace(replace(woo("completed"), "\"first_name\": \"John\"", "\"first_name\": \"Jan &amp; Marie\""),
                "\"last_name\": \"Doe\"", "\"last_name\": \"d&#8217;Hondt &lt;b&gt;\"");

        woo(shop, "order.created", order, WOO_SECRET).then().statusCode(200).body("outcome", equalTo("invited"));

        assertEquals("Jan & Marie d\u2019Hondt <b>", invitations(shop).get(0).get("name"));
    }

    @Test
    void theOrdersLinesBecomeTheInvitationsProducts() throws Exception {
        TestShop shop = connected(Platform.WOOCOMMERCE, null);
        byte[] order = replace(woo("completed"), "\"sku\": \"\"", "\"sku\": \"BOX/12\"");

        long invitationId = ((Number) woo(shop, "order.created", order, WOO_SECRET).then().statusCode(200)
                .body("outcome", equalTo("invited")).extract().path("invitationId")).longValue();

        List<String> products = new ArrayList<>();
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select p.sku, p.name from invitation_product ip join product p on p.id = ip.product_id"
                        + " where ip.invitation_id = ? order by ip.position")) {
            query.setLong(1, invitationId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    products.add(rows.getString(1) + " | " + rows.getString(2));
                }
            }
        }
        // A SKU the service cannot take (a slash) becomes the platform's id key; entities are decoded.
        assertEquals(List.of("woo-93 | Woo Single #1", "Bar3 | Ship Your Idea \u2013 Color: Black, Size: M Test"), products);
    }

    @Test
    void aBodyOverOneMegabyteIs413() {
        TestShop shop = connected(Platform.WOOCOMMERCE, null);
        byte[] huge = ("{\"id\":1,\"note\":\"" + "x".repeat(ConnectorResource.MAX_BODY_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);

        woo(shop, "order.updated", huge, WOO_SECRET).then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void ordersForAShopWithoutAConnectorAre404() {
        TestShop shop = Api.newShop();

        woo(shop, "order.updated", woo("completed"), WOO_SECRET).then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{}").post("/api/v1/shops/no-such-shop-{x}/connectors/shopify", UUID.randomUUID())
                .then().statusCode(404);
    }

    // --- Shopify

    @Test
    void aFulfilledShopifyOrderInvitesOnceAndAPaidOneDoesNotYet() {
        TestShop shop = connected(Platform.SHOPIFY, null);
        byte[] paid = shopify("paid", null);
        byte[] fulfilled = shopify("paid", "fulfilled");

        shopify(shop, "orders/create", paid).then().statusCode(200).body("outcome", equalTo("ignored"))
                .body("reason", containsString("fulfill"));
        shopify(shop, "orders/paid", paid).then().statusCode(200).body("outcome", equalTo("ignored"));
        assertEquals(0, invitations(shop).size());

        shopify(shop, "orders/fulfilled", fulfilled).then().statusCode(200).body("outcome", equalTo("invited"));
        shopify(shop, "orders/updated", fulfilled).then().statusCode(200).body("outcome", equalTo("duplicate"));
        shopify(shop, "orders/fulfilled", fulfilled).then().statusCode(200).body("outcome", equalTo("duplicate"));

        List<Map<String, Object>> invitations = invitations(shop);
        assertEquals(1, invitations.size());
        Map<String, Object> invitation = invitations.get(0);
        assertEquals("#9999", invitation.get("orderRef"));
        assertEquals("jon@example.com", invitation.get("email"));
        assertEquals("John Smith", invitation.get("name"));
        assertEquals("en", invitation.get("locale"), "the customer's locale, not the shop's (nl)");
        assertEquals("email", invitation.get("delivery"));
    }

    @Test
    void aShopThatInvitesOnPaymentInvitesOnThePaidOrder() {
        TestShop shop = connected(Platform.SHOPIFY, "paid");

        shopify(shop, "orders/create", shopify("pending", null)).then().statusCode(200).body("outcome", equalTo("ignored"));
        shopify(shop, "orders/paid", shopify("paid", null)).then().statusCode(200).body("outcome", equalTo("invited"));
        shopify(shop, "orders/fulfilled", shopify("paid", "fulfilled")).then().statusCode(200).body("outcome", equalTo("duplicate"));
        assertEquals(1, invitations(shop).size());
    }

    @Test
    void cancelledShopifyOrdersAndOtherTopicsInviteNobody() {
        TestShop shop = connected(Platform.SHOPIFY, "paid");

        // Shopify's sample as it is: a cancelled, voided order
        shopify(shop, "orders/updated", resource("shopify-order.json")).then().statusCode(200).body("outcome", equalTo("ignored"));
        byte[] cancelledAfterPayment = replace(resource("shopify-order.json"), "\"financial_status\": \"voided\"", "\"financial_status\": \"paid\"");
        shopify(shop, "orders/updated", cancelledAfterPayment).then().statusCode(200)
                .body("outcome", equalTo("ignored")).body("reason", containsString("cancelled"));
        shopify(shop, "orders/cancelled", shopify("paid", null)).then().statusCode(200).body("outcome", equalTo("ignored"));
        shopify(shop, "customers/create", shopify("paid", null)).then().statusCode(200).body("outcome", equalTo("ignored"));

        assertEquals(0, invitations(shop).size());
    }

    @Test
    void shopifyTakesTheFirstEmailAddressItHasAndTheCustomersLanguage() {
        TestShop shop = connected(Platform.SHOPIFY, "paid");
        byte[] order = replace(replace(replace(shopify("paid", null), "\"email\": \"jon@example.com\"", "\"email\": \"\""),
                "\"contact_email\": \"jon@example.com\"", "\"contact_email\": null"), "\"customer_locale\": \"en\"", "\"customer_locale\": \"de-AT\"");

        shopify(shop, "orders/paid", order).then().statusCode(200).body("outcome", equalTo("invited"));

        Map<String, Object> invitation = invitations(shop).get(0);
        assertEquals("john@example.com", invitation.get("email"), "customer.email when email and contact_email are empty");
        assertEquals("de", invitation.get("locale"));

        TestShop other = connected(Platform.SHOPIFY, "paid");
        shopify(other, "orders/paid", replace(shopify("paid", null), "\"customer_locale\": \"en\"", "\"customer_locale\": \"ja\""))
                .then().statusCode(200).body("outcome", equalTo("invited"));
        assertEquals("nl", invitations(other).get(0).get("locale"), "a language Shopscore does not speak: the shop's");
    }

    @Test
    void aShopifyDeliveryWithoutItsHmacIs401() {
        TestShop shop = connected(Platform.SHOPIFY, "paid");

        shopifyRequest(shop, "orders/paid").body(shopify("paid", null)).post("/api/v1/shops/{slug}/connectors/shopify", shop.slug())
                .then().statusCode(401).contentType("application/problem+json");
        shopifyRequest(shop, "orders/paid").header("X-Shopify-Hmac-Sha256", signature(shopify("paid", null), WOO_SECRET))
                .body(shopify("paid", null)).post("/api/v1/shops/{slug}/connectors/shopify", shop.slug())
                .then().statusCode(401);
        assertEquals(0, invitations(shop).size());
    }

    // --- duplicates at the same moment

    @Test
    void simultaneousDeliveriesOfOneOrderMakeOneInvitation() throws Exception {
        TestShop woo = connected(Platform.WOOCOMMERCE, null);
        TestShop shopify = connected(Platform.SHOPIFY, null);
        byte[] wooOrder = woo("completed");
        byte[] shopifyOrder = shopify("paid", "fulfilled");

        List<String> wooOutcomes = atOnce(8, () -> woo(woo, "order.updated", wooOrder, WOO_SECRET).then().statusCode(200)
                .extract().<String>path("outcome"));
        List<String> shopifyOutcomes = atOnce(8, () -> shopify(shopify, "orders/fulfilled", shopifyOrder).then().statusCode(200)
                .extract().<String>path("outcome"));

        assertEquals(1, wooOutcomes.stream().filter("invited"::equals).count(), wooOutcomes.toString());
        assertEquals(1, shopifyOutcomes.stream().filter("invited"::equals).count(), shopifyOutcomes.toString());
        assertEquals(1, invitations(woo).size());
        assertEquals(1, invitations(shopify).size());
    }

    // --- helpers: the platforms' side

    private static TestShop connected(Platform platform, String inviteOn) {
        TestShop shop = Api.newShop();
        Map<String, String> body = inviteOn == null
                ? Map.of("secret", platform == Platform.WOOCOMMERCE ? WOO_SECRET : SHOPIFY_SECRET)
                : Map.of("secret", platform == Platform.WOOCOMMERCE ? WOO_SECRET : SHOPIFY_SECRET, "inviteOn", inviteOn);
        shop.asShop().body(body).put("/api/v1/shops/{slug}/connectors/{platform}", shop.slug(), platform.json())
                .then().statusCode(200);
        return shop;
    }

    /** WooCommerce's documented order with the given status. */
    private static byte[] woo(String status) {
        return replace(resource("woocommerce-order.json"), "\"status\": \"processing\"", "\"status\": \"" + status + "\"");
    }

    /** Shopify's sample order, not cancelled, with the given statuses. */
    private static byte[] shopify(String financialStatus, String fulfillmentStatus) {
        byte[] order = replace(resource("shopify-order.json"), "\"cancelled_at\": \"2021-12-31T19:00:00-05:00\"", "\"cancelled_at\": null");
        order = replace(order, "\"cancel_reason\": \"customer\"", "\"cancel_reason\": null");
        order = replace(order, "\"financial_status\": \"voided\"", "\"financial_status\": \"" + financialStatus + "\"");
        return fulfillmentStatus == null ? order
                : replace(order, "\n  \"fulfillment_status\": null", "\n  \"fulfillment_status\": \"" + fulfillmentStatus + "\"");
    }

    /** A delivery as WooCommerce makes it, signed with the given secret (none: unsigned). */
    private static Response woo(TestShop shop, String topic, byte[] body, String secret) {
        return wooSigned(shop, topic, body, secret == null ? null : signature(body, secret));
    }

    private static Response wooSigned(TestShop shop, String topic, byte[] body, String signature) {
        String[] resourceAndEvent = topic.split("\\.");
        RequestSpecification request = given().contentType("application/json")
                .header("User-Agent", "WooCommerce/9.4.2 Hookshot (WordPress/6.7.1)")
                .header("X-WC-Webhook-Source", "https://shop.example/")
                .header("X-WC-Webhook-Topic", topic)
                .header("X-WC-Webhook-Resource", resourceAndEvent[0])
                .header("X-WC-Webhook-Event", resourceAndEvent[1])
                .header("X-WC-Webhook-ID", "17")
                .header("X-WC-Webhook-Delivery-ID", UUID.randomUUID().toString().replace("-", ""));
        if (signature != null) {
            request.header("X-WC-Webhook-Signature", signature);
        }
        return request.body(body).post("/api/v1/shops/{slug}/connectors/woocommerce", shop.slug());
    }

    private static Response shopify(TestShop shop, String topic, byte[] body) {
        return shopifyRequest(shop, topic).header("X-Shopify-Hmac-Sha256", signature(body, SHOPIFY_SECRET))
                .body(body).post("/api/v1/shops/{slug}/connectors/shopify", shop.slug());
    }

    private static RequestSpecification shopifyRequest(TestShop shop, String topic) {
        return given().contentType("application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", "jsmith.myshopify.com")
                .header("X-Shopify-API-Version", "2025-07")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Triggered-At", "2025-07-01T12:00:00.000000000Z")
                .header("X-Shopify-Event-Id", UUID.randomUUID().toString());
    }

    private static String signature(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(Signatures.sign(body, secret));
    }

    private static List<Map<String, Object>> invitations(TestShop shop) {
        JsonPath page = shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    private static byte[] resource(String name) {
        try (InputStream in = ConnectorTest.class.getResourceAsStream("/connector/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] replace(byte[] body, String from, String to) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.contains(from)) {
            throw new IllegalArgumentException("The payload has no " + from);
        }
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

    private static <T> List<T> atOnce(int times, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
