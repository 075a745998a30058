package io.shopscore;

import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API as a whole, for the OpenAPI document at /q/openapi and Swagger UI at /q/swagger-ui. */
@OpenAPIDefinition(
        info = @Info(title = "Shopscore API", version = "1",
                description = "Verified reviews and scores for webshops. Errors are RFC 9457 problems "
                        + "(application/problem+json); docs/api.md describes the contract in prose.",
                license = @License(name = "Apache-2.0", identifier = "Apache-2.0")),
        tags = {
                @Tag(name = "Public", description = "Scores and reviews for anyone: no credentials, CORS open, cacheable"),
                @Tag(name = "Customer", description = "Writing a review through the token of an invitation"),
                @Tag(name = "Shop", description = "A shop's own invitations, reviews and responses (its API key)"),
                @Tag(name = "Operator", description = "Registering shops (admin token)"),
                @Tag(name = "Pages", description = "Server-rendered HTML pages") })
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The operator's admin token, or a shop's API key (sk_...)")
public class ShopscoreApi extends Application {
}
