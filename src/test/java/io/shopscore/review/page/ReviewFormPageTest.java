package io.shopscore.review.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.shopscore.review.EditLinks;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;
import io.shopscore.testing.MovableClock;

@QuarkusTest
class ReviewFormPageTest {

    @Inject
    MovableClock clock;

    @Inject
    EditLinks editLinks;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static RequestSpecification browser() {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static String invite(TestShop shop, String locale, String name) {
        return shop.asShop()
                .body(Map.of("orderRef", "WEB-" + System.nanoTime(), "email", "c@example.com", "name", name, "locale", locale,
                        "delivery", "link"))
                .post("/api/v1/shops/{slug}/invitations", shop.slug())
                .then().statusCode(201).extract().path("token");
    }

    @Test
    void invitationLinkShowsAFormInTheInvitationsLanguage() {
        TestShop shop = Api.newShop();
        String token = invite(shop, "nl", "Jan de Vries");
        given().get("/review/{token}", token)
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Language", "nl")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("<html lang=\"nl\">"))
                .body(containsString("Hoe was je bestelling bij Shop " + shop.slug() + "?"))
                .body(containsString("<legend>Je cijfer</legend>"))
                .body(containsString("<input type=\"radio\" name=\"score\" id=\"score-1\" value=\"1\" required>"))
                .body(containsString("<label for=\"score-10\">10</label>"))
                .body(containsString("<label for=\"text\">Je review</label>"))
                .body(containsString("id=\"displayName\" name=\"displayName\" maxlength=\"60\" autocomplete=\"given-name\" value=\"\""))
                .body(not(containsString("value=\"Jan\"")))
                .body(containsString("noindex"));
        given().queryParam("lang", "en").get("/review/{token}", token)
                .then().statusCode(200).body(containsString("How was your order at"));
        given().queryParam("lang", "de").get("/review/{token}", token)
                .then().statusCode(200).body(containsString("Wie war Ihre Bestellung bei"));
        given().queryParam("lang", "fr").get("/review/{token}", token)
                .then().statusCode(200).body(containsString("Comment s&#39;est passée votre commande chez"));
    }

    @Test
    void formPostPublishesTheReviewAndRedirectsToThanks() {
        TestShop shop = Api.newShop();
        String token = invite(shop, "en", "Ann");
        browser().formParam("score", "9").formParam("text", "Quick and friendly").formParam("title", "Great")
                .formParam("recommend", "yes").formParam("displayName", "Ann").formParam("lang", "en")
                .post("/review/{token}", token)
                .then().statusCode(303)
                .header("Location", endsWith("/review/" + token + "/thanks?lang=en"));
        given().get("/review/{token}/thanks?lang=en", token)
                .then().statusCode(200)
                .body(containsString("Thank you!"))
                .body(containsString("Quick and friendly"))
                .body(containsString("Only you can change or withdraw this review"))
                .body(not(containsString("Change your review")));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then()
                .body("count", equalTo(1)).body("average", equalTo(9.0f)).body("recommendPercentage", equalTo(100));
    }

    @Test
    void invalidFormIsShownAgainWithErrorsAndNothingIsStored() {
        TestShop shop = Api.newShop();
        String token = invite(shop, "nl", "Piet");
        browser().formParam("score", "").formParam("text", "   ").formParam("title", "Mijn titel").formParam("lang", "nl")
                .post("/review/{token}", token)
                .then().statusCode(400)
                .body(containsString("Controleer je review"))
                .body(containsString("Kies een cijfer van 1 tot en met 10."))
                .body(containsString("Schrijf je review, in hoogstens 5.000 tekens."))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("value=\"Mijn titel\""));
        browser().formParam("score", "11").formParam("text", "ok").formParam("recommend", "maybe")
                .post("/review/{token}", token)
                .then().statusCode(400)
                .body(containsString("Kies ja, nee of geen antwoord."));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(0));
    }

    @Test
    void customerTextIsNeverMarkup() {
        TestShop shop = Api.newShop();
        String token = invite(shop, "en", "<img src=x onerror=alert(1)>");
        given().get("/review/{token}", token).then()
                .body(not(containsString("<img src=x")));
        browser().formParam("score", "2").formParam("text", "<script>alert('x')</script> & more")
                .formParam("title", "<b>bold</b>").formParam("displayName", "\"><svg onload=alert(1)>")
                .post("/review/{token}", token).then().statusCode(303);
        given().get("/review/{token}", token).then().statusCode(200)
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<b>bold")))
                .body(not(containsString("<svg onload")))
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"));
        given().get("/shops/{slug}", shop.slug()).then().statusCode(200)
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<svg onload")))
                .body(containsString("&lt;b&gt;bold&lt;/b&gt;"));
    }

    @Test
    void writtenReviewIsChangedOnlyThroughTheAuthorsEditLinkForThirtyDays() {
        TestShop shop = Api.newShop();
        String token = invite(shop, "en", "Bo");
        browser().formParam("score", "3").formParam("text", "Parcel lost").formParam("recommend", "no")
                .post("/review/{token}", token).then().statusCode(303);
        given().get("/review/{token}", token).then().statusCode(200)
                .body(containsString("Your review of"))
                .body(containsString("Parcel lost"))
                .body(containsString("Only you can change or withdraw this review"))
                .body(not(containsString("<form")));
        browser().formParam("score", "10").formParam("text", "Changed by whoever holds the invitation link")
                .post("/review/{token}/edit", token).then().statusCode(404);

        long id = given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().extract().<Number>path("items[0].id").longValue();
        String editToken = editLinks.token(id);
        given().get("/review/edit/{editToken}", editToken).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body(containsString("action=\"/review/edit/" + editToken + "\""))
                .body(containsString("id=\"score-3\" value=\"3\" required checked"))
                .body(containsString("action=\"/review/edit/" + editToken + "/withdraw\""))
                .body(containsString("href=\"/api/v1/review-edits/" + editToken + "\""));

        clock.advance(Duration.ofDays(10));
        browser().formParam("score", "8").formParam("text", "Found and delivered after all").formParam("recommend", "yes")
                .post("/review/edit/{editToken}", editToken)
                .then().statusCode(303).header("Location", containsString("updated"));
        given().get("/review/edit/{editToken}?updated=1", editToken).then()
                .body(containsString("Your changes are saved."))
                .body(containsString("Found and delivered after all"));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then()
                .body("count", equalTo(1)).body("average", equalTo(8.0f)).body("distribution.'3'", equalTo(0));

        clock.advance(Duration.ofDays(21));
        given().get("/review/edit/{editToken}", editToken).then().statusCode(200)
                .body(containsString("This review can no longer be changed."))
                .body(not(containsString("action=\"/review/edit/" + editToken + "\"")));
        browser().formParam("score", "1").formParam("text", "Too late").post("/review/edit/{editToken}", editToken)
                .then().statusCode(409);
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("average", equalTo(8.0f));
    }

    @Test
    void theAuthorWithdrawsTheirReviewAfterConfirmingIt() {
        TestShop shop = Api.newShop();
        String token = invite(shop, "en", "Di");
        browser().formParam("score", "2").formParam("text", "Never again").post("/review/{token}", token).then().statusCode(303);
        long id = given().get("/api/v1/shops/{slug}/reviews", shop.slug()).then().extract().<Number>path("items[0].id").longValue();
        String editToken = editLinks.token(id);

        browser().post("/review/edit/{editToken}/withdraw", editToken).then().statusCode(400)
                .body(containsString("Tick the box to confirm"));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(1));

        browser().formParam("confirm", "yes").formParam("lang", "en").post("/review/edit/{editToken}/withdraw", editToken)
                .then().statusCode(303).header("Location", endsWith("/review/edit/withdrawn?lang=en"));
        given().get("/review/edit/withdrawn?lang=en").then().statusCode(200).body(containsString("Your review is withdrawn"));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(0));
        given().get("/review/edit/{editToken}", editToken).then().statusCode(404);
        given().get("/review/{token}", token).then().statusCode(200)
                .body(containsString("was withdrawn by its author"))
                .body(not(containsString("Never again")))
                .body(not(containsString("<form")));
    }

    @Test
    void sendingTheFormTwiceKeepsTheFirstReview() {
        TestShop shop = Api.newShop();
        String token = invite(shop, "en", "Cy");
        browser().formParam("score", "7").formParam("text", "First").post("/review/{token}", token).then().statusCode(303);
        browser().formParam("score", "1").formParam("text", "Second").post("/review/{token}", token)
                .then().statusCode(409)
                .body(containsString("You already reviewed this order."))
                .body(containsString("First"));
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(1)).body("average", equalTo(7.0f));
    }

    @Test
    void unknownAndExpiredLinksGetClearPages() {
        given().header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").get("/review/{token}", "A".repeat(43))
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Dieser Link funktioniert nicht"));
        given().get("/review/{token}", "nonsense").then().statusCode(404).body(containsString("<h1>"));

        TestShop shop = Api.newShop();
        String token = invite(shop, "nl", "Kim");
        clock.advance(Duration.ofDays(91));
        given().get("/review/{token}", token).then().statusCode(410)
                .body(containsString("Deze uitnodiging is verlopen"));
        browser().formParam("score", "7").formParam("text", "Late").post("/review/{token}", token)
                .then().statusCode(410);
        given().get("/api/v1/shops/{slug}/score", shop.slug()).then().body("count", equalTo(0));
    }

    @Test
    void pagesAreUsableWithoutJavaScript() {
        TestShop shop = Api.newShop();
        String token = invite(shop, "en", "Dee");
        given().get("/review/{token}", token).then()
                .body(not(containsString("<script")))
                .body(allOf(containsString("<form method=\"post\" action=\"/review/" + token + "\""),
                        containsString("<button type=\"submit\"")));
    }
}
