package io.shopscore.review.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shopscore.testing.Api;
import io.shopscore.testing.Api.TestShop;

@QuarkusTest
class ShopPageTest {

    private static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    private static JsonPath jsonLd(String html) {
        Matcher matcher = JSON_LD.matcher(html);
        assertTrue(matcher.find(), "the page has JSON-LD");
        return JsonPath.from(matcher.group(1));
    }

    @Test
    void pageShowsGradeInTheShopsLanguageWithStructuredData() {
        TestShop shop = Api.newShop(Api.freshSlug("nlshop"), "nl");
        shop.review(10, true);
        shop.review(8, true);
        long lowest = shop.review(7, false);
        shop.asShop().body(Map.of("text", "Dank voor je eerlijke review!"))
                .put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), lowest).then().statusCode(200);

        String html = given().get("/shops/{slug}", shop.slug()).then().statusCode(200)
                .header("Content-Language", "nl")
                .header("Cache-Control", "public, max-age=60")
                .body(containsString("<html lang=\"nl\">"))
                .body(containsString("Reviews van Shop " + shop.slug()))
                .body(containsString(">8,3<"))
                .body(containsString("4,2 van 5 sterren"))
                .body(containsString("op basis van 3 reviews"))
                .body(containsString("67% raadt deze winkel aan"))
                .body(containsString("Reactie van Shop " + shop.slug()))
                .body(containsString("Dank voor je eerlijke review!"))
                .body(containsString("index, follow"))
                .extract().asString();

        JsonPath ld = jsonLd(html);
        assertEquals("https://schema.org", ld.getString("'@context'"));
        assertEquals("Organization", ld.getString("'@type'"));
        assertEquals("Shop " + shop.slug(), ld.getString("name"));
        assertEquals("AggregateRating", ld.getString("aggregateRating.'@type'"));
        assertEquals("8.3", ld.getString("aggregateRating.ratingValue"));
        assertEquals("10", ld.getString("aggregateRating.bestRating"));
        assertEquals("1", ld.getString("aggregateRating.worstRating"));
        assertEquals(3, ld.getInt("aggregateRating.ratingCount"));
        assertEquals(3, ld.getList("review").size());
        assertEquals("Review", ld.getString("review[0].'@type'"));
        assertEquals("7", ld.getString("review[0].reviewRating.ratingValue"));
        assertEquals("Person", ld.getString("review[0].author.'@type'"));

        given().queryParam("lang", "en").get("/shops/{slug}", shop.slug()).then()
                .body(containsString(">8.3<")).body(containsString("based on 3 reviews"));
    }

    @Test
    void structuredDataCannotBeBrokenOutOf() {
        TestShop shop = Api.newShop();
        String token = shop.invite();
        given().contentType("application/json")
                .body(Map.of("score", 5, "text", "</script><script>alert(1)</script>", "displayName", "<b>x</b>"))
                .post("/api/v1/invitations/{token}/review", token).then().statusCode(201);
        String html = given().get("/shops/{slug}", shop.slug()).then().statusCode(200).extract().asString();
        assertFalse(html.contains("<script>alert(1)"));
        assertEquals("</script><script>alert(1)</script>", jsonLd(html).getString("review[0].reviewBody"));
    }

    @Test
    void reviewsArePagedTenAtATime() {
        TestShop shop = Api.newShop();
        for (int i = 0; i < 12; i++) {
            shop.review(6 + i % 5, null);
        }
        String first = given().queryParam("lang", "en").get("/shops/{slug}", shop.slug()).then().statusCode(200)
                .body(containsString("Page 1 of 2"))
                .body(containsString("?page=1&amp;lang=en\" rel=\"next\""))
                .extract().asString();
        assertEquals(10, first.split("class=\"card review\"", -1).length - 1);
        String second = given().queryParam("page", 1).queryParam("lang", "en").get("/shops/{slug}", shop.slug())
                .then().statusCode(200).body(containsString("Page 2 of 2")).extract().asString();
        assertEquals(2, second.split("class=\"card review\"", -1).length - 1);
        given().queryParam("page", "x").get("/shops/{slug}", shop.slug()).then().statusCode(200);
    }

    @Test
    void shopWithoutReviewsSaysSoAndClaimsNoRating() {
        TestShop shop = Api.newShop(Api.freshSlug("empty"), "en");
        String html = given().get("/shops/{slug}", shop.slug()).then().statusCode(200)
                .body(containsString("has no reviews yet"))
                .extract().asString();
        assertFalse(jsonLd(html).getMap("$").containsKey("aggregateRating"));
    }

    @Test
    void unknownShopIsAReadableNotFoundPage() {
        given().header("Accept-Language", "en").get("/shops/{slug}", "does-not-exist-" + System.nanoTime())
                .then().statusCode(404).contentType(containsString("text/html")).body(containsString("Shop not found"));
        given().get("/shops/{slug}", "NOT_A_SLUG").then().statusCode(404).body(not(containsString("Exception")));
    }
    @Test
    void pageSaysHowReviewsAreCollectedInTheShopsLanguageAndEnglish() {
        TestShop shop = Api.newShop(Api.freshSlug("trust"), "nl");
        long answered = shop.review(4, false);
        shop.review(9, true);
        long removed = shop.review(1, false);
        shop.asShop().body(Map.of("text", "Sorry!")).put("/api/v1/shops/{slug}/reviews/{id}/response", shop.slug(), answered)
                .then().statusCode(200);
        shop.asShop().body(Map.of("reason", "personal_data")).post("/api/v1/shops/{slug}/reviews/{id}/reports", shop.slug(), removed)
                .then().statusCode(201);
        Api.asOperator().body(Map.of("decision", "remove", "reason", "Noemt een medewerker", "category", "personal_data"))
                .post("/api/v1/moderation/reviews/{id}/decision", removed).then().statusCode(200);

        given().get("/shops/{slug}", shop.slug()).then().statusCode(200)
                .body(containsString("Hoe deze reviews worden verzameld"))
                .body(containsString("Alleen klanten kunnen een review schrijven"))
                .body(containsString("Alleen de schrijver kan zijn review aanpassen of intrekken."))
                .body(containsString("nooit een review aanpassen, verbergen of verwijderen"))
                .body(containsString("Gepubliceerde reviews: 0 via een uitnodiging die Shopscore mailde, 2 via een link van de winkel, 0 geïmporteerd."))
                .body(containsString("Shopscore heeft de afgelopen 12 maanden 1 review verwijderd:"))
                .body(containsString("Persoonsgegevens: 1"))
                .body(containsString("De winkel heeft de afgelopen 12 maanden 1 review aan Shopscore gemeld: 1 verwijderd, 0 blijven staan, 0 nog in behandeling."))
                .body(containsString("De winkel reageerde op 1 van zijn 1 negatieve reviews"))
                .body(containsString("Link van de winkel"));

        given().queryParam("lang", "en").get("/shops/{slug}", shop.slug()).then().statusCode(200)
                .body(containsString("How these reviews are collected"))
                .body(containsString("Only customers can write a review"))
                .body(containsString("Published reviews: 0 invited by email by Shopscore, 2 through a link from the shop, 0 imported."))
                .body(containsString("Shopscore removed 1 review in the last 12 months:"))
                .body(containsString("Personal data: 1"))
                .body(containsString("The shop reported 1 review to Shopscore in the last 12 months: 1 removed, 0 kept, 0 still open."))
                .body(containsString("The shop responded to 1 of its 1 negative reviews (grade 5 or lower) of the last 12 months."))
                .body(containsString("Link from the shop"))
                .body(containsString("/shops/" + shop.slug() + "/reviews/" + answered + "/notice?lang=en\""))
                .body(containsString(">Report this review<"));
        given().queryParam("lang", "de").get("/shops/{slug}", shop.slug()).then().body(containsString("So werden diese Bewertungen gesammelt"));
        given().queryParam("lang", "fr").get("/shops/{slug}", shop.slug()).then().body(containsString("Comment ces avis sont recueillis"));
    }

    @Test
    void reviewCanBeReportedWithAPlainFormAndWhatWasTypedIsEscaped() {
        TestShop shop = Api.newShop(Api.freshSlug("notice"), "en");
        long id = shop.review(2, false);
        String form = "/shops/" + shop.slug() + "/reviews/" + id + "/notice";

        given().get(form).then().statusCode(200)
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Cache-Control", "no-store")
                .body(containsString("<form method=\"post\" action=\"" + form + "\""))
                .body(containsString("Review with grade 2"))
                .body(containsString("value=\"personal_data\""))
                .body(not(containsString("<script")));
        given().queryParam("lang", "nl").get(form).then().statusCode(200).body(containsString("Meld deze review"));

        String typed = "<script>alert(1)</script>";
        given().contentType("application/x-www-form-urlencoded")
                .formParam("reason", "nonsense").formParam("explanation", typed).formParam("email", "<b>x</b>").formParam("lang", "en")
                .post(form).then().statusCode(400)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("Please check your report"))
                .body(containsString("Choose what is wrong with the review."))
                .body(containsString("Enter a valid email address, or leave it empty."))
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(containsString("&lt;b&gt;x&lt;/b&gt;"))
                .body(not(containsString(typed)));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("reason", "offensive").formParam("explanation", " short ").formParam("lang", "en")
                .post(form).then().statusCode(400).body(containsString("Explain why in 10 to 2,000 characters."))
                .body(containsString("value=\"offensive\" required checked"));

        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("reason", "offensive").formParam("explanation", "Insults our driver by name.").formParam("email", "")
                .formParam("lang", "en")
                .post(form).then().statusCode(303)
                .header("Location", containsString(form + "/thanks?lang=en"));
        given().get(form + "/thanks?lang=en").then().statusCode(200).body(containsString("Thank you for your report"));
        Api.asOperator().get("/api/v1/moderation/reviews/{id}/history", id).then().statusCode(200)
                .body("action", hasItem("noticed"));

        given().get("/shops/" + shop.slug() + "/reviews/999999999/notice").then().statusCode(404)
                .body(containsString("This review cannot be reported"));
        given().get("/shops/" + shop.slug() + "/reviews/abc/notice").then().statusCode(404);
        given().contentType("application/x-www-form-urlencoded").formParam("reason", "offensive")
                .post("/shops/no-such-shop/reviews/" + id + "/notice").then().statusCode(404).body(not(containsString("Exception")));
        TestShop other = Api.newShop();
        given().get("/shops/" + other.slug() + "/reviews/" + id + "/notice").then().statusCode(404);
    }
}
