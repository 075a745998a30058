package io.shopscore.widget;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import io.smallrye.common.annotation.NonBlocking;

/**
 * The embeddable widget, its stylesheet and its demo page, as built from {@code widget/} (the
 * script minified by the build, the stylesheet put into it here). Served from memory on the I/O
 * thread, gzipped when the browser accepts it.
 */
@Path("/widget")
@Tag(name = "Widget", description = "The embeddable rating badge")
public class WidgetResource {

    /**
     * The snippet's URL carries no version, so browsers keep the script an hour and revalidate it
     * with its ETag; a stale copy may serve a day while a fresh one loads in the background.
     */
    static final String SCRIPT_CACHE = "public, max-age=3600, stale-while-revalidate=86400";

    private final StaticAsset script;
    private final StaticAsset stylesheet;
    private final StaticAsset demo = StaticAsset.load("widget/demo.html", "text/html; charset=utf-8");

    public WidgetResource() {
        String styles = WidgetStyles.compact(new String(StaticAsset.read("widget/shopscore.css"), StandardCharsets.UTF_8));
        String code = WidgetStyles.embed(new String(StaticAsset.read("widget/shopscore.js"), StandardCharsets.UTF_8), styles);
        script = StaticAsset.of(code.getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8");
        stylesheet = StaticAsset.of(styles.getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8");
    }

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
    @Path("shopscore.css")
    @NonBlocking
    @Operation(operationId = "getWidgetStylesheet", summary = "The widget's stylesheet",
            description = "The badge's styles for browsers without constructable stylesheets, which the script links into each badge's "
                    + "shadow root; a shop's Content-Security-Policy allows it with style-src. The script carries the same styles itself.")
    @APIResponse(responseCode = "200", description = "The stylesheet (gzipped when accepted)")
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    public Response stylesheet(@RestHeader("Accept-Encoding") String acceptEncoding, @RestHeader("If-None-Match") String ifNoneMatch) {
        return stylesheet.respond(acceptEncoding, ifNoneMatch, SCRIPT_CACHE);
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
