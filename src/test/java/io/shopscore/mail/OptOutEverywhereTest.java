package io.shopscore.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;
import io.shopscore.testing.SmtpResource;

/** The unsubscribe page's second choice: no mail from this service, for any shop, ever again. */
@QuarkusTest
class OptOutEverywhereTest {


    @Inject
    MailOutbox outbox;

    @Inject
    MovableClock clock;

    @BeforeEach
    void emptyOutbox() {
        outbox.sendDue();
        SmtpResource.server().clear();
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
        invite(first, "E-1", address);
        invite(second, "E-2", address);
        outbox.sendDue();
        assertEquals(2, SmtpResource.server().mailsTo(address).size());
        String token = tokenMailedBy(first, address);

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
        assertEquals(2, SmtpResource.server().mailsTo(address).size() + SmtpResource.server().mailsTo(address.toUpperCase()).size(),
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
            String token = shop.asShop().body(Map.of("orderRef", "L-1", "email", "someone-" + System.nanoTime() + "@example.com",
                    "delivery", "link")).post("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(201).extract().path("token");
            given().get("/review/{token}/unsubscribe", token).then().statusCode(200).body(containsString(button));
        });
    }

    /** The token of the personal link in the shop's invitation mail to the address. */
    private static String tokenMailedBy(TestShop shop, String address) {
        String text = SmtpResource.server().mailsTo(address).stream().filter(mail -> mail.subject().contains(shop.slug()))
                .findFirst().orElseThrow().text();
        Matcher link = Pattern.compile("/review/([A-Za-z0-9_-]{43})").matcher(text);
        assertTrue(link.find(), text);
        return link.group(1);
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
