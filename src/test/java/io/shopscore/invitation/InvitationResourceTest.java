package io.shopscore.invitation;

import static org.hamcrest.Matchers.notNullValue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;

@QuarkusTest
class InvitationResourceTest {

    @Inject
    MovableClock clock;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shopInvitesCustomerWithPersonalLink() {
        TestShop shop = Api.newShop();
        Response response = shop.asShop()
                .body(Map.of("orderRef", "ORD-1", "email", "jan@example.nl", "name", "Jan", "locale", "en", "delivery", "link"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug());
        response.then().statusCode(201)
                .body("orderRef", equalTo("ORD-1"))
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("reviewUrl", equalTo("http://localhost:8080/review/" + response.path("token")));
        Instant expiresAt = Instant.parse(response.path("expiresAt"));
        Duration validity = Duration.between(Instant.now(), expiresAt);
        assertEquals(90, Math.round(validity.toHours() / 24.0), "invitations are valid for 90 days by default");
    }

    @Test
    void sameOrderAgainReturnsTheSameInvitation() {
        TestShop shop = Api.newShop();
        Map<String, String> body = Map.of("orderRef", "ORD-7", "email", "a@example.com", "delivery", "link");
        Response first = shop.asShop().body(body).post("/api/v1/shops/{slug}/invitations", shop.slug());
        first.then().statusCode(201);
        shop.asShop().body(Map.of("orderRef", "ORD-7", "email", "other@example.com"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(200)
                .body("id", equalTo(first.<Integer>path("id")))
                .body("token", equalTo(first.<String>path("token")));
        shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().body("total", equalTo(1));
    }

    @Test
    void simultaneousRequestsForOneOrderMakeOneInvitation() throws Exception {
        TestShop shop = Api.newShop();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(() -> shop.asShop().body(Map.of("orderRef", "RACE-1", "email", "r@example.com"))
                        .post("/api/v1/shops/{slug}/invitations", shop.slug()));
            }
            Set<Object> ids = new HashSet<>();
            int created = 0;
            for (Future<Response> future : pool.invokeAll(calls)) {
                Response response = future.get();
                assertEquals(true, response.statusCode() == 200 || response.statusCode() == 201, response.asString());
                created += response.statusCode() == 201 ? 1 : 0;
                ids.add(response.path("id"));
            }
            assertEquals(1, created);
            assertEquals(1, ids.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shopsCannotTouchEachOthersInvitations() {
        TestShop mine = Api.newShop();
        TestShop theirs = Api.newShop();
        Map<String, String> body = Map.of("orderRef", "X", "email", "x@example.com");
        theirs.asShop().body(body).post("/api/v1/shops/{slug}/invitations", mine.slug())
                .then().statusCode(403).contentType("application/problem+json");
        theirs.asShop().get("/api/v1/shops/{slug}/invitations", mine.slug()).then().statusCode(403);
        Api.asOperator().body(body).post("/api/v1/shops/{slug}/invitations", mine.slug()).then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/shops/{slug}/invitations", mine.slug())
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("sk_" + "x".repeat(43)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/shops/{slug}/invitations", mine.slug()).then().statusCode(401);
        given().header("Authorization", "Basic Zm9vOmJhcg==").get("/api/v1/shops/{slug}/invitations", mine.slug())
                .then().statusCode(401);
    }

    @Test
    void invalidInvitationsAreRefusedFieldByField() {
        TestShop shop = Api.newShop();
        shop.asShop().body(Map.of("email", "not-an-email", "locale", "xx", "name", "a\u0000b"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(400)
                .body("violations", hasSize(4))
                .body("violations.field", hasItem("orderRef"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("locale"))
                .body("violations.field", hasItem("name"));
        shop.asShop().body(Map.of("orderRef", "x".repeat(101), "email", "a@example.com"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("orderRef"));
        shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()).then().body("total", equalTo(0));
    }

    /**
     * Invitations from before delivery existed got the column's default. It must be a value the
     * service can read: once it was 'link' where the code stores 'LINK', and such a shop's
     * invitation list answered 500.
     */
    @Test
    void invitationsWithTheColumnDefaultDeliveryAreReadAsLinkInvitations() throws Exception {
        TestShop shop = Api.newShop();
        shop.asShop().body(Map.of("orderRef", "OLD-1", "email", "old@example.nl"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201).body("delivery", equalTo("email"));
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "UPDATE invitation SET delivery = DEFAULT WHERE shop_id = (SELECT id FROM shop WHERE slug = ?)")) {
            update.setString(1, shop.slug());
            assertEquals(1, update.executeUpdate());
        }
        shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(200)
                .body("items[0].orderRef", equalTo("OLD-1"))
                .body("items[0].delivery", equalTo("link"));
    }

    @Test
    void listingShowsEachInvitationsState() {
        TestShop shop = Api.newShop();
        String reviewed = shop.invite();
        given().contentType(ContentType.JSON).body(Map.of("score", 9, "text", "Top"))
                .post("/api/v1/invitations/{token}/review", reviewed).then().statusCode(201);
        shop.invite();
        clock.advance(Duration.ofDays(91));
        String pending = shop.invite();

        shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.state", equalTo(List.of("pending", "expired", "reviewed")))
                .body("items[0].reviewUrl", equalTo("http://localhost:8080/review/" + pending))
                .body("items[0].email", equalTo("customer@example.com"));
        shop.asShop().queryParam("state", "expired").get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().body("total", equalTo(1)).body("items[0].state", equalTo("expired"));
        shop.asShop().queryParam("state", "reviewed").get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().body("total", equalTo(1)).body("items[0].reviewedAt", notNullValue());
    }

    @Test
    void listingPagesAreValidated() {
        TestShop shop = Api.newShop();
        for (int i = 0; i < 3; i++) {
            shop.invite();
        }
        shop.asShop().queryParam("page", 1).queryParam("size", 2).get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(200).body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(2)).body("total", equalTo(3));
        shop.asShop().queryParam("size", 101).get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
        shop.asShop().queryParam("page", "abc").get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("page"));
        shop.asShop().queryParam("page", -1).get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("page"));
        shop.asShop().queryParam("state", "lost").get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(400).body("violations[0].field", equalTo("state"));
    }

    @Test
    void invitationLocaleDefaultsToTheShops() {
        TestShop shop = Api.newShop(Api.freshSlug("fr"), "fr");
        String token = shop.invite();
        shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().body("items[0].locale", equalTo("fr"))
                .body("items[0].reviewUrl", equalTo("http://localhost:8080/review/" + token));
    }
}
