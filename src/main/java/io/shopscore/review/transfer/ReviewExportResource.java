package io.shopscore.review.transfer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.security.PermissionsAllowed;
import io.shopscore.security.Roles;

@Path("/api/v1/shops/{slug}/reviews/export.csv")
@Tag(name = "Shop")
@SecurityRequirement(name = "bearer")
public class ReviewExportResource {

    private final ReviewExportService exports;

    public ReviewExportResource(ReviewExportService exports) {
        this.exports = exports;
    }

    @GET
    @Produces({ ReviewImportResource.CSV, MediaType.APPLICATION_JSON })
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "exportReviews", summary = "Every review of the shop, as CSV or JSON",
            description = "Every review the shop may see (published, pending and removed; not the withdrawn ones), oldest first, "
                    + "with its source, status, response and dates, as a download. CSV (RFC 4180, header row, the columns the "
                    + "import reads) by default, JSON with format=json. Fields that a spreadsheet would run as a formula (starting "
                    + "with = + - @, a tab or a carriage return) get a leading single quote, which the import takes off again. "
                    + "A removed review is exported without its words.")
    @APIResponse(responseCode = "200", description = "The export",
            headers = @Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "attachment, with a file name",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {
                    @Content(mediaType = ReviewImportResource.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewExport.class)) })
    @APIResponse(responseCode = "400", description = "A format other than csv or json")
    public Response export(@RestPath String slug,
            @Parameter(description = "csv (default) or json", schema = @Schema(enumeration = { "csv", "json" })) @RestQuery String format) {
        ReviewExportService.Export export = exports.open(slug, ReviewExportService.Format.parse(format));
        StreamingOutput body = out -> exports.write(export, out);
        return Response.ok(body, export.format().mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .build();
    }
}
