package io.shopscore.webhook;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shopscore.shop.WebsiteUrl;

/** A shop's webhook: where events go, and (once, when created) the secret that signs them. */
@Schema(name = "Webhook")
public record WebhookView(
        String url,
        @Schema(description = "Signs every delivery (see the Shopscore-Signature header). Shown only when the webhook is created.",
                nullable = true) String secret,
        Instant createdAt) {

    /** Registering or moving a webhook. */
    @Schema(name = "WebhookRequest")
    public record Request(
            @Schema(description = "https URL that receives a POST per review event", examples = "https://demo.example/hooks/shopscore",
                    required = true)
            @NotNull @Size(max = 2048) @WebsiteUrl String url) {
    }
}
