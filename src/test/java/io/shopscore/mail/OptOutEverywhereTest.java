package io.shopscore.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;

/** The unsubscribe page's second choice: no mail from this service, for any shop, ever again. */
@QuarkusTest
class OptOutEverywhereTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    MailOutbox outbox;

    @Inject
    MovableClock clock;

    @BeforeEach
    void emptyOutbox() {
        outbox.sendDue();
        mailbox.clear();
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void anAddressThatOptsOutEverywhereGetsNoMailFromAnyShop() {
        TestShop first = Api.newShop(Api.freshSlug("everywhere"), "en");
        TestShop second = Api.newShop();
        String address = "customer-" + System.nanoTime() + "@example.com";
        String token = invite(first, "E-1", address).getString("token");
        invite(second, "E-2", address);
        outbox.sendDue();
        assertEquals(2, mailbox.getMailsSentTo(address).size());

        given().get("/review/{token}/unsubscribe", token).then().statusCode(200)
                .body(containsString("No mail from this service for any shop"))
                .body(containsString("name=\"scope\" value=\"all\""));
        given().contentType("application/x-www-form-urlencoded").formParam("scope", "all")
                .post("/review/{token}/unsubscribe", token).then().statusCode(200)
                .body(containsString("this review service sends no more mails to " + address.charAt(0) + "***@example.com, for any shop"));

        assertEquals("skipped", listed(second, "E-2").getString("reminder.state"), "another shop's pending reminder is dropped");
        TestShop later = Api.newShop();
        invite(later, "E-3", address.toUpperCase());
        clock.advance(Duration.ofDays(8));
        outbox.sendDue();
        assertEquals(2, mailbox.getMailsSentTo(address).size() + mailbox.getMailsSentTo(address.toUpperCase()).size(),
                "nothing more, from any shop, whatever the address's case");
        assertEquals("opted out", listed(later, "E-3").getString("mail.note"));
    }

    @Test
    void theChoiceIsOfferedInEveryLanguage() {
        Map<String, String> buttons = Map.of(
                "en", "No mail from this service for any shop",
                "nl", "Geen e-mails van deze dienst, voor geen enkele winkel",
                "de", "Keine E-Mails dieses Dienstes, für keinen Shop",
                "fr", "Aucun e-mail de ce service, pour aucune boutique");
        buttons.forEach((locale, button) -> {
            TestShop shop = Api.newShop(Api.freshSlug("lang"), locale);
            String token = invite(shop, "L-1", "someone-" + System.nanoTime() + "@example.com").getString("token");
            given().get("/review/{token}/unsubscribe", token).then().statusCode(200).body(containsString(button));
        });
    }

    private static JsonPath invite(TestShop shop, String orderRef, String email) {
        return shop.asShop().body(Map.of("orderRef", orderRef, "email", email))
                .post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath listed(TestShop shop, String orderRef) {
        return shop.asShop().get("/api/v1/shops/{slug}/invitations?size=100", shop.slug()).then().statusCode(200).extract().jsonPath()
                .setRootPath("items.find { it.orderRef == '" + orderRef + "' }");
    }
}
