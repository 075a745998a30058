package io.shopscore.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One webhook event and every attempt to deliver it. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        String eventId,
        String type,
        long reviewId,
        @Schema(enumeration = { "pending", "sending", "delivered", "failed" }) String state,
        int attempts,
        @Schema(nullable = true) Instant nextAttemptAt,
        @Schema(nullable = true) Integer lastStatus,
        @Schema(nullable = true) String lastError,
        @Schema(nullable = true) Instant deliveredAt,
        Instant createdAt,
        List<WebhookAttempt.View> log) {
}
