package io.shopscore.connector;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shop's connector as the shop sees it: never its secret. */
@Schema(name = "Connector")
public record ConnectorView(
        @Schema(enumeration = { "woocommerce", "shopify" }) Platform platform,
        @Schema(description = "The order status that invites the customer", examples = "completed") String inviteOn,
        @Schema(description = "Where the platform sends its order webhooks",
                examples = "https://reviews.example.com/api/v1/shops/acme/connectors/woocommerce") String deliveryUrl,
        Instant createdAt,
        Instant updatedAt) {
}
