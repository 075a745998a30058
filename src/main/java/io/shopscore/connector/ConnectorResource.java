package io.shopscore.connector;

import java.io.IOException;
import java.io.InputStream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.PermissionsAllowed;
import io.shopscore.problem.ProblemException;
import io.shopscore.security.Roles;

/** A shop's connectors to WooCommerce and Shopify, and the addresses those platforms post their orders to. */
@Path("/api/v1/shops/{slug}/connectors")
@Tag(name = "Orders in", description = "Order webhooks from WooCommerce and Shopify: each order's customer is invited once")
@Produces(MediaType.APPLICATION_JSON)
public class ConnectorResource {

    /** Far above any real order (a 250-line Shopify order is about 300 KB), far below what could hurt. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ConnectorService connectors;

    public ConnectorResource(ConnectorService connectors) {
        this.connectors = connectors;
    }

    @PUT
    @Path("{platform}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "putConnector", summary = "Set up or change the shop's connector to a platform",
            description = "Stores the signing secret the platform shows (never shown again) and the order status that invites "
                    + "the customer. The answer says where the platform must send its order webhooks.")
    @APIResponse(responseCode = "200", description = "The connector, without its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorView.class)))
    public ConnectorView put(@RestPath String slug,
            @Parameter(description = "woocommerce or shopify", schema = @Schema(enumeration = { "woocommerce", "shopify" }))
            @RestPath String platform,
            @Valid @NotNull ConnectorSettings body) {
        return connectors.configure(slug, platform, body);
    }

    @GET
    @Path("{platform}")
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getConnector", summary = "The shop's connector to a platform",
            description = "The connector's settings and delivery address; never its secret.")
    @APIResponse(responseCode = "200", description = "The connector, without its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ConnectorView.class)))
    @APIResponse(responseCode = "404", description = "The shop has no connector to this platform")
    public ConnectorView get(@RestPath String slug,
            @Parameter(description = "woocommerce or shopify", schema = @Schema(enumeration = { "woocommerce", "shopify" }))
            @RestPath String platform) {
        return connectors.find(slug, platform)
                .orElseThrow(() -> ProblemException.notFound("Shop '" + slug + "' has no " + platform + " connector."));
    }

    @DELETE
    @Path("{platform}")
    @PermissionsAllowed(Roles.SHOP_OWNER)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "deleteConnector", summary = "Remove the shop's connector to a platform",
            description = "Forgets the secret; the platform's later deliveries are answered 404. Invitations already made stay.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The shop has no connector to this platform")
    public RestResponse<Void> delete(@RestPath String slug,
            @Parameter(description = "woocommerce or shopify", schema = @Schema(enumeration = { "woocommerce", "shopify" }))
            @RestPath String platform) {
        if (!connectors.remove(slug, platform)) {
            throw ProblemException.notFound("Shop '" + slug + "' has no " + platform + " connector.");
        }
        return RestResponse.noContent();
    }

    @POST
    @Path("woocommerce")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "receiveWooCommerceOrder", summary = "WooCommerce's order webhook",
            description = "The delivery URL of a WooCommerce webhook (topics order.created and order.updated, API version "
                    + "WP REST API Integration v3), exactly as WooCommerce sends it. The body is checked against "
                    + "X-WC-Webhook-Signature (base64 HMAC-SHA256 of the raw body with the connector's secret) before it "
                    + "is read. WooCommerce's ping when a webhook is saved (form-encoded webhook_id=N, unsigned) answers "
                    + "200 and creates nothing. The order's customer is invited once, when the order reaches the "
                    + "connector's status; every other delivery answers 200 and changes nothing.")
    @RequestBody(description = "The order as WooCommerce's REST API shows it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "200", description = "Taken: what the delivery did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryResult.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "401", description = "The signature is missing or does not match")
    @APIResponse(responseCode = "404", description = "No such shop, or it has no WooCommerce connector")
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MB")
    public DeliveryResult wooCommerce(@RestPath String slug,
            @RestHeader("X-WC-Webhook-Signature") String signature,
            @RestHeader("X-WC-Webhook-Topic") String topic,
            InputStream body) throws IOException {
        return connectors.receive(slug, Platform.WOOCOMMERCE, new ConnectorService.Delivery(read(body), signature, topic));
    }

    @POST
    @Path("shopify")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "receiveShopifyOrder", summary = "Shopify's orders webhooks",
            description = "The URL of a Shopify webhook (topics orders/create, orders/updated, orders/paid, orders/fulfilled, "
                    + "JSON), exactly as Shopify sends it. The body is checked against X-Shopify-Hmac-Sha256 (base64 "
                    + "HMAC-SHA256 of the raw body with the connector's secret) before it is read. The order's customer is "
                    + "invited once, when the order is fulfilled or paid as the connector says; every other delivery answers "
                    + "200 and changes nothing.")
    @RequestBody(description = "The order as Shopify's webhook sends it", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "200", description = "Taken: what the delivery did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryResult.class)))
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "401", description = "The signature is missing or does not match")
    @APIResponse(responseCode = "404", description = "No such shop, or it has no Shopify connector")
    @APIResponse(responseCode = "413", description = "The body is larger than 1 MB")
    public DeliveryResult shopify(@RestPath String slug,
            @RestHeader("X-Shopify-Hmac-Sha256") String signature,
            @RestHeader("X-Shopify-Topic") String topic,
            InputStream body) throws IOException {
        return connectors.receive(slug, Platform.SHOPIFY, new ConnectorService.Delivery(read(body), signature, topic));
    }

    /** The raw bytes, as signed: at most 1 MB, so that nothing larger is kept or hashed. */
    private static byte[] read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw ProblemException.tooLarge("An order webhook is at most 1 MB.");
        }
        return bytes;
    }
}
