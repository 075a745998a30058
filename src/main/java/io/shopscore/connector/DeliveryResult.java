package io.shopscore.connector;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What Shopscore did with one delivery of a platform's webhook. Every outcome is a 200: the platform must not retry. */
@Schema(name = "ConnectorDelivery")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryResult(
        @Schema(description = "invited: this delivery made the order's invitation; duplicate: the order already has one; "
                + "ignored: nothing to do (another topic or status, no email address; see reason); ping: WooCommerce's test "
                + "when a webhook is saved") Outcome outcome,
        @Schema(description = "The order's invitation, when it has one", examples = "1051") Long invitationId,
        @Schema(description = "Why an ignored delivery invited nobody", examples = "the order's status is processing, not completed")
        String reason) {

    public enum Outcome {
        INVITED, DUPLICATE, IGNORED, PING;

        @JsonValue
        public String json() {
            return name().toLowerCase();
        }
    }

    static DeliveryResult invited(long invitationId) {
        return new DeliveryResult(Outcome.INVITED, invitationId, null);
    }

    static DeliveryResult duplicate(Long invitationId) {
        return new DeliveryResult(Outcome.DUPLICATE, invitationId, null);
    }

    static DeliveryResult ignored(String reason) {
        return new DeliveryResult(Outcome.IGNORED, null, reason);
    }

    static DeliveryResult ping() {
        return new DeliveryResult(Outcome.PING, null, null);
    }
}
