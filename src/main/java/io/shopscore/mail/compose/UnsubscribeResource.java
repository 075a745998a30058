package io.shopscore.mail.compose;

import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.shopscore.invitation.Tokens;

/**
 * The link at the bottom of every customer mail. GET only asks (mail scanners open links, and must
 * not unsubscribe anyone); the button, or a mail client's one-click POST (RFC 8058), does it.
 */
@Path("/review/{token}/unsubscribe")
@Tag(name = "Pages")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance unsubscribe(String lang, String token, String shop, String email, boolean done,
                boolean everywhere);
    }

    private final Unsubscriptions outbox;

    public UnsubscribeResource(Unsubscriptions outbox) {
        this.outbox = outbox;
    }

    @GET
    @Operation(operationId = "showUnsubscribePage", summary = "Ask whether to stop the shop's review mails",
            description = "The page behind the unsubscribe link of an invitation mail: asks whether to stop this shop's review mails or every mail of the service (HTML).")
    @APIResponse(responseCode = "200", description = "A page with a button")
    @APIResponse(responseCode = "404", description = "Unknown link")
    public Response ask(@RestPath String token) {
        return page(token, Tokens.hasTokenForm(token) ? outbox.subscriber(token) : Optional.empty(), false, false);
    }

    @POST
    @Operation(operationId = "unsubscribe", summary = "Stop the shop's review mails to this address, or every mail of this service",
            description = "Also the target of one-click unsubscribe (RFC 8058), which stops the shop's mails. "
                    + "With the form field scope=all, no shop's mails reach the address any more.")
    @APIResponse(responseCode = "200", description = "Done (asking again changes nothing)")
    @APIResponse(responseCode = "404", description = "Unknown link")
    public Response unsubscribe(@RestPath String token, @RestForm String scope) {
        boolean everywhere = "all".equals(scope);
        if (!Tokens.hasTokenForm(token)) {
            return page(token, Optional.empty(), true, everywhere);
        }
        return page(token, everywhere ? outbox.unsubscribeEverywhere(token) : outbox.unsubscribe(token), true, everywhere);
    }

    private static Response page(String token, Optional<Unsubscriptions.Unsubscribed> found, boolean done, boolean everywhere) {
        if (found.isEmpty()) {
            return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("This link does not work.").build();
        }
        Unsubscriptions.Unsubscribed subscriber = found.get();
        String lang = subscriber.locale();
        return Response.ok(Templates.unsubscribe(lang, token, subscriber.shopName(), subscriber.maskedEmail(), done, everywhere)
                        .setLocale(Locale.forLanguageTag(lang)))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }
}
