package io.shopscore.invitation;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The invitation as its creator needs it: the link to send to the customer. */
@Schema(name = "InvitationCreated")
public record InvitationCreated(
        @Schema(examples = "1051") long id,
        @Schema(examples = "ORD-10023") String orderRef,
        @Schema(description = "The customer's credential: 256 random bits, base64url", examples = "q0Vf1mLw2c0yF8Jm3bq0JdXoG0bJH2L4nF1cM2eQ9Ak") String token,
        @Schema(description = "The absolute link the customer follows", examples = "http://localhost:8080/review/q0Vf1mLw2c0yF8Jm3bq0JdXoG0bJH2L4nF1cM2eQ9Ak") String reviewUrl,
        Instant expiresAt) {
}
