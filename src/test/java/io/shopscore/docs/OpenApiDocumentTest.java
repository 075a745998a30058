package io.shopscore.docs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document describes the contract of shared/api-v1.md. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void everyContractEndpointIsDocumented() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.keySet()", hasItems(
                        "/api/v1/shops",
                        "/api/v1/shops/{slug}/invitations",
                        "/api/v1/shops/{slug}/reviews/{id}/response",
                        "/api/v1/invitations/{token}/review",
                        "/api/v1/shops/{slug}/score",
                        "/api/v1/scores",
                        "/api/v1/shops/{slug}/reviews",
                        "/review/{token}",
                        "/shops/{slug}"))
                .body("paths.'/api/v1/invitations/{token}/review'.put", notNullValue())
                .body("paths.'/api/v1/shops/{slug}/score'.get.responses.'304'", notNullValue())
                .body("components.schemas.Score.properties.keySet()", hasItems("slug", "name", "average", "stars", "count",
                        "recommendPercentage", "distribution", "last12Months", "reviewPageUrl"))
                .body("components.schemas.Review.properties.keySet()", hasItems("id", "score", "title", "text", "displayName",
                        "recommend", "verified", "createdAt", "response"))
                .body("paths.'/api/v1/invitations/{token}/review'.post.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/invitations/{token}/review'.post.responses.'429'.headers.'Retry-After'", notNullValue())
                .body("paths.'/api/v1/shops/{slug}/score'.get.responses.'429'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"));
    }
}
