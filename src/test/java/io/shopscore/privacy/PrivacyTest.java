package io.shopscore.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import io.shopscore.mail.MailOutbox;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;
import io.shopscore.testing.Tables;

/** The GDPR's erasure and storage limits, checked against every table of the schema. */
@QuarkusTest
class PrivacyTest {

    @Inject
    DataSource dataSource;

    @Inject
    MovableClock clock;

    @Inject
    PrivacyService privacy;

    @Inject
    MailOutbox mails;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String invite(TestShop shop, String email, String orderRef) {
        return shop.asShop().body(Map.of("orderRef", orderRef, "email", email, "name", "Maria Privé", "delivery", "link"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201).extract().path("token");
    }

    private static long review(String token, int grade) {
        return given().contentType(ContentType.JSON).body(Map.of("score", grade, "text", "Maria Privé schreef dit"))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201).extract().<Number>path("id").longValue();
    }

    @Test
    void theOperatorErasesAnAddressOnEveryShopAndEveryScoreStaysExact() throws SQLException {
        TestShop first = Api.newShop();
        TestShop second = Api.newShop();
        String email = "maria-" + UUID.randomUUID() + "@example.com";
        String orderOne = "P1-" + UUID.randomUUID();
        String orderTwo = "P2-" + UUID.randomUUID();
        String orderThree = "P3-" + UUID.randomUUID();
        long one = review(invite(first, email, orderOne), 2);
        first.review(9, true);
        review(invite(second, email.toUpperCase(), orderTwo), 10);
        String unused = invite(second, email, orderThree);
        given().get("/review/{token}/unsubscribe", unused).then().statusCode(200);
        given().contentType("application/x-www-form-urlencoded").formParam("List-Unsubscribe", "One-Click")
                .post("/review/{token}/unsubscribe", unused).then().statusCode(200);
        Api.asOperator().body(Map.of("decision", "publish")).post("/api/v1/moderation/reviews/{id}/decision", one);
        given().contentType(ContentType.JSON)
                .body(Map.of("reason", "other", "explanation", "This review names a neighbour of mine", "email", email))
                .post("/api/v1/reviews/{id}/notices", first.review(7, null)).then().statusCode(202);
        mails.sendDue();

        Api.asOperator().body(Map.of("email", email.toUpperCase())).post("/api/v1/privacy/erasures")
                .then().statusCode(200).body("reviews", equalTo(2)).body("invitations", equalTo(3));

        given().get("/api/v1/shops/{slug}/score", first.slug()).then().body("count", equalTo(2)).body("average", equalTo(8.0f));
        given().get("/api/v1/shops/{slug}/score", second.slug()).then().body("count", equalTo(0));
        for (String trace : List.of(email, email.toUpperCase(), orderOne, orderTwo, orderThree, "Maria")) {
            assertEquals(List.of(), Tables.columnsContaining(dataSource, trace), trace + " must be gone");
        }
        Api.asOperator().body(Map.of("email", email)).post("/api/v1/privacy/erasures")
                .then().statusCode(200).body("reviews", equalTo(0)).body("invitations", equalTo(0));
    }

    @Test
    void onlyTheOperatorErasesAndOnlyAnAddress() {
        TestShop shop = Api.newShop();
        shop.asShop().body(Map.of("email", "x@example.com")).post("/api/v1/privacy/erasures").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("email", "x@example.com")).post("/api/v1/privacy/erasures").then().statusCode(401);
        Api.asOperator().body(Map.of("email", "not an address")).post("/api/v1/privacy/erasures")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("email"));
    }

    @Test
    void invitationsThatExpiredUnusedForgetTheirCustomer() throws SQLException {
        TestShop shop = Api.newShop();
        String email = "lapsed-" + UUID.randomUUID() + "@example.com";
        String orderRef = "EXP-" + UUID.randomUUID();
        shop.asShop().body(Map.of("orderRef", orderRef, "email", email, "name", "Lapsed Lucas"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201);
        mails.sendDue();
        clock.advance(Duration.ofDays(90 + 29));
        privacy.purge();
        assertEquals(List.of("invitation.email", "mail.recipient"), Tables.columnsContaining(dataSource, email).stream().sorted().toList(),
                "kept for the retention period after expiry");
        clock.advance(Duration.ofDays(2));
        PrivacyService.Purged purged = privacy.purge();
        assertTrue(purged.invitations() >= 1, purged.toString());
        assertEquals(List.of(), Tables.columnsContaining(dataSource, email));
        assertEquals(List.of(), Tables.columnsContaining(dataSource, orderRef));
        assertEquals(List.of(), Tables.columnsContaining(dataSource, "Lapsed Lucas"));
        shop.asShop().body(Map.of("orderRef", orderRef, "email", email)).post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(200);
    }

    @Test
    void earlierVersionsOfAReviewRemovedForPersonalDataAreNotShownToTheShop() {
        TestShop shop = Api.newShop();
        long id = review(shop.invite(), 3);
        given().contentType(ContentType.JSON).body(Map.of("score", 2, "text", "Changed"))
                .put("/api/v1/review-edits/{editToken}", Api.editToken(id)).then().statusCode(200);
        shop.asShop().get("/api/v1/shops/{slug}/reviews/{id}/versions", shop.slug(), id).then().statusCode(200)
                .body("[0].text", equalTo("Maria Privé schreef dit"));
        Api.asOperator().body(Map.of("decision", "remove", "reason", "Names a person", "category", "personal_data"))
                .post("/api/v1/moderation/reviews/{id}/decision", id).then().statusCode(200);
        shop.asShop().get("/api/v1/shops/{slug}/reviews/{id}/versions", shop.slug(), id).then().statusCode(404);
    }
}
