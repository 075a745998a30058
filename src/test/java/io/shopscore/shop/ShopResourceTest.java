package io.shopscore.shop;

import static org.hamcrest.Matchers.hasKey;
import static io.restassured.RestAssured.given;
import static io.shopscore.testing.Api.asOperator;
import static io.shopscore.testing.Api.freshSlug;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shopscore.testing.Api;

@QuarkusTest
class ShopResourceTest {

    @Test
    void operatorCreatesShopAndSeesItsKeyOnce() {
        String slug = freshSlug("acme");
        asOperator()
                .body(Map.of("slug", slug, "name", "  Acme Store ", "websiteUrl", "https://acme.example/shop", "locale", "en"))
                .when().post("/api/v1/shops")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/shops/" + slug))
                .body("slug", equalTo(slug))
                .body("name", equalTo("Acme Store"))
                .body("websiteUrl", equalTo("https://acme.example/shop"))
                .body("locale", equalTo("en"))
                .body("apiKey", matchesPattern("sk_[A-Za-z0-9_-]{43}"))
                .body("createdAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));

        asOperator().get("/api/v1/shops/{slug}", slug)
                .then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("$", not(hasKey("apiKey")));
    }

    @Test
    void localeDefaultsToTheFirstSupportedLanguage() {
        String slug = freshSlug("plain");
        asOperator().body(Map.of("slug", slug, "name", "Plain", "websiteUrl", "http://plain.example"))
                .post("/api/v1/shops")
                .then().statusCode(201).body("locale", equalTo("nl"));
    }

    @Test
    void takenSlugIsConflict() {
        String slug = freshSlug("twice");
        Api.newShop(slug, "nl");
        asOperator().body(Map.of("slug", slug, "name", "Again", "websiteUrl", "https://again.example"))
                .post("/api/v1/shops")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("title", equalTo("Conflict"))
                .body("detail", notNullValue());
    }

    @Test
    void badSlugUrlAndLocaleAreNamedInViolations() {
        asOperator().body(Map.of("slug", "Bad_Slug", "name", "", "websiteUrl", "javascript:alert(1)", "locale", "xx"))
                .post("/api/v1/shops")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations", hasSize(4))
                .body("violations.field", hasItem("slug"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("websiteUrl"))
                .body("violations.field", hasItem("locale"));
    }

    @Test
    void slugRulesFollowTheContract() {
        for (String bad : new String[] { "a", "-ab", "ab-", "a--b", "AB", "a b", "x".repeat(65) }) {
            asOperator().body(Map.of("slug", bad, "name", "N", "websiteUrl", "https://n.example"))
                    .post("/api/v1/shops")
                    .then().statusCode(400).body("violations[0].field", equalTo("slug"));
        }
        asOperator().body(Map.of("slug", "a1-" + freshSlug("b2"), "name", "N", "websiteUrl", "https://n.example"))
                .post("/api/v1/shops").then().statusCode(201);
    }

    @Test
    void creatingShopsNeedsTheAdminToken() {
        Map<String, String> body = Map.of("slug", freshSlug("nope"), "name", "N", "websiteUrl", "https://n.example");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/shops")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("wrong-token").contentType(ContentType.JSON).body(body).post("/api/v1/shops")
                .then().statusCode(401).contentType("application/problem+json");
        Api.TestShop shop = Api.newShop();
        shop.asShop().body(body).post("/api/v1/shops")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void rotatedKeyReplacesTheOldOne() {
        Api.TestShop shop = Api.newShop();
        shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(200);
        String newKey = asOperator().post("/api/v1/shops/{slug}/api-key", shop.slug())
                .then().statusCode(200).extract().path("apiKey");
        shop.asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(401);
        new Api.TestShop(shop.slug(), newKey).asShop().get("/api/v1/shops/{slug}/invitations", shop.slug()).then().statusCode(200);
    }

    @Test
    void unknownFieldsAndMalformedJsonAreRefused() {
        asOperator().body("{\"slug\":\"" + freshSlug("x") + "\",\"name\":\"N\",\"websiteUrl\":\"https://n.example\",\"admin\":true}")
                .post("/api/v1/shops")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("admin"));
        asOperator().body("{\"slug\": ").post("/api/v1/shops")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("The request body is not a valid JSON object"));
        asOperator().body("").post("/api/v1/shops")
                .then().statusCode(400).contentType("application/problem+json");
        asOperator().body("{\"slug\": 5, \"name\": [1], \"websiteUrl\": \"https://n.example\"}").post("/api/v1/shops")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
