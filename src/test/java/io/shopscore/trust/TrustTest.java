package io.shopscore.trust;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shopscore.invitation.Invitation;
import io.shopscore.review.EditLinks;
import io.shopscore.review.SignalRetention;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.DistinctClientAddresses;
import io.shopscore.testing.MovableClock;
import io.shopscore.testing.Tables;

/**
 * What makes a score believable: the shop never holds a link it does not need, only the author
 * changes a review, and a shop writing its own reviews is caught.
 */
@QuarkusTest
class TrustTest {

    @Inject
    EditLinks editLinks;

    @Inject
    DataSource dataSource;

    @Inject
    MovableClock clock;

    @Inject
    SignalRetention retention;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static final String XFF = DistinctClientAddresses.HEADER;

    private static Response invite(TestShop shop, Map<String, Object> body) {
        return shop.asShop().body(body).post("/api/v1/shops/{slug}/invitations", shop.slug());
    }

    private static long write(String token, int grade, String text, String fromAddress) {
        var request = given().contentType(ContentType.JSON).body(Map.of("score", grade, "text", text));
        if (fromAddress != null) {
            request.header(XFF, fromAddress);
        }
        return request.post("/api/v1/invitations/{token}/review", token).then().statusCode(201).extract().<Number>path("id").longValue();
    }

    private static String tokenOf(TestShop shop, String orderRef) {
        return QuarkusTransaction.requiringNew().call(() -> Invitation.tokenOf(shop.slug(), orderRef));
    }

    @Test
    void anEmailInvitationNeverShowsItsLinkToTheShop() {
        TestShop shop = Api.newShop();
        String orderRef = "T-" + UUID.randomUUID();
        Response created = invite(shop, Map.of("orderRef", orderRef, "email", "hidden@example.com", "name", "Hidde"));
        created.then().statusCode(201).body("delivery", equalTo("email")).body("$", not(hasKey("token")))
                .body("$", not(hasKey("reviewUrl")));
        long invitationId = created.then().extract().<Number>path("id").longValue();
        String token = tokenOf(shop, orderRef);

        // The customer reviews through the mailed link; the shop then answers, reports and looks everywhere it can.
        long reviewId = write(token, 3, "Slow and nobody answered my questions", null);
        shop.asShop().body(Map.of("text", "Sorry, we will call you")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), reviewId)
                .then().statusCode(200);
        List<Response> everythingTheShopSees = new ArrayList<>();
        everythingTheShopSees.add(created);
        everythingTheShopSees.add(invite(shop, Map.of("orderRef", orderRef, "email", "hidden@example.com")));
        everythingTheShopSees.add(shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()));
        everythingTheShopSees.add(shop.asShop().get("/api/v1/shops/{slug}/invitations?state=reviewed", shop.slug()));
        everythingTheShopSees.add(shop.asShop().get("/api/v1/shops/{slug}/invitations/{id}", shop.slug(), invitationId));
        everythingTheShopSees.add(shop.asShop().get("/api/v1/shops/{slug}/reviews", shop.slug()));
        everythingTheShopSees.add(shop.asShop().get("/api/v1/shops/{slug}/reviews/removed", shop.slug()));
        everythingTheShopSees.add(shop.asShop().get("/api/v1/shops/{slug}/reviews/{id}/versions", shop.slug(), reviewId));
        everythingTheShopSees.add(shop.asShop().body(Map.of("reason", "other", "comment", "Check please"))
                .post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), reviewId));
        everythingTheShopSees.add(shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()));
        everythingTheShopSees.add(shop.asShop().get("/api/v1/shops/{slug}/webhook/deliveries", shop.slug()));
        everythingTheShopSees.add(shop.asShop().get("/api/v1/shops/{slug}/insights", shop.slug()));
        everythingTheShopSees.add(shop.asShop().get("/api/v1/shops/{slug}/insights/reviews", shop.slug()));
        everythingTheShopSees.add(given().get("/shops/{slug}", shop.slug()));
        String editToken = editLinks.token(reviewId);
        for (Response seen : everythingTheShopSees) {
            String body = seen.asString();
            assertTrue(seen.statusCode() < 500, body);
            assertFalse(body.contains(token), "the invitation token must not show: " + body);
            assertFalse(body.contains(editToken), "the edit token must not show: " + body);
        }
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("items[0].source", equalTo("invitation-email"));
    }

    @Test
    void aLinkInvitationGivesTheShopItsLinkAndItsReviewsSaySo() {
        TestShop shop = Api.newShop();
        String orderRef = "L-" + UUID.randomUUID();
        String token = invite(shop, Map.of("orderRef", orderRef, "email", "qr@example.com", "delivery", "link")).then().statusCode(201)
                .body("delivery", equalTo("link")).body("reviewUrl", containsString("/review/")).extract().path("token");
        shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()).then()
                .body("items[0].delivery", equalTo("link")).body("items[0].reviewUrl", containsString(token));
        write(token, 9, "Fine", null);
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("items[0].source", equalTo("invitation-link"));
        invite(shop, Map.of("orderRef", "X", "email", "x@example.com", "delivery", "pigeon")).then().statusCode(400)
                .body("violations[0].field", equalTo("delivery"));
    }

    @Test
    void theInvitationTokenCannotChangeAWrittenReviewButTheEditLinkCan() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        long id = write(token, 2, "Broken on arrival", null);

        given().contentType(ContentType.JSON).body(Map.of("score", 10, "text", "Perfect!"))
                .put("/api/v1/invitations/{token}/review", token)
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("edit link"));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(1)).body("average", equalTo(2.0f));

        String editToken = editLinks.token(id);
        given().contentType(ContentType.JSON).body(Map.of("score", 7, "text", "They replaced it quickly"))
                .put("/api/v1/review-edits/{editToken}", editToken)
                .then().statusCode(200).body("score", equalTo(7)).body("updatedAt", not(nullValue()));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then()
                .body("count", equalTo(1)).body("average", equalTo(7.0f))
                .body("distribution.'2'", equalTo(0)).body("distribution.'7'", equalTo(1));
        given().get("/api/v1/review-edits/{editToken}", editToken).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("review.score", equalTo(7))
                .body("customer.email", equalTo("customer@example.com"))
                .body("earlierVersions[0].score", equalTo(2))
                .body("earlierVersions[0].text", equalTo("Broken on arrival"));
        given().get("/api/v1/review-edits/{editToken}", "A".repeat(43)).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/review-edits/{editToken}", "short").then().statusCode(404);
    }

    @Test
    void withdrawingLeavesNoTraceOfTheAuthorAndAnExactScore() throws SQLException {
        TestShop shop = Api.newShop();
        String email = "erase-" + UUID.randomUUID() + "@example.com";
        String orderRef = "ERASE-" + UUID.randomUUID();
        String token = invite(shop, Map.of("orderRef", orderRef, "email", email, "name", "Erika Mustermann", "delivery", "link"))
                .then().statusCode(201).extract().path("token");
        shop.review(8, true);
        long id = write(token, 4, "Erika here: parcel never came", null);
        String editToken = editLinks.token(id);
        given().contentType(ContentType.JSON).body(Map.of("score", 3, "text", "Erika again: still nothing"))
                .put("/api/v1/review-edits/{editToken}", editToken).then().statusCode(200);

        given().delete("/api/v1/review-edits/{editToken}", editToken).then().statusCode(204);
        // what its author withdrew, the shop can neither answer nor put in the operator's queue
        shop.asShop().body(Map.of("text", "Sorry to hear that")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), id)
                .then().statusCode(404);
        shop.asShop().body(Map.of("reason", "not_a_customer")).post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), id)
                .then().statusCode(404);

        given().get("/api/v1/shops/{slug}/score", shop.slug()).then()
                .body("count", equalTo(1)).body("average", equalTo(8.0f)).body("distribution.'3'", equalTo(0));
        given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().body("total", equalTo(1)).body("items[0].score", equalTo(8));
        given().get("/api/v1/review-edits/{editToken}", editToken).then().statusCode(404);
        given().delete("/api/v1/review-edits/{editToken}", editToken).then().statusCode(404);
        List<String> traces = new ArrayList<>();
        traces.addAll(Tables.columnsContaining(dataSource, email));
        traces.addAll(Tables.columnsContaining(dataSource, orderRef));
        traces.addAll(Tables.columnsContaining(dataSource, "Erika"));
        assertEquals(List.of(), traces, "nothing of the author may remain");
        // the order cannot be invited again: the erased invitation still answers for it
        invite(shop, Map.of("orderRef", orderRef, "email", email)).then().statusCode(200);
    }

    @Test
    void aShopWritingItsOwnReviewsIsHeldAndHonestCustomersAreNot() {
        TestShop shop = Api.newShop();
        String shopsOffice = DistinctClientAddresses.randomAddress();
        for (int i = 0; i < 10; i++) {
            String token = given().auth().oauth2(shop.apiKey()).contentType(ContentType.JSON).header(XFF, shopsOffice)
                    .body(Map.of("orderRef", "SELF-" + i, "email", "owner+" + i + "@example.com", "delivery", "link"))
                    .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201).extract().path("token");
            given().contentType(ContentType.JSON).header(XFF, shopsOffice).body(Map.of("score", 10, "text", "Geweldige winkel nummer " + i))
                    .post("/api/v1/invitations/{token}/review", token)
                    .then().statusCode(201).body("status", equalTo("pending"));
        }
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(0));
        Map<String, Object> queued = heldReasonsOf(shop);
        assertEquals(10, queued.size());
        queued.values().forEach(reasons -> assertTrue(reasons.toString().contains("shop-key-address"), reasons.toString()));

        TestShop honest = Api.newShop();
        String[] texts = { "Snel geleverd", "Prima", "Goede service, aanrader", "Alles klopte", "Top", "Netjes verpakt",
            "Vriendelijk contact", "Binnen een dag in huis", "Kwaliteit is goed", "Zou hier weer bestellen" };
        for (String text : texts) {
            String token = honest.invite();
            given().contentType(ContentType.JSON).body(Map.of("score", 8, "text", text))
                    .post("/api/v1/invitations/{token}/review", token)
                    .then().statusCode(201).body("status", equalTo("published"));
        }
        given().get("/api/v1/shops/{slug}/score", honest.slug()).then().body("count", equalTo(10));
    }

    @Test
    void anInvitationToTheShopsOwnAddressIsHeld() {
        TestShop shop = Api.newShop();
        String token = invite(shop, Map.of("orderRef", "OWN-1", "email", "info@" + shop.slug() + ".example", "delivery", "link"))
                .then().statusCode(201).extract().path("token");
        given().contentType(ContentType.JSON).body(Map.of("score", 10, "text", "Great"))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201).body("status", equalTo("pending"));
        assertTrue(heldReasonsOf(shop).values().iterator().next().toString().contains("shops-own-address"));
    }

    @Test
    void oneAddressWritingManyReviewsOfAShopIsHeldFromTheThirdOn() {
        TestShop shop = Api.newShop();
        String phone = DistinctClientAddresses.randomAddress();
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String token = shop.invite();
            statuses.add(given().contentType(ContentType.JSON).header(XFF, phone).body(Map.of("score", 9, "text", "Review " + i))
                    .post("/api/v1/invitations/{token}/review", token).then().statusCode(201).extract().path("status"));
        }
        assertEquals(List.of("published", "published", "pending"), statuses);
    }

    @Test
    void reviewersAddressesAreForgottenAfterTheRetentionPeriod() throws SQLException {
        TestShop shop = Api.newShop();
        long id = write(shop.invite(), 8, "Good", DistinctClientAddresses.randomAddress());
        assertEquals(1, addressHashesKeptFor(id));
        clock.advance(Duration.ofDays(29));
        retention.purge();
        assertEquals(1, addressHashesKeptFor(id), "kept within the retention period");
        clock.advance(Duration.ofDays(2));
        assertTrue(retention.purge() >= 1);
        assertEquals(0, addressHashesKeptFor(id));
    }

    private long addressHashesKeptFor(long reviewId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*) from review_signal where review_id = ? and address_hash is not null")) {
            query.setLong(1, reviewId);
            try (ResultSet count = query.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    /** The held reviews of a shop in the moderation queue, with why they are held. */
    private static Map<String, Object> heldReasonsOf(TestShop shop) {
        Map<String, Object> reasons = new HashMap<>();
        for (int page = 0; page < 50; page++) {
            var queue = Api.asOperator().queryParam("page", page).queryParam("size", 100).get("/api/v1/moderation/queue")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = queue.getList("items");
            for (Map<String, Object> item : items) {
                if (shop.slug().equals(item.get("shop"))) {
                    reasons.put(String.valueOf(item.get("reviewId")), item.get("heldBecause"));
                }
            }
            if (items.size() < 100) {
                break;
            }
        }
        return reasons;
    }
}
