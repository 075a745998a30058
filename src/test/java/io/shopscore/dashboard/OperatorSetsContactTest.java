package io.shopscore.dashboard;

import static io.restassured.RestAssured.given;
import static io.shopscore.dashboard.DashboardTest.form;
import static io.shopscore.dashboard.DashboardTest.formToken;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shopscore.mail.MailOutbox;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.SmtpResource;

/**
 * PUT /api/v1/shops/{slug}/contact: the operator gives a shop registered without a contact its first
 * member, or a new one when the contact person left; the shop's key cannot.
 */
@QuarkusTest
class OperatorSetsContactTest {

    @Inject
    MailOutbox outbox;

    @BeforeEach
    void emptyOutbox() {
        outbox.sendDue();
        SmtpResource.server().clear();
    }

    private static io.restassured.response.ValidatableResponse setContact(String slug, Object contactEmail) {
        Map<String, Object> body = new HashMap<>();
        body.put("contactEmail", contactEmail);
        return Api.asOperator().body(body).put("/api/v1/shops/{slug}/contact", slug).then();
    }

    private static String address(String who) {
        return who + "-" + System.nanoTime() + "@example.com";
    }

    @Test
    void aShopRegisteredWithoutAContactGetsAMemberWhoManagesItsKeys() {
        TestShop shop = Api.newShop(Api.freshSlug("nocontact"), "en");
        String owner = address("owner");
        Api.asOperator().get("/api/v1/shops/{slug}", shop.slug()).then().statusCode(200).body("contactEmail", nullValue());

        // before the operator sets it, the address opens nothing
        form().formParam("email", owner).formParam("lang", "en").post("/dashboard/sign-in/email").then().statusCode(200);
        outbox.sendDue();
        assertEquals(List.of(), SmtpResource.server().mailsTo(owner));

        setContact(shop.slug(), owner).statusCode(200).contentType(ContentType.JSON)
                .body("slug", equalTo(shop.slug())).body("contactEmail", equalTo(owner)).body("apiKey", nullValue());
        Api.asOperator().get("/api/v1/shops/{slug}", shop.slug()).then().statusCode(200).body("contactEmail", equalTo(owner));
        shop.asShop().get("/api/v1/shops/{slug}/settings", shop.slug()).then().statusCode(200).body("contactEmail", equalTo(owner));

        String member = DashboardTest.signInByMail(owner, outbox);
        form().cookie("shopscore_session", member).formParam("formToken", formToken(member, shop.slug())).formParam("lang", "en")
                .formParam("label", "Second server")
                .post("/dashboard/{slug}/settings/api-keys", shop.slug())
                .then().statusCode(200).body(containsString("sk_"));
    }

    @Test
    void replacingTheContactEndsTheOldOnesSessionsAndLetsTheNewOneIn() {
        String left = address("left");
        TestShop shop = DashboardTest.shopWithContact(left);
        String oldSession = DashboardTest.signInByMail(left, outbox);
        given().cookie("shopscore_session", oldSession).redirects().follow(false).get("/dashboard/{slug}", shop.slug()).then().statusCode(200);

        String successor = address("successor");
        setContact(shop.slug(), successor).statusCode(200).body("contactEmail", equalTo(successor));

        given().cookie("shopscore_session", oldSession).redirects().follow(false).get("/dashboard/{slug}", shop.slug())
                .then().statusCode(303).header("Location", containsString("/dashboard/sign-in"));
        String member = DashboardTest.signInByMail(successor, outbox);
        given().cookie("shopscore_session", member).get("/dashboard/{slug}/settings/api-keys?lang=en", shop.slug()).then().statusCode(200);
    }

    @Test
    void nullOrBlankClearsTheContact() {
        TestShop shop = DashboardTest.shopWithContact(address("gone"));
        setContact(shop.slug(), "  ").statusCode(200).body("contactEmail", nullValue());
        setContact(shop.slug(), address("back")).statusCode(200);
        setContact(shop.slug(), null).statusCode(200).body("contactEmail", nullValue());
        Api.asOperator().get("/api/v1/shops/{slug}", shop.slug()).then().statusCode(200).body("contactEmail", nullValue());
    }

    @Test
    void aBadAddressIsRefusedNamingTheField() {
        String contact = address("kept");
        TestShop shop = DashboardTest.shopWithContact(contact);
        for (String bad : List.of("not-an-address", "two@@example.com", "a".repeat(250) + "@example.com")) {
            setContact(shop.slug(), bad).statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("contactEmail"));
        }
        Api.asOperator().contentType(ContentType.JSON).put("/api/v1/shops/{slug}/contact", shop.slug()).then().statusCode(400);
        Api.asOperator().get("/api/v1/shops/{slug}", shop.slug()).then().statusCode(200).body("contactEmail", equalTo(contact));
    }

    @Test
    void onlyTheOperatorMaySetIt() {
        String contact = address("owner");
        TestShop shop = DashboardTest.shopWithContact(contact);
        shop.asShop().body(Map.of("contactEmail", "thief@example.com")).put("/api/v1/shops/{slug}/contact", shop.slug())
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("contactEmail", "thief@example.com"))
                .put("/api/v1/shops/{slug}/contact", shop.slug()).then().statusCode(401);
        Api.asOperator().get("/api/v1/shops/{slug}", shop.slug()).then().statusCode(200).body("contactEmail", equalTo(contact));
    }

    @Test
    void anUnknownShopIsNotFound() {
        setContact(Api.freshSlug("nobody"), address("x")).statusCode(404).contentType("application/problem+json");
    }
}
