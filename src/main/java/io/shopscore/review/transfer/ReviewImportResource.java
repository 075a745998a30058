package io.shopscore.review.transfer;

import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.security.PermissionsAllowed;
import io.shopscore.security.Roles;

@Path("/api/v1/shops/{slug}/imports")
@Tag(name = "Shop")
@SecurityRequirement(name = "bearer")
public class ReviewImportResource {

    static final String CSV = "text/csv";

    private final ReviewImportService imports;

    public ReviewImportResource(ReviewImportService imports) {
        this.imports = imports;
    }

    @POST
    @Consumes(CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "importReviews", summary = "Import reviews from another service (CSV)",
            description = "A CSV file (RFC 4180, UTF-8 with or without BOM) whose header names the columns, in any order: date, "
                    + "grade and text are required; title, displayName, recommend, response and responseDate are optional; "
                    + "the columns only an export has (id, source, status, updatedAt, removalReason) are accepted, so an export "
                    + "imports as it is. Every row is checked first: when any row is bad, nothing is imported and every bad row "
                    + "is named by line and column. Imported reviews show with source imported and never count in any score. "
                    + "A review already imported (same date, display name and text) is skipped, so a file can be sent again.")
    @RequestBody(required = true, content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING,
            examples = "date,grade,title,text,displayName,recommend,response\r\n2024-05-31,8,Prima,\"Snel, goed verpakt\",Jan,yes,Dank je!\r\n")))
    @APIResponse(responseCode = "200", description = "What was imported, or every bad row when nothing was",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "Not UTF-8, or a header with an unknown, repeated or missing column (each named)")
    @APIResponse(responseCode = "409", description = "Another import stored some of these reviews at the same moment; send it again")
    @APIResponse(responseCode = "413", description = "More than 8 MB or 100,000 reviews (configurable)")
    public ImportResult importReviews(@RestPath String slug, InputStream body) {
        return imports.importCsv(slug, body);
    }
}
