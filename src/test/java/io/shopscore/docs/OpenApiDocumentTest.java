package io.shopscore.docs;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document describes the contract of shared/api-v1.md. */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

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

    /**
     * What client generators need (docs/partners.md): a stable, unique operationId on every
     * operation, a description, the body of every successful answer, and a schema on every
     * response header. Spectral's full check runs
     * in the build on the stored document (pom.xml); this names the operation that breaks a rule.
     */
    @Test
    void everyOperationHasAUniqueOperationIdADescriptionATypedAnswerAndTypedHeaders() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> operationIds = new HashSet<>();
        List<String> problems = new ArrayList<>();
        paths.forEach((path, item) -> item.forEach((method, value) -> {
            if (!HTTP_METHODS.contains(method)) {
                return;
            }
            String operation = method.toUpperCase() + " " + path;
            Object operationId = value.get("operationId");
            if (!(operationId instanceof String id) || !id.matches("[a-z][A-Za-z]+")) {
                problems.add(operation + " has no operationId in camelCase");
            } else if (!operationIds.add(id)) {
                problems.add(operation + " repeats operationId " + id);
            }
            if (!(value.get("description") instanceof String description) || description.isBlank()) {
                problems.add(operation + " has no description");
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) value.get("responses");
            responses.forEach((status, response) -> {
                if (status.matches("20[0-2]") && response.get("content") == null) {
                    problems.add(operation + " " + status + " does not say what it answers (a generated client would return void)");
                }
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> headers = (Map<String, Map<String, Object>>) response.getOrDefault("headers", Map.of());
                headers.forEach((name, header) -> {
                    if (header.get("schema") == null) {
                        problems.add(operation + " " + status + " declares header " + name + " without a schema");
                    }
                });
            });
        }));
        assertEquals(List.of(), problems);
    }

    @Test
    void thePartnersOperationsHaveTheirContractNames() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/shops/{slug}/score'.get.operationId", equalTo("getShopScore"))
                .body("paths.'/api/v1/scores'.get.operationId", equalTo("getShopScores"))
                .body("paths.'/api/v1/shops/{slug}/invitations'.post.operationId", equalTo("createInvitation"))
                .body("paths.'/api/v1/scores/changes'.get.operationId", equalTo("listScoreChanges"))
                .body("paths.'/api/v1/scores/changes'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ScoreChanges"))
                .body("paths.'/api/v1/scores/changes'.get.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/shops/{slug}/score'.get.responses.'200'.headers.ETag.schema.type", equalTo("string"))
                .body("components.schemas.ScoreChanges.properties.keySet()", hasItems("items", "next"));
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
