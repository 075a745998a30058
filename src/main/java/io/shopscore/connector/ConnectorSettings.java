package io.shopscore.connector;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a shop sets for one platform: the secret the platform signs with, and when to invite. */
@Schema(name = "ConnectorSettings")
public record ConnectorSettings(
        @Schema(description = "The signing secret the platform shows (WooCommerce: the webhook's Secret; Shopify: the key shown "
                + "under Settings > Notifications > Webhooks, or the app's client secret). Never shown again.",
                examples = "4f8e1c7d0b2a9e6f3c5d8a1b7e0f2c4d", required = true, minLength = 16, maxLength = 200)
        @NotNull @Size(min = 16, max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be printable characters only")
        String secret,
        @Schema(description = "The order status that invites the customer. WooCommerce: any order status (default completed); "
                + "Shopify: fulfilled (default) or paid.", examples = "completed")
        String inviteOn) {
}
