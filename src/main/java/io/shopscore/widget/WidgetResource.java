package io.shopscore.widget;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import io.smallrye.common.annotation.NonBlocking;

/**
 * The embeddable widget and its demo page, as built from {@code widget/}. Served from memory on
 * the I/O thread, gzipped when the browser accepts it.
 */
@Path("/widget")
@Tag(name = "Widget", description = "The embeddable rating badge")
public class WidgetResource {

    /**
     * The snippet's URL carries no version, so browsers keep the script an hour and revalidate it
     * with its ETag; a stale copy may serve a day while a fresh one loads in the background.
     */
    static final String SCRIPT_CACHE = "public, max-age=3600, stale-while-revalidate=86400";

    private final StaticAsset script = StaticAsset.load("widget/shopscore.js", "text/javascript; charset=utf-8");
    private final StaticAsset demo = StaticAsset.load("widget/demo.html", "text/html; charset=utf-8");

    @GET
    @Path("shopscore.js")
    @NonBlocking
    @Operation(operationId = "getWidgetScript", summary = "The widget script", description = "Renders the badge into every element with data-shopscore; see docs/widget.md.")
    @APIResponse(responseCode = "200", description = "The script (gzipped when accepted)")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response script(@RestHeader("Accept-Encoding") String acceptEncoding, @RestHeader("If-None-Match") String ifNoneMatch) {
        return script.respond(acceptEncoding, ifNoneMatch, SCRIPT_CACHE);
    }

    @GET
    @Path("demo.html")
    @NonBlocking
    @Operation(operationId = "getWidgetDemoPage", summary = "A demo webshop page with every variant of the widget",
            description = "A demo webshop page (HTML) showing every variant of the badge for the demo shop; see docs/widget.md.")
    @APIResponse(responseCode = "200", description = "The page")
    public Response demo(@RestHeader("Accept-Encoding") String acceptEncoding, @RestHeader("If-None-Match") String ifNoneMatch) {
        return demo.respond(acceptEncoding, ifNoneMatch, "public, max-age=300");
    }
}
