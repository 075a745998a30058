package io.shopscore.webhook;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.shopscore.paging.Page;
import io.shopscore.paging.PageRequest;
import io.shopscore.problem.ProblemException;
import io.shopscore.security.Roles;

@Path("/api/v1/shops/{slug}/webhook")
@Tag(name = "Shop")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookService webhooks;

    public WebhookResource(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "registerWebhook", summary = "Register the shop's webhook, or move it",
            description = "Every new, updated, published or removed review is POSTed there as JSON, signed (docs/webhooks.md). "
                    + "The secret is shown only when the webhook is first created; moving it keeps the secret.")
    @APIResponse(responseCode = "200", description = "The webhook")
    @APIResponse(responseCode = "400", description = "Not an https URL, or one inside a private network")
    public WebhookView register(@RestPath String slug, @Valid @NotNull WebhookView.Request body) {
        return webhooks.register(slug, body.url());
    }

    @GET
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "getWebhook", summary = "The shop's webhook",
            description = "The shop's webhook: where reviews are POSTed. The signing secret is never shown again.")
    @APIResponse(responseCode = "200", description = "The webhook (without its secret)")
    @APIResponse(responseCode = "404", description = "The shop has no webhook")
    public WebhookView get(@RestPath String slug) {
        return webhooks.find(slug).orElseThrow(() -> ProblemException.notFound("Shop '" + slug + "' has no webhook."));
    }

    @DELETE
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "deleteWebhook", summary = "Remove the shop's webhook",
            description = "Stops calls to the shop's webhook; deliveries still pending are skipped.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The shop has no webhook")
    public RestResponse<Void> delete(@RestPath String slug) {
        if (!webhooks.delete(slug)) {
            throw ProblemException.notFound("Shop '" + slug + "' has no webhook.");
        }
        return RestResponse.noContent();
    }

    @GET
    @Path("deliveries")
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @Operation(operationId = "listWebhookDeliveries", summary = "Deliveries of the shop's webhook, newest first, with every attempt",
            description = "A page of the webhook's deliveries, newest first, each with its state, its attempts and when the next one is due.")
    @APIResponse(responseCode = "200", description = "A page of deliveries")
    @APIResponse(responseCode = "400", description = "Bad page or size")
    public Page<DeliveryView> deliveries(@RestPath String slug, @RestQuery String page, @RestQuery String size) {
        return webhooks.deliveries(slug, PageRequest.of(page, size));
    }
}
