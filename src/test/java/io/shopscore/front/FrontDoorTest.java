package io.shopscore.front;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The front door says what the service is and where to sign in; unknown addresses are readable to people and to programs. */
@QuarkusTest
class FrontDoorTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void frontDoorLinksToSignInAndDocs() {
        given().accept(BROWSER_ACCEPT).header("Accept-Language", "en-GB,en;q=0.8")
                .get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Language", "en")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("Verified reviews for webshops"))
                .body(containsString("href=\"/dashboard/sign-in?lang=en\""))
                .body(containsString("href=\"/q/swagger-ui\""))
                .body(containsString("href=\"/q/openapi\""));
    }

    @Test
    void frontDoorFindsAShopsReviewPage() {
        given().accept(BROWSER_ACCEPT).get("/?lang=en").then().statusCode(200)
                .body(containsString("<form class=\"find-shop\" method=\"get\" action=\"/shops\">"))
                .body(containsString("<label for=\"find-shop\">Read a shop"));
        given().redirects().follow(false).accept(BROWSER_ACCEPT).queryParam("shop", " Demo-Shop ").queryParam("lang", "de").get("/shops").then().statusCode(303)
                .header("Location", endsWith("/shops/demo-shop?lang=de"));
        given().redirects().follow(false).accept(BROWSER_ACCEPT).queryParam("shop", "demo").queryParam("lang", "xx").get("/shops").then().statusCode(303)
                .header("Location", endsWith("/shops/demo"));
        for (String notASlug : new String[] {"", "<script>x</script>", "a/../../operator", "x".repeat(65)}) {
            given().redirects().follow(false).accept(BROWSER_ACCEPT).queryParam("shop", notASlug).queryParam("lang", "en").get("/shops")
                    .then().statusCode(404).contentType(startsWith("text/html"))
                    .body(not(containsString("<script>x")));
        }
    }

    @Test
    void frontDoorSpeaksTheLanguageAskedFor() {
        given().get("/?lang=de").then().statusCode(200).header("Content-Language", "de")
                .body(containsString("Im Dashboard anmelden"));
        given().header("Accept-Language", "fr-BE").get("/").then().statusCode(200).header("Content-Language", "fr")
                .body(containsString("Se connecter au tableau de bord"));
        given().get("/").then().statusCode(200).header("Content-Language", "nl");
    }

    @Test
    void browserAskingForAnUnknownAddressGetsAReadablePage() {
        for (String path : new String[] { "/no-such-page", "/dashboard-typo/x", "/shops/demo/no/such/thing", "/api/v1/nothing-here" }) {
            given().accept(BROWSER_ACCEPT).header("Accept-Language", "en")
                    .get(path)
                    .then().statusCode(404)
                    .contentType(startsWith("text/html"))
                    .body(containsString("<h1>Page not found</h1>"))
                    .body(containsString("href=\"/?lang=en\""));
        }
    }

    @Test
    void programAskingForAnUnknownAddressGetsAProblem() {
        for (String path : new String[] { "/no-such-page", "/api/v1/nothing-here", "/shops/demo/no/such/thing" }) {
            given().accept("application/json")
                    .get(path)
                    .then().statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(404))
                    .body(not(containsString("<html")));
        }
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(startsWith("application/problem+json"));
    }
}
