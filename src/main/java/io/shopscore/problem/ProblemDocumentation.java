package io.shopscore.problem;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents what ProblemMapper guarantees: every 4xx and 5xx response of the JSON API has an
 * {@code application/problem+json} body, every endpoint that needs a token can answer 401
 * and 403, one that takes a body 400, one with a path parameter 404, and every endpoint 429 past
 * a limit and 503 while the database is unavailable. It also gives every response header a schema
 * (a header object without one makes the document invalid, and client generators refuse it).
 * Registered with {@code mp.openapi.filter}.
 */
public class ProblemDocumentation implements OASFilter {

    private static final String REF = "#/components/schemas/Problem";
    private static final String RETRY_AFTER = "Retry-After";
    private static final Map<String, String> HEADER_DESCRIPTIONS = Map.of(
            "ETag", "Strong validator of this body: send it back in If-None-Match to get 304 while nothing changed",
            "Cache-Control", "How long browsers, CDNs and proxies may keep this answer",
            "Location", "The URL of what was created",
            "Retry-After", "Seconds to wait");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            openAPI.getComponents().addSchema("Problem", problemSchema());
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            path.getValue().getOperations().values().forEach(ProblemDocumentation::giveHeadersSchemas);
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getResponses() == null) {
                    continue;
                }
                if (operation.getRequestBody() != null) {
                    addIfMissing(operation, "400", "The body is not valid JSON, has unknown fields, or a field is invalid (violations name them)");
                }
                if (path.getKey().contains("{")) {
                    addIfMissing(operation, "404", "Nothing is found under this path");
                }
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    addIfMissing(operation, "401", "No token, or one Shopscore does not know");
                    addIfMissing(operation, "403", "A valid token that may not do this (another shop's key, or a shop key on the operator API)");
                }
                if (!operation.getResponses().hasAPIResponse("429")) {
                    operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                            .description("Over a request limit (docs/api.md): ask again after Retry-After seconds")
                            .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))));
                }
                if (!operation.getResponses().hasAPIResponse("503")) {
                    operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse()
                            .description("The database is unavailable for now: ask again after Retry-After seconds")
                            .addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait")
                                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))));
                }
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
                        attachProblem(response);
                    }
                });
            }
        }
    }

    /** Response headers declared by name only get the type their values have, and a description. */
    private static void giveHeadersSchemas(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getHeaders() == null) {
                continue;
            }
            response.getHeaders().forEach((name, header) -> {
                if (header.getRef() != null) {
                    return;
                }
                if (header.getSchema() == null && header.getContent() == null) {
                    Schema.SchemaType type = RETRY_AFTER.equalsIgnoreCase(name) ? Schema.SchemaType.INTEGER : Schema.SchemaType.STRING;
                    header.setSchema(OASFactory.createSchema().type(List.of(type)));
                }
                if (header.getDescription() == null && HEADER_DESCRIPTIONS.containsKey(name)) {
                    header.setDescription(HEADER_DESCRIPTIONS.get(name));
                }
            });
        }
    }

    private static void addIfMissing(Operation operation, String code, String description) {
        if (!operation.getResponses().hasAPIResponse(code)) {
            operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void attachProblem(APIResponse response) {
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An error, as RFC 9457 application/problem+json")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("violations", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY)).items(violation))
                .required(List.of("type", "title", "status", "detail"));
    }
}
