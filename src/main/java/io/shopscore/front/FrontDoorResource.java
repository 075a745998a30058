package io.shopscore.front;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.web.HtmlPage;
import io.shopscore.web.LanguageLink;

/** The front door: what Shopscore is, where shops and the operator sign in, and where the documentation is. */
@Path("/")
@Tag(name = "Pages")
public class FrontDoorResource {

    @CheckedTemplate(basePath = "front")
    static class Templates {
        static native TemplateInstance home(String lang, java.util.List<LanguageLink> languages);
    }

    private final PageLanguage languages;

    public FrontDoorResource(PageLanguage languages) {
        this.languages = languages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "showFrontDoor", summary = "The front door",
            description = "What this service is, with sign-in for shops and the operator and links to the documentation (HTML), in the language of ?lang= or the browser.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class)))
    public Response home(@RestQuery String lang, @RestHeader("Accept-Language") String acceptLanguage) {
        String language = languages.of(lang, acceptLanguage);
        return HtmlPage.of(Templates.home(language, LanguageLink.forPage("/", languages.supported(), language)), 200, language,
                "public, max-age=300");
    }
}
